/** Protocol test: `nn/planRun` plans no run from a file with errors, nor from a model too large to train. */
import assert from 'node:assert/strict';
import type { PlanRunResult } from '../../../server/src/protocol';
import { LspClient } from './client';

const MODEL = 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 sigmoid\n}\n';

describe('LSP: nn/planRun refuses', function () {
  this.timeout(30000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  for (const line of ['epochs 0', 'batch 0', 'validation 1']) {
    it(`a file with '${line}', naming the line`, async () => {
      const uri = `file:///ws/${line.replace(' ', '-')}.nn`;
      await client.open(uri, `${MODEL}train m {\n  data xor\n  ${line}\n}\n`);
      await client.diagnostics(uri);
      const result = await client.request<PlanRunResult>('nn/planRun', { uri });
      assert.ok(!result.ok);
      assert.match(result.message, /the file has an error \(line 9: .*\); fix it before training/);
      assert.deepEqual(
        result.problems.map((p) => [p.code, p.line]),
        [['param-range', 9]],
      );
    });
  }

  it('a model too large to train, even with model-size turned off, saying why', async () => {
    client.configuration = { nn: { checks: { 'model-size': 'off' } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = 'file:///ws/huge.nn';
    await client.open(
      uri,
      'model huge {\n  task binary\n  input 2\n  dense 100000 relu\n  dense 100000 relu\n  dense 1 sigmoid\n}\ntrain huge {\n  data xor\n}\n',
    );
    await client.waitForPublication(uri, (p) => p.diagnostics.length === 0);
    const result = await client.request<PlanRunResult>('nn/planRun', { uri });
    assert.ok(!result.ok);
    assert.match(result.message, /model 'huge' is too large to train: 10,000,500,001 parameters and about [\d,]+ MB/);
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.line, p.column]),
      [['model-size', 1, 7]],
    );
  });
});
