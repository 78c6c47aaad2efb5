/**
 * Protocol tests: every editor feature over real JSON-RPC against `node dist/server.js --stdio`
 * (build first; `npm test` does).
 */
import assert from 'node:assert/strict';
import type {
  CodeLens,
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  MarkupContent,
  SelectionRange,
  SemanticTokens,
  SignatureHelp,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { SummaryRequest } from '../../../server/src/protocol';
import { LspClient } from '../lsp/client';
import { offsetOf, SPIRALS } from './support';

const URI = 'file:///ws/features.nn';

/** The LSP position of the `n`-th `needle` in `text`, plus `delta` characters. */
function position(text: string, needle: string, n = 0, delta = 1) {
  const offset = offsetOf(text, needle, n, delta);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const doc = { textDocument: { uri: URI } };

describe('LSP: editor features over stdio', function () {
  this.timeout(30000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start('/ws', { hoverImages: true });
    await client.open(URI, SPIRALS);
    await client.diagnostics(URI);
  });
  after(async () => {
    await client.stop();
  });

  it('announces the feature capabilities', () => {
    const c = client.capabilities;
    assert.equal(c.hoverProvider, true);
    assert.deepEqual(c.completionProvider?.triggerCharacters, [' ', '(', ',']);
    assert.equal(c.completionProvider?.resolveProvider, true);
    assert.ok(c.signatureHelpProvider);
    assert.ok(c.documentSymbolProvider && c.foldingRangeProvider && c.selectionRangeProvider);
    assert.ok(c.definitionProvider && c.referencesProvider);
    assert.deepEqual(c.renameProvider, { prepareProvider: true });
    assert.equal(c.documentFormattingProvider, true);
    assert.equal(c.inlayHintProvider, true);
    assert.ok(c.codeLensProvider);
    const legend = (c.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
    assert.ok(legend.tokenTypes.includes('function') && legend.tokenTypes.includes('class'));
  });

  it('hover on an activation: formula text and an inline SVG image, with the word range', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { ...doc, position: position(SPIRALS, 'sigmoid') });
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /f\(x\) = σ\(x\) = 1 \/ \(1 \+ e⁻ˣ\)/);
    assert.match(contents.value, /!\[[^\]]*\]\(data:image\/svg\+xml;base64,/);
    assert.deepEqual(hover.range, {
      start: position(SPIRALS, 'sigmoid', 0, 0),
      end: position(SPIRALS, 'sigmoid', 0, 7),
    });
  });

  it('hover on a model name: the summary table', async () => {
    const hover = await client.request<Hover>('textDocument/hover', {
      ...doc,
      position: position(SPIRALS, 'spirals', 1),
    });
    assert.match((hover.contents as MarkupContent).value, /\*\*Total params:\*\* 337/);
  });

  it('completion after `dense 8 ` offers relu, and resolve adds its documentation', async () => {
    const text = 'model m {\n  input 2\n  dense 8 \n}\n';
    const uri = 'file:///ws/completion.nn';
    await client.open(uri, text);
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 10 },
    });
    const relu = list.items.find((i) => i.label === 'relu');
    assert.ok(relu, list.items.map((i) => i.label).join(', '));
    assert.equal(relu.detail, 'f(x) = max(0, x)');
    const resolved = await client.request<CompletionItem>('completionItem/resolve', relu);
    assert.match((resolved.documentation as MarkupContent).value, /Good for/);
  });

  it('signature help inside parentheses', async () => {
    const help = await client.request<SignatureHelp>('textDocument/signatureHelp', {
      ...doc,
      position: position(SPIRALS, 'alpha'),
    });
    assert.equal(help.signatures[0].label, 'leaky_relu(alpha: 0.01)');
    assert.equal(help.activeParameter, 0);
  });

  it('document symbols list the layers under the model', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['spirals', 'train spirals'],
    );
    assert.deepEqual(
      symbols[0].children!.map((s) => s.name),
      ['dense_1', 'dense_2', 'dropout_1', 'out'],
    );
    assert.equal(symbols[0].kind, 5 /* Class */);
  });

  it('folding and selection ranges', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', doc);
    assert.deepEqual(
      folds.map((f) => [f.startLine, f.endLine]),
      [
        [1, 11],
        [14, 19],
      ],
    );
    const [selection] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
      ...doc,
      positions: [position(SPIRALS, 'alpha')],
    });
    assert.deepEqual(selection.range, {
      start: position(SPIRALS, 'alpha', 0, 0),
      end: position(SPIRALS, 'alpha', 0, 5),
    });
    assert.ok(selection.parent?.parent);
  });

  it('definition, references and rename of a model', async () => {
    const definition = await client.request<Location>('textDocument/definition', {
      ...doc,
      position: position(SPIRALS, 'spirals', 2),
    });
    assert.deepEqual(definition.range.start, position(SPIRALS, 'spirals', 1, 0));
    const references = await client.request<Location[]>('textDocument/references', {
      ...doc,
      position: position(SPIRALS, 'spirals', 1),
      context: { includeDeclaration: true },
    });
    assert.equal(references.length, 2);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      ...doc,
      position: position(SPIRALS, 'spirals', 1),
      newName: 'twirls',
    });
    assert.deepEqual(
      edit.changes![URI].map((e) => e.newText),
      ['twirls', 'twirls'],
    );
    await assert.rejects(
      client.request('textDocument/rename', { ...doc, position: position(SPIRALS, 'spirals', 1), newName: '1bad' }),
      /not a valid name/,
    );
    await assert.rejects(
      client.request('textDocument/prepareRename', { ...doc, position: position(SPIRALS, 'relu') }),
      /Only model names/,
    );
  });

  it('semantic tokens decode to the activation names as functions', async () => {
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', doc);
    const legend = (client.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend
      .tokenTypes;
    const lines = SPIRALS.split('\n');
    const functions: string[] = [];
    let line = 0,
      char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      char = tokens.data[i] === 0 ? char + tokens.data[i + 1] : tokens.data[i + 1];
      if (legend[tokens.data[i + 3]] === 'function') functions.push(lines[line].slice(char, char + tokens.data[i + 2]));
    }
    assert.deepEqual(functions, ['relu', 'leaky_relu', 'sigmoid']);
  });

  it('formatting returns the canonical text, and nothing for a file with syntax errors', async () => {
    const uri = 'file:///ws/messy.nn';
    await client.open(uri, 'model m{\n input 2;dense 4 relu( )\n\n\n}');
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.equal(edits.length, 1);
    assert.equal(edits[0].newText, 'model m {\n  input 2\n  dense 4 relu()\n}\n');
    assert.deepEqual(edits[0].range, { start: { line: 0, character: 0 }, end: { line: 4, character: 1 } });
    const broken = 'file:///ws/broken-format.nn';
    await client.open(broken, 'model m {\n  dense sixteen\n');
    assert.deepEqual(
      await client.request('textDocument/formatting', {
        textDocument: { uri: broken },
        options: { tabSize: 2, insertSpaces: true },
      }),
      [],
    );
  });

  it('code lenses above the model run the train, compare, summary and export commands with [uri, model]', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', doc);
    assert.deepEqual(
      lenses.map((l) => [l.command?.title, l.command?.command, ...(l.command?.arguments ?? [])]),
      [
        ['▶ Train', 'nn.train', URI, 'spirals'],
        ['Compare activations', 'nn.compareActivations', URI, 'spirals'],
        ['Summary', 'nn.showSummary', URI, 'spirals'],
        ['Export…', 'nn.export', URI, 'spirals'],
      ],
    );
  });

  it('nn/summary returns the summary Markdown', async () => {
    const result = await client.request(SummaryRequest.type, { uri: URI, model: 'spirals' });
    assert.deepEqual(result.models, ['spirals']);
    assert.match(result.markdown, /^## model spirals/);
    assert.match(result.markdown, /\| dense\\_2 \| dense \| 16 \| `leaky_relu\(alpha: 0\.1\)` \| 16 \| 272 \|/);
    assert.deepEqual(await client.request(SummaryRequest.type, { uri: 'file:///ws/not-open.nn' }), {
      markdown: '',
      models: [],
    });
  });

  it('inlay hints follow nn.inlayHints.enabled', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } };
    const on = await client.request<InlayHint[]>('textDocument/inlayHint', { ...doc, range });
    assert.deepEqual(
      on.map((h) => h.label),
      ['337 params in total', '→ 16 · 48 params', '→ 16 · 272 params', '→ 16', '→ 1 · 17 params'],
    );
    assert.deepEqual(on[1].position, position(SPIRALS, 'dense 16 relu', 0, 13));
    client.configuration = { nn: { inlayHints: { enabled: false } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const deadline = Date.now() + 5000;
    let off = on;
    while (off.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      off = await client.request<InlayHint[]>('textDocument/inlayHint', { ...doc, range });
    }
    assert.deepEqual(off, []);
  });
});
