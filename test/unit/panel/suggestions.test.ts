import assert from 'node:assert/strict';
import type { RunFinished } from '../../../server/src/protocol';
import { useActivationEverywhere } from '../../../media/src/panel/suggestions';
import { epochsToThreshold, describeThreshold } from '../../../media/src/panel/thresholds';
import { applyHostMessage, createState, newRun } from '../../../media/src/panel/state';
import { compareStream, panelInit } from '../../browser/fixtures/syntheticStream';

const init = panelInit();
describe('panel suggestions', () => {
  it('compare: one activation on every hidden dense layer', () => {
    assert.deepEqual(useActivationEverywhere(init, 'tanh')?.fix, {
      kind: 'setActivation',
      sourceIndices: [0, 1],
      activation: 'tanh',
    });
  });

  it('epochs to threshold: what the trainer reported, not a scan of the epochs the panel received', () => {
    const stream = compareStream();
    const threshold = { key: 'valMetric', direction: 'atLeast', value: 0.9 } as const;
    const finished = new Map(
      stream.filter((m): m is RunFinished => m.type === 'finished').map((m) => [m.runId, m.reachedAt]),
    );
    // Fold the stream in, checking each run's answer while it runs and once it has finished.
    const state = createState();
    for (const message of stream) {
      applyHostMessage(state, message);
      if (message.type !== 'epoch' && message.type !== 'finished') continue;
      const run = state.compare.find((r) => r.runId === message.runId)!;
      const reported = message.reachedAt;
      assert.equal(epochsToThreshold(run, threshold), reported, `${message.runId} at ${message.type}`);
    }
    const relu = state.compare.find((r) => r.label === 'relu')!;
    const reluReached = finished.get(relu.runId);
    assert.ok(
      reluReached !== undefined && !relu.epochs.includes(reluReached),
      'relu met the target at an epoch the panel never received',
    );
    assert.equal(epochsToThreshold(relu, threshold), reluReached);
    assert.equal(
      epochsToThreshold(
        state.compare.find((r) => r.label === 'sigmoid')!,
        threshold,
      ),
      undefined,
    );
    assert.equal(epochsToThreshold(relu, undefined), undefined);
    // An older trainer that does not report it: no number is made up from the received epochs.
    const old = Object.assign(newRun('r', 'relu'), { epochs: [5, 10], valMetric: [0.7, 0.95], valLoss: [0.5, 0.3] });
    assert.equal(epochsToThreshold(old, threshold), undefined);
    assert.equal(
      describeThreshold({ key: 'valLoss', direction: 'atMost', value: 0.1 }, 'accuracy'),
      'validation loss ≤ 0.1',
    );
    assert.equal(
      describeThreshold({ key: 'valMetric', direction: 'atMost', value: 0.5 }, 'mae'),
      'validation MAE ≤ 0.5',
    );
  });
});
