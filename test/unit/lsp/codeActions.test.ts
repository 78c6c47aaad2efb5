/** Protocol tests: quick fixes and fix-all as code actions over stdio, settings changes, and docs links. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, SERVER } from './client';

const TEXT = [
  'model m {',
  '  task multiclass(3)',
  '  input 4',
  '  dense 8 sigmoid',
  '  out: dense 4 softmax',
  '}',
  '',
].join('\n');

/** Applies a code action's edit to the text, as an editor would. */
function apply(text: string, uri: string, action: CodeAction): string {
  const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
  assert.ok(edits.length > 0, `the action '${action.title}' edits the document`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'nn', 1, text), edits);
}

describe('LSP: code actions over stdio', function () {
  this.timeout(30000);
  let client: LspClient;

  before(async () => {
    if (!existsSync(SERVER))
      execFileSync(process.execPath, ['esbuild.mjs'], { cwd: join(__dirname, '..', '..', '..') });
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('announces quick fixes and source.fixAll.nn', () => {
    const provider = client.capabilities.codeActionProvider as { codeActionKinds?: string[] };
    assert.deepEqual(provider.codeActionKinds, ['quickfix', 'source.fixAll.nn']);
  });

  it('publishes check findings with a docs link and the task line as related information', async () => {
    const uri = 'file:///ws/links.nn';
    await client.open(uri, TEXT);
    const diagnostics = await client.diagnostics(uri);
    const units = diagnostics.find((d) => d.code === 'output-units')!;
    assert.ok(units, JSON.stringify(diagnostics));
    assert.match(units.codeDescription!.href, /docs\/checks\.md#output-units$/);
    assert.deepEqual(units.range, { start: { line: 4, character: 13 }, end: { line: 4, character: 14 } });
    assert.equal(units.relatedInformation?.[0].location.range.start.line, 1);
    assert.equal(units.source, 'nn');
  });

  it('offers the fixes of a finding, the obvious one preferred, and applying it clears the finding', async () => {
    const uri = 'file:///ws/quickfix.nn';
    await client.open(uri, TEXT);
    const diagnostics = await client.diagnostics(uri);
    const sigmoid = diagnostics.find((d) => d.code === 'sigmoid-hidden')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: sigmoid.range,
      context: { diagnostics: [sigmoid], only: ['quickfix'] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ["Use relu in 'dense_1'", true],
        ["Use tanh in 'dense_1' (zero-centred, still saturating)", false],
        ['Ignore sigmoid-hidden on this line', false],
      ],
    );
    assert.ok(actions.every((a) => a.kind === 'quickfix' && a.diagnostics?.[0].code === 'sigmoid-hidden'));

    const fixed = apply(TEXT, uri, actions[0]);
    assert.match(fixed, /dense 8 relu\n/);
    await client.change(uri, [{ text: fixed }]);
    const after = await client.diagnostics(uri);
    assert.equal(
      after.find((d: Diagnostic) => d.code === 'sigmoid-hidden'),
      undefined,
    );
    assert.ok(
      after.some((d: Diagnostic) => d.code === 'output-units'),
      'the other finding stays',
    );
  });

  it('the ignore action silences the finding with a comment', async () => {
    const uri = 'file:///ws/ignore.nn';
    await client.open(uri, TEXT);
    const units = (await client.diagnostics(uri)).find((d) => d.code === 'output-units')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: units.range,
      context: { diagnostics: [units] },
    });
    const ignore = actions.find((a) => a.title === 'Ignore output-units on this line')!;
    const fixed = apply(TEXT, uri, ignore);
    assert.match(fixed, /out: dense 4 softmax {2}# nn-ignore: output-units\n/);
    await client.change(uri, [{ text: fixed }]);
    assert.equal(
      (await client.diagnostics(uri)).find((d) => d.code === 'output-units'),
      undefined,
    );
  });

  it('source.fixAll.nn applies every preferred fix at once', async () => {
    const uri = 'file:///ws/fixall.nn';
    await client.open(uri, TEXT);
    await client.diagnostics(uri);
    const end = { line: 6, character: 0 };
    const quick = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end },
      context: { diagnostics: [] },
    });
    assert.ok(!quick.some((a) => a.kind === 'source.fixAll.nn'), 'fix-all only when asked for');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['source.fixAll.nn'],
    );
    const fixed = apply(TEXT, uri, actions[0]);
    await client.change(uri, [{ text: fixed }]);
    assert.deepEqual(await client.diagnostics(uri), []);
    assert.equal(fixed, TEXT.replace('dense 8 sigmoid', 'dense 8 relu').replace('dense 4 softmax', 'dense 3 softmax'));
  });

  it('re-checks open files at once when nn.checks changes', async () => {
    const uri = 'file:///ws/settings.nn';
    await client.open(uri, TEXT);
    assert.ok((await client.diagnostics(uri)).some((d) => d.code === 'sigmoid-hidden'));
    client.configuration = { nn: { checks: { 'sigmoid-hidden': 'off', 'output-units': 'hint' } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const params = await client.waitForPublication(uri, (p) => !p.diagnostics.some((d) => d.code === 'sigmoid-hidden'));
    assert.equal(params.diagnostics.find((d) => d.code === 'output-units')?.severity, 4, 'hint');
    client.configuration = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForPublication(uri, (p) => p.diagnostics.some((d) => d.code === 'sigmoid-hidden'));
  });
});
