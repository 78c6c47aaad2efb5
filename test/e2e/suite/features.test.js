// Editor features in a real VS Code, through the same provider commands the workbench uses: hover,
// completion, outline, formatting, inlay hints, code lenses, semantic tokens and the summary command.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { extensionApi } = require('./helpers');

const FORMAT_FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'features', 'format');

const SPIRALS = [
  '# Two spirals',
  'model spirals {',
  '  task binary',
  '  input 2',
  '  dense 16 relu',
  '  dense 8 ',
  '  out: dense 1 sigmoid',
  '}',
  '',
].join('\n');

/** An untitled nn document with `content`, shown in an editor. */
async function openNn(content) {
  const document = await vscode.workspace.openTextDocument({ language: 'nn', content });
  await vscode.window.showTextDocument(document);
  return document;
}

function positionOf(document, needle, delta = 1) {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`'${needle}' not found`);
  return document.positionAt(offset + delta);
}

/** Asks a provider command until it answers with something `accept` likes (the server may still be starting). */
async function until(run, accept, what, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await run();
    if (accept(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last answer: ${JSON.stringify(last)?.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const markdownOf = (hovers) =>
  hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');

describe('editor features', () => {
  let document;

  before(async () => {
    await (await extensionApi()).whenServerReady();
    document = await openNn(SPIRALS);
  });

  it('hover on sigmoid shows its formula and an inline SVG plot', async () => {
    const hovers = await until(
      () =>
        vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, positionOf(document, 'sigmoid')),
      (h) => h && h.length > 0,
      'a hover on sigmoid',
    );
    const markdown = markdownOf(hovers);
    assert.match(markdown, /f\(x\) = σ\(x\) = 1 \/ \(1 \+ e⁻ˣ\)/);
    assert.match(markdown, /!\[[^\]]*\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
    assert.match(markdown, /\*\*Pitfalls:\*\*/);
  });

  it('completion after `dense 8 ` offers relu with its formula', async () => {
    const list = await until(
      () =>
        vscode.commands.executeCommand(
          'vscode.executeCompletionItemProvider',
          document.uri,
          new vscode.Position(5, 10),
        ),
      (l) => l && l.items.length > 0,
      'completion items',
    );
    const relu = list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'relu');
    assert.ok(
      relu,
      `relu in ${list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', ')}`,
    );
    assert.equal(relu.detail, 'f(x) = max(0, x)');
  });

  it('the outline lists the model and its layers', async () => {
    const symbols = await until(
      () => vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri),
      (s) => s && s.length > 0,
      'document symbols',
    );
    assert.equal(symbols[0].name, 'spirals');
    assert.deepEqual(
      symbols[0].children.map((s) => s.name),
      ['dense_1', 'dense_2', 'out'],
    );
  });

  it('Format Document fixes a messy file', async () => {
    const messy = await openNn(fs.readFileSync(path.join(FORMAT_FIXTURES, 'messy.in.nn'), 'utf8'));
    const expected = fs.readFileSync(path.join(FORMAT_FIXTURES, 'messy.out.nn'), 'utf8');
    await until(
      async () => {
        await vscode.commands.executeCommand('editor.action.formatDocument');
        return messy.getText();
      },
      (text) => text === expected,
      'the formatted text',
    );
    assert.equal(messy.getText(), expected);
  });

  it('inlay hints show widths and parameter counts', async () => {
    const hints = await until(
      () =>
        vscode.commands.executeCommand('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, 9, 0)),
      (h) => h && h.length > 0,
      'inlay hints',
    );
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(labels.includes('→ 16 · 48 params'), labels.join(', '));
  });

  it('code lenses above the model offer Train, Compare activations and Summary', async () => {
    const lenses = await until(
      () => vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri),
      (l) => l && l.length >= 3,
      'code lenses',
    );
    // Other features may add lenses of their own (export, …); ours come in this order.
    const ours = lenses
      .map((l) => l.command && l.command.command)
      .filter((c) => ['nn.train', 'nn.compareActivations', 'nn.showSummary'].includes(c));
    assert.deepEqual(ours, ['nn.train', 'nn.compareActivations', 'nn.showSummary']);
  });

  it('semantic tokens cover the activation names', async () => {
    const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await until(
      () => vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', document.uri),
      (t) => t && t.data.length > 0,
      'semantic tokens',
    );
    assert.ok(legend.tokenTypes.includes('function'));
    assert.equal(tokens.data.length % 5, 0);
  });

  it('the Summary command shows the summary table', async () => {
    const markdown = await vscode.commands.executeCommand('nn.showSummary', document.uri.toString(), 'spirals');
    assert.match(markdown, /\| Layer \| Type \| Units \| Activation \| Output \| Params \|/);
    assert.match(markdown, /\*\*Total params:\*\* /);
  });
});
