/**
 * Fuzzing the language server over its message channel: random, mutated and garbage params for every
 * request and notification it handles, and messages that are not JSON-RPC at all. The server must never
 * fail inside a handler (no InternalError response, no "failed" in its error log) and must answer
 * correctly afterwards. nn/export and the panel's run requests are left out: well-formed ones train or write files.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ResponseError } from 'vscode-jsonrpc/node';
import { startInProcess, type InProcessServer } from '../lsp/inProcess';

const OPEN = 'file:///ws/open.nn';
const TEXT =
  'model m {\n  task binary\n  input 2\n  h: dense 8 relu\n  out: dense 1 sigmoid\n  loss bce\n  optimizer adam(lr: 0.01)\n}\ntrain m {\n  data xor\n  epochs 5\n}\n';

const uri = fc.oneof(
  fc.constant(OPEN),
  fc.constant('file:///ws/other.nn'),
  fc.constant('untitled:Untitled-1'),
  fc.string({ maxLength: 12 }),
);
const number = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.integer({ min: -3, max: 2 ** 31 + 5 }),
  fc.double(),
  fc.constant(Number.MAX_SAFE_INTEGER),
);
const position = fc.record({ line: number, character: number });
const range = fc.record({ start: position, end: position });
const textDocument = fc.record({ uri });
const anything = fc.jsonValue({ maxDepth: 3 });
const text = fc.oneof(
  fc.constant(TEXT),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('model', '}', 'dense 1 relu(', '\r\n', '😀'),
);
const change = fc.oneof(
  fc.record({ text }),
  fc.record({ range, text }),
  fc.record({ range, rangeLength: number, text }),
);

/** Plausible params for each method: right shape, random values. */
const SHAPES: Record<string, fc.Arbitrary<unknown>> = {
  'textDocument/hover': fc.record({ textDocument, position }),
  'textDocument/completion': fc.record({
    textDocument,
    position,
    context: fc.record({ triggerKind: number, triggerCharacter: fc.string({ maxLength: 2 }) }),
  }),
  'completionItem/resolve': fc.record({
    label: fc.string(),
    data: fc.record({
      uri,
      ref: fc.record({
        kind: fc.constantFrom('keyword', 'activation', 'task', 'parameter', 'model', 'text', 'nope'),
        name: fc.string({ maxLength: 8 }),
        block: fc.string({ maxLength: 6 }),
        callee: fc.string({ maxLength: 6 }),
        calleeKind: fc.string({ maxLength: 6 }),
        markdown: fc.string(),
      }),
    }),
  }),
  'textDocument/signatureHelp': fc.record({ textDocument, position }),
  'textDocument/documentSymbol': fc.record({ textDocument }),
  'textDocument/foldingRange': fc.record({ textDocument }),
  'textDocument/selectionRange': fc.record({ textDocument, positions: fc.array(position, { maxLength: 4 }) }),
  'textDocument/definition': fc.record({ textDocument, position }),
  'textDocument/references': fc.record({
    textDocument,
    position,
    context: fc.record({ includeDeclaration: fc.boolean() }),
  }),
  'textDocument/prepareRename': fc.record({ textDocument, position }),
  'textDocument/rename': fc.record({
    textDocument,
    position,
    newName: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('h2', 'net', '')),
  }),
  'textDocument/semanticTokens/full': fc.record({ textDocument }),
  'textDocument/semanticTokens/range': fc.record({ textDocument, range }),
  'textDocument/formatting': fc.record({
    textDocument,
    options: fc.record({ tabSize: number, insertSpaces: fc.boolean() }),
  }),
  'textDocument/inlayHint': fc.record({ textDocument, range }),
  'textDocument/codeLens': fc.record({ textDocument }),
  'textDocument/codeAction': fc.record({
    textDocument,
    range,
    context: fc.record({
      diagnostics: fc.array(fc.record({ range, message: fc.string(), code: fc.oneof(fc.string(), fc.integer()) }), {
        maxLength: 2,
      }),
      only: fc.array(fc.constantFrom('quickfix', 'source', 'source.fixAll.nn', 'x'), { maxLength: 2 }),
    }),
  }),
  'nn/summary': fc.record({ uri, model: fc.string({ maxLength: 4 }) }, { requiredKeys: ['uri'] }),
  'nn/panelModel': fc.record({ uri, model: fc.constantFrom('m', 'x') }, { requiredKeys: ['uri'] }),
  'nn/unknownRequest': anything,
};
const NOTIFICATIONS: Record<string, fc.Arbitrary<unknown>> = {
  'textDocument/didOpen': fc.record({
    textDocument: fc.record({ uri, languageId: fc.constant('nn'), version: number, text }),
  }),
  'textDocument/didChange': fc.record({
    textDocument: fc.record({ uri, version: number }),
    contentChanges: fc.array(change, { maxLength: 3 }),
  }),
  'textDocument/didClose': fc.record({ textDocument }),
  'textDocument/didSave': fc.record({ textDocument }),
  'workspace/didChangeConfiguration': fc.record({
    settings: fc.oneof(
      anything,
      fc.record({ nn: fc.record({ checks: anything, saturatingDepth: number, inlayHints: anything }) }),
    ),
  }),
  'nn/trainingFindings': fc.record({
    uri,
    model: fc.constantFrom('m', 'x'),
    version: number,
    findings: fc.array(
      fc.record({
        code: fc.constantFrom('dead-units', 'overfitting', 'x'),
        severity: fc.constantFrom('error', 'warning', 'info'),
        message: fc.string(),
        sourceIndex: number,
        epoch: number,
      }),
      { maxLength: 2 },
    ),
  }),
  '$/cancelRequest': fc.record({ id: fc.oneof(fc.integer(), fc.string()) }),
  'nn/unknownNotification': anything,
};

