// Diagnostics travel from the language server through the real client into VS Code's Problems.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const {
  codeOf,
  describeDiagnostics,
  openWorkspaceFile,
  replaceText,
  waitForCode,
  waitForDiagnostics,
} = require('./helpers');

describe('diagnostics', () => {
  it('reports a misspelt activation and suggests the right one (typo.nn)', async () => {
    const document = await openWorkspaceFile('typo.nn');
    const diagnostic = await waitForCode(document.uri, 'unknown-activation');
    assert.equal(document.getText(diagnostic.range), 'rleu');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /'relu'/);
  });

  it('reports a stray closing brace as one syntax error and still analyses the rest (stray-brace.nn)', async () => {
    const document = await openWorkspaceFile('stray-brace.nn');
    const diagnostic = await waitForCode(document.uri, 'syntax');
    assert.equal(document.getText(diagnostic.range), '}');
    assert.equal(diagnostic.range.start.line, 8);
    const errors = vscode.languages
      .getDiagnostics(document.uri)
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.equal(errors.length, 1, describeDiagnostics(errors));
    // The train block after the error is still analysed: a typo in it is reported too.
    await replaceText(document, 'data xor', 'data xro');
    const unknown = await waitForCode(document.uri, 'unknown-dataset');
    assert.equal(document.getText(unknown.range), 'xro');
  });

  for (const name of ['spirals.nn', 'iris.nn', 'regression.nn', 'xor.nn']) {
    it(`finds no errors or warnings in the example ${name}`, async () => {
      const document = await openWorkspaceFile(name);
      // Break the file, wait until the server reports it, then mend it: the next report is for the clean file.
      await replaceText(document, 'model ', '}\nmodel ');
      await waitForCode(document.uri, 'syntax');
      await replaceText(document, '}\nmodel ', 'model ');
      const diagnostics = await waitForDiagnostics(document.uri, (all) => !all.some((d) => codeOf(d) === 'syntax'), {
        what: 'the syntax error to go away',
      });
      const problems = diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
      assert.deepEqual(
        problems.map((d) => `${codeOf(d)}: ${d.message}`),
        [],
      );
    });
  }

  it('shows the checks flawed.nn was written to trip, with their fixes', async () => {
    const document = await openWorkspaceFile('flawed.nn');
    const expected = ['sigmoid-hidden', 'saturating-stack', 'linear-hidden', 'softmax-one-unit'];
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (all) => expected.every((code) => all.some((d) => codeOf(d) === code)),
      {
        what: expected.join(', '),
      },
    );
    assert.equal(diagnostics.filter((d) => codeOf(d) === 'sigmoid-hidden').length, 4, describeDiagnostics(diagnostics));
    const softmax = diagnostics.find((d) => codeOf(d) === 'softmax-one-unit');
    assert.equal(softmax.severity, vscode.DiagnosticSeverity.Error);
    const actions = await vscode.commands.executeCommand(
      'vscode.executeCodeActionProvider',
      document.uri,
      softmax.range,
    );
    const fixes = (actions || []).filter((action) => action.kind && action.kind.value.startsWith('quickfix'));
    assert.ok(
      fixes.some((fix) => /sigmoid/.test(fix.title)),
      `quick fixes: ${fixes.map((fix) => fix.title).join(', ') || '(none)'}`,
    );
  });
});
