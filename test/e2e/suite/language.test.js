// The language contribution: file association and language configuration, as VS Code applies them.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

describe('language', () => {
  it('registers the nn language', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('nn'));
  });

  it('recognises every .nn file in the workspace as nn', async () => {
    const files = await vscode.workspace.findFiles('**/*.nn');
    assert.ok(files.length >= 5, `found ${files.length} .nn files`);
    for (const uri of files) {
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.languageId, 'nn', uri.path);
    }
  });

  it('toggles line comments with #', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'nn',
      content: 'model m {\n  dense 4 relu\n}\n',
    });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(1, 4, 1, 4);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.equal(document.lineAt(1).text, '  # dense 4 relu');
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.equal(document.lineAt(1).text, '  dense 4 relu');
  });
});
