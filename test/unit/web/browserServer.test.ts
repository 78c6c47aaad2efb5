/** The web worker language server (dist/web/server.js) over a MessageChannel: the features work as on Node. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { loadJsonExport } from '../../../server/src/export';
import { initialWeights } from '../../../server/src/export/plan';
import { PlanRunRequest, SaveRunRequest } from '../../../server/src/protocol';
import { startBrowserServer, type BrowserServer } from './browserServer';

const ROOT = resolve(__dirname, '..', '..', '..');

const XOR = readFileSync(join(ROOT, 'examples', 'xor.nn'), 'utf8');

describe('the web worker language server', function () {
  this.timeout(60_000);
  let server: BrowserServer;
  let folder: string;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'nn-web-server-'));
    server = await startBrowserServer(pathToFileURL(folder).href);
  });

  afterEach(() => {
    server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers initialize with its capabilities', () => {
    assert.equal(server.initialize.serverInfo?.name, 'nn-studio');
    const capabilities = server.initialize.capabilities;
    assert.ok(capabilities.hoverProvider);
    assert.ok(capabilities.completionProvider);
    assert.ok(capabilities.codeActionProvider);
  });

  it('publishes diagnostics for a document on a virtual file system', async () => {
    const uri = 'vscode-vfs://github/owner/repo/flawed.nn';
    await server.open(uri, readFileSync(join(ROOT, 'examples', 'flawed.nn'), 'utf8'));
    const published = await server.diagnostics(uri, 1);
    assert.ok(published.diagnostics.length > 0, 'flawed.nn has findings');
    assert.ok(published.diagnostics.every((d) => typeof d.code === 'string' && d.source));
  });

  it('answers hover and completion', async () => {
    const uri = 'vscode-vfs://github/owner/repo/xor.nn';
    await server.open(uri, XOR);
    const lines = XOR.split('\n');
    const line = lines.findIndex((l) => /\btanh\b|\brelu\b|\bsigmoid\b/.test(l));
    const character = lines[line].search(/\btanh\b|\brelu\b|\bsigmoid\b/);
    const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: character + 1 },
    });
    assert.ok(hover, 'a hover on an activation');
    assert.match((hover.contents as MarkupContent).value, /\S/);
    const completion = await server.connection.sendRequest<CompletionList | CompletionItem[] | null>(
      'textDocument/completion',
      { textDocument: { uri }, position: { line, character } },
    );
    const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
    assert.ok(
      items.some((item) => item.label === 'relu'),
      'activations are offered',
    );
  });

  it('plans a run on a CSV file it reads through the client, inside the workspace only', async () => {
    const rows = [...Array(40)].map((_, i) => `${i % 7},${i % 5},${i % 2}`);
    writeFileSync(join(folder, 'points.csv'), ['x1,x2,label', ...rows, ''].join('\n'));
    const text = [
      'model m {',
      '  input 2',
      '  dense 4 relu',
      '  dense 1 sigmoid',
      '}',
      'train m {',
      '  data csv("points.csv", target: "label")',
      '  epochs 2',
      '}',
      '',
    ].join('\n');
    const uri = pathToFileURL(join(folder, 'model.nn')).href;
    await server.open(uri, text);
    await server.diagnostics(uri, 1);
    const plan = await server.connection.sendRequest(PlanRunRequest.type, { uri });
    assert.ok(plan.ok, plan.ok ? '' : `${plan.message} ${JSON.stringify(plan.problems)}`);
    assert.equal(plan.data.name, 'csv');
    assert.match(plan.data.csvText ?? '', /^x1,x2,label/);
    assert.deepEqual(server.reads, [pathToFileURL(join(folder, 'points.csv')).href]);

    const outside = text.replace('points.csv', '../outside.csv');
    const other = pathToFileURL(join(folder, 'other.nn')).href;
    await server.open(other, outside);
    const refused = await server.connection.sendRequest(PlanRunRequest.type, { uri: other });
    assert.equal(refused.ok, false);
    assert.equal(server.reads.length, 1, 'nothing outside the workspace is asked for');
  });

  it('saves a run through the client, next to the document', async () => {
    const uri = pathToFileURL(join(folder, 'xor.nn')).href;
    await server.open(uri, XOR);
    await server.diagnostics(uri, 1);
    const plan = await server.connection.sendRequest(PlanRunRequest.type, { uri });
    assert.ok(plan.ok);
    const weights = initialWeights(plan.spec);
    const saved = await server.connection.sendRequest(SaveRunRequest.type, {
      uri,
      spec: plan.spec,
      settings: plan.settings,
      weights,
    });
    assert.ok(saved.ok, saved.ok ? '' : saved.message);
    const file = join(folder, '.nn-runs', `${plan.modelName}.weights.json`);
    assert.deepEqual(server.writes, [pathToFileURL(file).href]);
    assert.equal(saved.file, pathToFileURL(file).href);
    assert.deepEqual(loadJsonExport(readFileSync(file, 'utf8')).weights, weights);
  });
});
