/** Protocol tests: the real server over stdio publishes diagnostics with codes and UTF-16 ranges. */
import assert from 'node:assert/strict';
import { LspClient } from './client';

const URI = 'file:///ws/model.nn';
const TEXT = [
  '# 😀 αβγ: a comment with characters outside ASCII',
  'model m { # 😀😀',
  '  input 2',
  '  dense 16 rleu # 😀 after the error',
  '  dense 1 sigmoid',
  '}',
  '',
].join('\n');

describe('LSP: diagnostics over stdio', function () {
  this.timeout(20000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('announces incremental sync', () => {
    assert.equal(client.capabilities.textDocumentSync as number, 2);
  });

  it('publishes a coded diagnostic with an exact range after non-ASCII text', async () => {
    await client.open(URI, TEXT);
    const diagnostics = await client.diagnostics(URI);
    const unknown = diagnostics.find((d) => d.code === 'unknown-activation');
    assert.ok(unknown, JSON.stringify(diagnostics));
    assert.deepEqual(unknown.range, { start: { line: 3, character: 11 }, end: { line: 3, character: 15 } });
    assert.equal(unknown.source, 'nn');
    assert.equal(typeof unknown.message, 'string');
    assert.match(unknown.message as string, /did you mean 'relu'/);
  });

  it('re-analyses after an incremental edit and clears the fixed error', async () => {
    // Replace `rleu` with `relu` on line 3.
    await client.change(URI, [
      { range: { start: { line: 3, character: 11 }, end: { line: 3, character: 15 } }, text: 'relu' },
    ]);
    const diagnostics = await client.diagnostics(URI);
    assert.equal(
      diagnostics.find((d) => d.code === 'unknown-activation'),
      undefined,
    );
  });

  it('keeps ranges right when an edit inserts surrogate pairs before an error', async () => {
    // Insert emoji at the start of line 3, then break the activation again.
    await client.change(URI, [
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '  # 😀😀\n' },
    ]);
    await client.change(URI, [
      { range: { start: { line: 4, character: 11 }, end: { line: 4, character: 15 } }, text: 'sigmod' },
    ]);
    const diagnostics = await client.diagnostics(URI);
    const unknown = diagnostics.find((d) => d.code === 'unknown-activation');
    assert.ok(unknown, JSON.stringify(diagnostics));
    assert.deepEqual(unknown.range, { start: { line: 4, character: 11 }, end: { line: 4, character: 17 } });
    assert.equal(typeof unknown.message, 'string');
    assert.match(unknown.message as string, /did you mean 'sigmoid'/);
  });

  it('reports a syntax error and still analyses the rest of the file', async () => {
    const uri = 'file:///ws/broken.nn';
    await client.open(uri, 'model a {\n  input 2\n  dense sixteen relu\n}\n}\ntrain b { data xor }\n');
    const diagnostics = await client.diagnostics(uri);
    const codes = diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
    assert.deepEqual(codes, ['syntax@2:8', 'syntax@4:0', 'unknown-model@5:6']);
  });

  it('publishes an empty list when a document closes', async () => {
    const uri = 'file:///ws/closing.nn';
    await client.open(uri, 'model a { dense 1 rleu }\n');
    assert.ok((await client.diagnostics(uri)).length > 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const params = await client.waitForPublication(uri, (p) => p.diagnostics.length === 0);
    assert.deepEqual(params.diagnostics, [], 'diagnostics cleared on close');
  });
});
