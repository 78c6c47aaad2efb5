// Commands the extension contributes.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { EXTENSION_ID, replaceText, waitForCode } = require('./helpers');

describe('commands', () => {
  it('registers every command that package.json declares', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    await extension.activate();
    const declared = extension.packageJSON.contributes.commands.map((command) => command.command).sort();
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      declared.filter((id) => !registered.has(id)),
      [],
    );
  });

  it('nn.openExample opens a bundled example as an untitled document that the server analyses', async () => {
    const editor = await vscode.commands.executeCommand('nn.openExample', 'spirals');
    assert.ok(editor, 'no editor returned');
    const document = editor.document;
    assert.ok(document.isUntitled);
    assert.equal(document.languageId, 'nn');
    const extensionPath = vscode.extensions.getExtension(EXTENSION_ID).extensionPath;
    assert.equal(document.getText(), fs.readFileSync(path.join(extensionPath, 'examples/spirals.nn'), 'utf8'));
    await replaceText(document, 'dense 16 relu', 'dense 16 rleu');
    await waitForCode(document.uri, 'unknown-activation');
  });
});
