// The extension activates on .nn files, starts its language server, and restarts it on command.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { EXTENSION_ID, extensionApi, openWorkspaceFile, replaceText, waitForCode } = require('./helpers');

describe('extension', () => {
  it('activates when a .nn file opens and reports how long activation took', async () => {
    const document = await openWorkspaceFile('spirals.nn');
    assert.equal(document.languageId, 'nn');
    const api = await extensionApi();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID).isActive);
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0, `activationMs = ${api.activationMs}`);
    console.log(`      (activation took ${api.activationMs.toFixed(1)} ms)`);
  });

  it('starts the language server, which answers initialize with its capabilities', async () => {
    const api = await extensionApi();
    await api.whenServerReady();
    const result = api.initializeResult();
    assert.ok(result, 'no initialize result');
    assert.equal(result.serverInfo && result.serverInfo.name, 'nn-studio');
    assert.ok(result.capabilities.textDocumentSync !== undefined, 'the server does not sync documents');
    assert.ok(api.languageClient().isRunning());
  });

  it('restarts the language server on nn.restartServer and keeps analysing', async () => {
    const api = await extensionApi();
    const before = api.languageClient();
    await vscode.commands.executeCommand('nn.restartServer');
    await api.whenServerReady();
    const after = api.languageClient();
    assert.notEqual(after, before, 'the client was not replaced');
    assert.ok(after.isRunning());
    assert.ok(!before.isRunning(), 'the old client still runs');
    const document = await openWorkspaceFile('xor.nn');
    await replaceText(document, 'dense 8 tanh', 'dense 8 tnah');
    const diagnostic = await waitForCode(document.uri, 'unknown-activation');
    assert.equal(document.getText(diagnostic.range), 'tnah');
    await replaceText(document, 'dense 8 tnah', 'dense 8 tanh');
  });
});
