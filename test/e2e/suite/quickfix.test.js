// Quick fixes in real VS Code: apply one from the light bulb, see the diagnostic disappear, undo it; fix all;
// a settings change re-checks the open file at once.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { codeOf, describeDiagnostics, openWorkspaceFile, waitForCode, waitForDiagnostics } = require('./helpers');

const has = (code) => (all) => all.some((d) => codeOf(d) === code);
const lacks = (code) => (all) => !all.some((d) => codeOf(d) === code);

async function revert(document) {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

describe('quick fixes', () => {
  it('applies the preferred fix of softmax-one-unit, which clears it, and undo brings it back (flawed.nn)', async () => {
    const document = await openWorkspaceFile('flawed.nn');
    try {
      const diagnostic = await waitForCode(document.uri, 'softmax-one-unit');
      const actions = await vscode.commands.executeCommand(
        'vscode.executeCodeActionProvider',
        document.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const preferred = (actions || []).filter((a) => a.isPreferred);
      assert.equal(
        preferred.length,
        1,
        `preferred fixes: ${(actions || []).map((a) => `${a.title}${a.isPreferred ? ' *' : ''}`).join(', ')}`,
      );
      assert.ok(await vscode.workspace.applyEdit(preferred[0].edit), 'the edit applies');
      assert.equal(document.getText(diagnostic.range), 'sigmoid');
      await waitForDiagnostics(document.uri, lacks('softmax-one-unit'), { what: 'softmax-one-unit to disappear' });
      await vscode.commands.executeCommand('undo');
      await waitForCode(document.uri, 'softmax-one-unit');
    } finally {
      await revert(document);
    }
  });

  it('"ignore on this line" adds a comment and the finding goes', async () => {
    const document = await openWorkspaceFile('flawed.nn');
    try {
      const diagnostic = await waitForCode(document.uri, 'linear-hidden');
      const actions = await vscode.commands.executeCommand(
        'vscode.executeCodeActionProvider',
        document.uri,
        diagnostic.range,
      );
      const ignore = (actions || []).find((a) => a.title === 'Ignore linear-hidden on this line');
      assert.ok(ignore, (actions || []).map((a) => a.title).join(', '));
      assert.ok(await vscode.workspace.applyEdit(ignore.edit));
      assert.match(document.lineAt(diagnostic.range.start.line).text, /# nn-ignore: linear-hidden$/);
      await waitForDiagnostics(document.uri, lacks('linear-hidden'), { what: 'linear-hidden to disappear' });
    } finally {
      await revert(document);
    }
  });

  it('source.fixAll.nn fixes every finding of flawed.nn at once', async () => {
    const document = await openWorkspaceFile('flawed.nn');
    try {
      await waitForCode(document.uri, 'saturating-stack');
      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      const actions = await vscode.commands.executeCommand(
        'vscode.executeCodeActionProvider',
        document.uri,
        whole,
        'source.fixAll.nn',
      );
      const fixAll = (actions || []).find((a) => a.kind && a.kind.value === 'source.fixAll.nn');
      assert.ok(fixAll, 'a fix-all action');
      assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
      const left = await waitForDiagnostics(document.uri, (all) => all.length === 0, {
        what: 'no diagnostics after fix all',
      });
      assert.deepEqual(left, [], describeDiagnostics(left));
    } finally {
      await revert(document);
    }
  });

  it('re-checks the open file when nn.checks changes', async () => {
    const document = await openWorkspaceFile('flawed.nn');
    const config = vscode.workspace.getConfiguration('nn');
    try {
      await waitForCode(document.uri, 'sigmoid-hidden');
      await config.update('checks', { 'sigmoid-hidden': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(document.uri, lacks('sigmoid-hidden'), { what: 'sigmoid-hidden to be turned off' });
    } finally {
      await config.update('checks', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(document.uri, has('sigmoid-hidden'), { what: 'sigmoid-hidden to come back' });
  });
});
