/**
 * Protocol test: `nn/planRun` over stdio gives a plan the extension host can train as it is; the findings it
 * sends back (`nn/trainingFindings`) are published as `nn-train` diagnostics on the layer's line.
 */
import assert from 'node:assert/strict';
import type { PlanRunResult } from '../../../server/src/protocol';
import { trainSync } from '../../../server/src/train/trainer';
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
  '  lr 0.01',
  '  seed 1',
  '}',
  '',
].join('\n');

describe('LSP: planning runs', function () {
  this.timeout(30000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start();
    // step-activation is an error, and no run starts from a file with errors: the user's setting lowers it here.
    client.configuration = { nn: { checks: { 'step-activation': 'warning' }, deadFraction: 0.3 } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });
  after(async () => {
    await client.stop();
  });

  it("plans with the user's settings; the plan trains and its findings land on the layer line", async () => {
    await client.open(URI, TEXT);
    await client.waitForPublication(URI, (p) =>
      p.diagnostics.some((d) => d.code === 'step-activation' && d.severity === 2),
    );
    const plan = await client.request<PlanRunResult>('nn/planRun', { uri: URI });
    assert.ok(plan.ok, JSON.stringify(plan));
    assert.equal(plan.version, 1);
    assert.equal(plan.thresholds.deadFraction, 0.3, 'training thresholds come from the settings');
    assert.equal(plan.settings.lr, 0.01, "the plan trains with the file's values");
    assert.equal(plan.settings.epochs, 12);
    const { finished } = trainSync({
      runId: 'host',
      spec: plan.spec,
      settings: plan.settings,
      data: plan.data,
      thresholds: plan.thresholds,
    });
    assert.ok(
      finished.findings.some((f) => f.code === 'saturated-units'),
      JSON.stringify(finished.findings),
    );
    await client.connection.sendNotification('nn/trainingFindings', {
      uri: URI,
      model: plan.modelName,
      version: plan.version,
      findings: finished.findings,
    });
    const published = await client.waitForPublication(
      URI,
      (p) => p.diagnostics.some((d) => d.source === 'nn-train'),
      20000,
    );
    const saturated = published.diagnostics.find((d) => d.source === 'nn-train' && d.code === 'saturated-units');
    assert.ok(saturated, JSON.stringify(published.diagnostics));
    assert.deepEqual(saturated.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 14 } });
  });

  it('keeps a finding on its line when lines move, and drops it when that line changes', async () => {
    await client.change(URI, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment\n' },
    ]);
    let diagnostics = await client.diagnostics(URI);
    const moved = diagnostics.find((d) => d.source === 'nn-train' && d.code === 'saturated-units');
    assert.ok(moved, JSON.stringify(diagnostics));
    assert.equal(moved.range.start.line, 4);
    await client.change(URI, [
      { range: { start: { line: 4, character: 10 }, end: { line: 4, character: 14 } }, text: 'relu' },
    ]);
    diagnostics = await client
      .waitForPublication(
        URI,
        (p) => !p.diagnostics.some((d) => d.source === 'nn-train' && d.code === 'saturated-units'),
      )
      .then((p) => p.diagnostics);
    assert.equal(
      diagnostics.find((d) => d.source === 'nn-train' && d.code === 'saturated-units'),
      undefined,
    );
  });

  it('swaps the hidden activation for a compare run and keeps the output layer', async () => {
    const plan = await client.request<PlanRunResult>('nn/planRun', { uri: URI, hiddenActivation: 'tanh' });
    assert.ok(plan.ok, JSON.stringify(plan));
    const dense = plan.spec.layers.filter((l) => l.kind === 'dense');
    assert.deepEqual(
      dense.map((l) => l.kind === 'dense' && l.activation?.name),
      ['tanh', 'sigmoid'],
    );
  });

  it('publishes a problem with the data file on the data line and plans nothing', async () => {
    const uri = 'file:///ws/missing.nn';
    const text =
      'model m {\n  task binary\n  input 2\n  dense 1 sigmoid\n}\ntrain m {\n  data csv("nowhere.csv", target: "y")\n}\n';
    await client.open(uri, text);
    const result = await client.request<PlanRunResult>('nn/planRun', { uri });
    assert.ok(!result.ok);
    assert.match(result.message, /data file not found: 'nowhere.csv'/);
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.line]),
      [['data-path', 7]],
    );
    const published = await client.waitForPublication(uri, (p) => p.diagnostics.some((d) => d.code === 'data-path'));
    const problem = published.diagnostics.find((d) => d.code === 'data-path')!;
    assert.equal(problem.range.start.line, 6);
  });

  it('answers with a reason when there is nothing to train', async () => {
    const uri = 'file:///ws/empty.nn';
    await client.open(uri, 'model lonely {\n  input 2\n  dense 1 sigmoid\n}\n');
    const result = await client.request<PlanRunResult>('nn/planRun', { uri });
    assert.ok(!result.ok);
    assert.match(result.message, /no train block/);
  });
});