/** Params that are well-shaped, then perhaps broken: a field dropped or replaced by any JSON value. */
function paramsFor(shape: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const mutated = fc.tuple(shape, fc.nat(), anything, fc.boolean()).map(([value, pick, replacement, drop]) => {
    if (!value || typeof value !== 'object') return replacement;
    const copy = structuredClone(value) as Record<string, unknown>;
    const keys = Object.keys(copy);
    if (keys.length === 0) return copy;
    const key = keys[pick % keys.length];
    if (drop) delete copy[key];
    else copy[key] = replacement;
    return copy;
  });
  return fc.oneof(
    { weight: 3, arbitrary: shape },
    { weight: 3, arbitrary: mutated },
    { weight: 1, arbitrary: anything },
  );
}

type Command =
  { kind: 'request' | 'notification'; method: string; params: unknown } | { kind: 'raw'; message: unknown };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...Object.keys(SHAPES))
      .chain((method) => paramsFor(SHAPES[method]).map((params): Command => ({ kind: 'request', method, params }))),
  },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(...Object.keys(NOTIFICATIONS))
      .chain((method) =>
        paramsFor(NOTIFICATIONS[method]).map((params): Command => ({ kind: 'notification', method, params })),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        anything,
        fc.record(
          { jsonrpc: fc.constant('2.0'), id: anything, method: anything, params: anything },
          { requiredKeys: [] },
        ),
      )
      .map((message): Command => ({ kind: 'raw', message })),
  },
);

/** Codes a request may legitimately fail with; InternalError (-32603) means a handler threw. */
const EXPECTED_ERRORS = new Set([-32602, -32601, -32600, -32800]);

async function run(server: InProcessServer, cmd: Command): Promise<void> {
  if (cmd.kind === 'raw') {
    await server.raw(cmd.message);
  } else if (cmd.kind === 'notification') {
    await server.client.sendNotification(cmd.method, cmd.params as object);
  } else {
    try {
      await server.client.sendRequest(cmd.method, cmd.params as object);
    } catch (error) {
      assert.ok(error instanceof ResponseError && EXPECTED_ERRORS.has(error.code), `${cmd.method}: ${String(error)}`);
    }
  }
}

describe('fuzz: the language server over its message channel', function () {
  this.timeout(120000);
  let server: InProcessServer;

  before(async () => {
    server = await startInProcess();
  });
  after(() => server.dispose());

  it('random, mutated and garbage messages never make a handler fail (1,500 messages)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 15 }), async (commands) => {
        await server.client.sendNotification('textDocument/didOpen', {
          textDocument: { uri: OPEN, languageId: 'nn', version: 1, text: TEXT },
        });
        for (const cmd of commands) await run(server, cmd);
        // A valid request after the noise: the server still answers, and correctly.
        await server.client.sendNotification('textDocument/didClose', { textDocument: { uri: OPEN } });
        await server.client.sendNotification('textDocument/didOpen', {
          textDocument: { uri: OPEN, languageId: 'nn', version: 1, text: TEXT },
        });
        const hover = await server.client.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
          textDocument: { uri: OPEN },
          position: { line: 3, character: 14 },
        });
        assert.match(hover?.contents.value ?? '', /relu/);
        const failures = server.logs.filter(
          (log) => log.type === 1 && /failed|is not a function|Cannot read/.test(log.message),
        );
        assert.deepEqual(failures, []);
      }),
      { numRuns: 200 },
    );
  });
});
