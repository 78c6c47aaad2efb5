/**
 * Params are checked before any handler runs: requests with unusable params get InvalidParams (-32602),
 * notifications with unusable params are ignored with a logged reason, and requests before `initialize`
 * get ServerNotInitialized (-32002). The server keeps working afterwards.
 */
import assert from 'node:assert/strict';
import { ResponseError } from 'vscode-jsonrpc/node';
import { LspClient } from './client';

const URI = 'file:///ws/valid.nn';
const TEXT = 'model m {\n  input 2\n  dense 4 relu\n  dense 1 sigmoid\n}\n';
const doc = { uri: URI };
const at = { line: 2, character: 10 };

async function errorCode(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof ResponseError ? error.code : -1;
  }
}

/** Requests whose params break the protocol's types, one broken field each. */
const INVALID_REQUESTS: [string, unknown][] = [
  ['textDocument/hover', { textDocument: doc, position: { line: -1, character: 0 } }],
  ['textDocument/hover', { textDocument: doc, position: { line: 1.5, character: 0 } }],
  ['textDocument/hover', { textDocument: doc, position: { line: '2', character: 0 } }],
  ['textDocument/hover', { textDocument: { uri: 42 }, position: at }],
  ['textDocument/hover', { position: at }],
  ['textDocument/hover', null],
  ['textDocument/completion', { textDocument: doc, position: null }],
  ['completionItem/resolve', { label: 'relu', data: { uri: URI, ref: 'activation' } }],
  ['textDocument/signatureHelp', [doc, at]],
  ['textDocument/documentSymbol', { textDocument: 'valid.nn' }],
  ['textDocument/foldingRange', {}],
  ['textDocument/selectionRange', { textDocument: doc, positions: at }],
  ['textDocument/selectionRange', { textDocument: doc, positions: [at, { line: 0 }] }],
  ['textDocument/definition', { textDocument: doc, position: { line: 0, character: Infinity } }],
  ['textDocument/references', { textDocument: doc, position: at }],
  ['textDocument/rename', { textDocument: doc, position: at, newName: 7 }],
  ['textDocument/semanticTokens/full', { textDocument: [] }],
  ['textDocument/semanticTokens/range', { textDocument: doc, range: { start: at } }],
  ['textDocument/formatting', { textDocument: doc }],
  ['textDocument/inlayHint', { textDocument: doc, range: 'all' }],
  ['textDocument/codeLens', { textDocument: { url: URI } }],
  ['textDocument/codeAction', { textDocument: doc, range: { start: at, end: at }, context: { diagnostics: [null] } }],
  ['textDocument/codeAction', { textDocument: doc, range: { start: at, end: at } }],
  ['nn/summary', { uri: ['x'] }],
  ['nn/planRun', { uri: URI, gridSize: -1 }],
  ['nn/panelEdits', { uri: URI, model: 'm' }],
  ['nn/export', { uri: URI, target: 'json' }],
];

describe('LSP: params validation and the initialize handshake', function () {
  this.timeout(30000);

  it('answers requests before initialize with ServerNotInitialized (-32002) and drops notifications', async () => {
    const client = new LspClient();
    try {
      assert.equal(await errorCode(client.request('textDocument/hover', { textDocument: doc, position: at })), -32002);
      assert.equal(await errorCode(client.request('textDocument/documentSymbol', { textDocument: doc })), -32002);
      await client.open(URI, TEXT);
      await client.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      await client.connection.sendNotification('initialized', {});
      assert.equal(
        await client.request('textDocument/documentSymbol', { textDocument: doc }),
        null,
        'the early didOpen was dropped',
      );
      assert.equal(
        await errorCode(client.request('initialize', { processId: null, rootUri: null, capabilities: {} })),
        -32600,
        'initialize twice',
      );
    } finally {
      await client.stop();
    }
  });

  describe('after initialize', () => {
    let client: LspClient;
    before(async () => {
      client = await LspClient.start();
      await client.open(URI, TEXT);
      await client.diagnostics(URI);
    });
    after(async () => {
      await client.stop();
    });

    for (const [method, params] of INVALID_REQUESTS) {
      it(`${method} ${JSON.stringify(params)} → InvalidParams`, async () => {
        assert.equal(await errorCode(client.request(method, params)), -32602);
      });
    }

    it('ignores a didOpen whose text is not a string, logs why, and keeps serving', async () => {
      const uri = 'file:///ws/number.nn';
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'nn', version: 1, text: 12345 },
      });
      assert.equal(
        await client.request('textDocument/documentSymbol', { textDocument: { uri } }),
        null,
        'the document was not opened',
      );
      assert.ok(
        client.logs.some((log) => /didOpen.*params\.textDocument\.text must be a string/.test(log.message)),
        JSON.stringify(client.logs),
      );
      const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: doc });
      assert.deepEqual(
        symbols.map((s) => s.name),
        ['m'],
      );
    });

    it('ignores a didChange with a malformed change and keeps the text it had', async () => {
      const broken = [
        { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: 5 }] },
        { textDocument: { uri: URI, version: 2 }, contentChanges: { text: 'model z {}' } },
        {
          textDocument: { uri: URI, version: 2 },
          contentChanges: [{ range: { start: { line: 0, character: 0 } }, text: 'x' }],
        },
        { textDocument: { uri: URI, version: 'two' }, contentChanges: [{ text: 'model z {}' }] },
        { textDocument: { uri: URI }, contentChanges: [{ text: 'model z {}' }] },
      ];
      for (const params of broken) await client.connection.sendNotification('textDocument/didChange', params);
      const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: doc });
      assert.deepEqual(
        symbols.map((s) => s.name),
        ['m'],
      );
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: doc,
        position: at,
      });
      assert.match(hover!.contents.value, /relu/);
    });
  });
});
