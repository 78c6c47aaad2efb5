/** Protocol test: `nn/train` over stdio trains in a worker and publishes `nn-train` diagnostics on the layer's line. */
import assert from 'node:assert/strict';
import type { TrainProgressParams, TrainResult } from '../../../server/src/protocol';
import { LspClient } from '../lsp/client';

const URI = 'file:///ws/train.nn';
const TEXT = [
  'model m {',
  '  task binary',
  '  input 2',
  '  dense 8 step',
  '  out: dense 1 sigmoid',
  '  loss bce',
  '}',
  'train m {',
  '  data circle(points: 100)',
  '  epochs 12',
  '  seed 1',
  '}',
  '',
].join('\n');

describe('LSP: training requests', function () {
  this.timeout(30000);
  let client: LspClient;
  const progress: TrainProgressParams[] = [];

  before(async () => {
    client = await LspClient.start();
    client.connection.onNotification('nn/trainProgress', (params: TrainProgressParams) => {
      progress.push(params);
    });
  });
  after(async () => {
    await client.stop();
  });

  it('trains on request, streams progress and publishes findings on the layer line', async () => {
    await client.open(URI, TEXT);
    await client.diagnostics(URI);
    const result = await client.request<TrainResult>('nn/train', { uri: URI, progressIntervalMs: 0 });
    assert.equal(result.ok, true, result.message);
    const published = await client.waitForPublication(URI, (p) => p.diagnostics.some((d) => d.source === 'nn-train'), 20000);
    const saturated = published.diagnostics.find((d) => d.source === 'nn-train' && d.code === 'saturated-units');
    assert.ok(saturated, JSON.stringify(published.diagnostics));
    assert.deepEqual(saturated.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 14 } });
    const types = progress.filter((p) => p.event.type !== 'epoch' || p.event.runId === result.runId).map((p) => p.event.type);
    assert.equal(types[0], 'started');
    assert.equal(types[types.length - 1], 'finished');
    assert.equal(types.filter((t) => t === 'epoch').length, 12);
  });

  it('keeps a finding on its line when lines move, and drops it when that line changes', async () => {
    await client.change(URI, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment\n' }]);
    let diagnostics = await client.diagnostics(URI);
    const moved = diagnostics.find((d) => d.source === 'nn-train' && d.code === 'saturated-units');
    assert.ok(moved, JSON.stringify(diagnostics));
    assert.equal(moved.range.start.line, 4);
    await client.change(URI, [{ range: { start: { line: 4, character: 10 }, end: { line: 4, character: 14 } }, text: 'relu' }]);
    diagnostics = await client.waitForPublication(URI, (p) => !p.diagnostics.some((d) => d.source === 'nn-train' && d.code === 'saturated-units')).then((p) => p.diagnostics);
    assert.equal(diagnostics.find((d) => d.source === 'nn-train' && d.code === 'saturated-units'), undefined);
  });

  it('publishes a problem with the data file on the data line and does not start', async () => {
    const uri = 'file:///ws/missing.nn';
    const text = 'model m {\n  task binary\n  input 2\n  dense 1 sigmoid\n}\ntrain m {\n  data csv("nowhere.csv", target: "y")\n}\n';
    await client.open(uri, text);
    const result = await client.request<TrainResult>('nn/train', { uri });
    assert.equal(result.ok, false);
    assert.match(result.message ?? '', /data file not found: 'nowhere.csv'/);
    const published = await client.waitForPublication(uri, (p) => p.diagnostics.some((d) => d.code === 'data-path'));
    const problem = published.diagnostics.find((d) => d.code === 'data-path')!;
    assert.equal(problem.range.start.line, 6);
  });

  it('answers with a reason when there is nothing to train', async () => {
    const uri = 'file:///ws/empty.nn';
    await client.open(uri, 'model lonely {\n  input 2\n  dense 1 sigmoid\n}\n');
    const result = await client.request<TrainResult>('nn/train', { uri });
    assert.equal(result.ok, false);
    assert.match(result.message ?? '', /no train block/);
  });
});
