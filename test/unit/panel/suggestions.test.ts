import assert from 'node:assert/strict';
import type { LayerHealth, RunFinished, TrainingFinding } from '../../../server/src/protocol';
import { lowerLearningRate, suggestFix, useActivationEverywhere } from '../../../media/src/panel/suggestions';
import { epochsToThreshold, describeThreshold } from '../../../media/src/panel/thresholds';
import { applyHostMessage, createState, newRun } from '../../../media/src/panel/state';
import { compareStream, panelInit } from '../../browser/fixtures/syntheticStream';

const init = panelInit();
const finding = (code: TrainingFinding['code'], sourceIndex?: number): TrainingFinding => ({
  code, severity: 'warning', message: 'm', epoch: 3, sourceIndex, layer: sourceIndex === undefined ? undefined : init.layers[sourceIndex].name,
});
const health = (sourceIndex: number, saturated?: number): LayerHealth => ({
  name: init.layers[sourceIndex].name, sourceIndex, activation: 'tanh', saturatedFraction: saturated, gradNorm: 1, histogram: { min: 0, max: 1, counts: [] },
});

describe('panel suggestions', () => {
  it('dead units on a hidden layer: switch it to leaky_relu', () => {
    assert.deepEqual(suggestFix(finding('dead-units', 1), init, [], 0.01), {
      label: 'Switch dense_2 to leaky_relu',
      fix: { kind: 'setActivation', sourceIndices: [1], activation: 'leaky_relu' },
    });
  });

  it('saturated units on a hidden layer: switch it to relu', () => {
    assert.deepEqual(suggestFix(finding('saturated-units', 0), init, [], 0.01)?.fix, { kind: 'setActivation', sourceIndices: [0], activation: 'relu' });
  });

  it('offers nothing for the output layer', () => {
    assert.equal(suggestFix(finding('saturated-units', 2), init, [], 0.01), undefined);
    assert.equal(suggestFix(finding('dead-units', 2), init, [], 0.01), undefined);
  });

  it('vanishing gradient: switch the hidden layers that saturate', () => {
    const s = suggestFix(finding('vanishing-gradient'), init, [health(0, 0.3), health(1), health(2, 0.9)], 0.01);
    assert.deepEqual(s?.fix, { kind: 'setActivation', sourceIndices: [0], activation: 'relu' });
    assert.equal(suggestFix(finding('vanishing-gradient'), init, [health(1)], 0.01), undefined);
  });

  it('exploding gradient: a learning rate ten times smaller', () => {
    assert.deepEqual(suggestFix(finding('exploding-gradient', 1), init, [], 0.3)?.fix, { kind: 'setLearningRate', lr: 0.03 });
    assert.equal(lowerLearningRate(0.001), 0.0001);
  });

  it('no edit for a plateau or overfitting, and none without a model', () => {
    assert.equal(suggestFix(finding('loss-plateau'), init, [], 0.01), undefined);
    assert.equal(suggestFix(finding('overfitting'), init, [], 0.01), undefined);
    assert.equal(suggestFix(finding('dead-units', 1), undefined, [], 0.01), undefined);
  });

  it('compare: one activation on every hidden dense layer', () => {
    assert.deepEqual(useActivationEverywhere(init, 'tanh')?.fix, { kind: 'setActivation', sourceIndices: [0, 1], activation: 'tanh' });
  });

  it('epochs to threshold: what the trainer reported, not a scan of the epochs the panel received', () => {
    const stream = compareStream();
    const threshold = { key: 'valMetric', direction: 'atLeast', value: 0.9 } as const;
    const finished = new Map(stream.filter((m): m is RunFinished => m.type === 'finished').map((m) => [m.runId, m.reachedAt]));
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
    assert.ok(reluReached !== undefined && !relu.epochs.includes(reluReached), 'relu met the target at an epoch the panel never received');
    assert.equal(epochsToThreshold(relu, threshold), reluReached);
    assert.equal(epochsToThreshold(state.compare.find((r) => r.label === 'sigmoid')!, threshold), undefined);
    assert.equal(epochsToThreshold(relu, undefined), undefined);
    // An older trainer that does not report it: no number is made up from the received epochs.
    const old = Object.assign(newRun('r', 'relu'), { epochs: [5, 10], valMetric: [0.7, 0.95], valLoss: [0.5, 0.3] });
    assert.equal(epochsToThreshold(old, threshold), undefined);
    assert.equal(describeThreshold({ key: 'valLoss', direction: 'atMost', value: 0.1 }, 'accuracy'), 'validation loss ≤ 0.1');
    assert.equal(describeThreshold({ key: 'valMetric', direction: 'atMost', value: 0.5 }, 'mae'), 'validation MAE ≤ 0.5');
  });
});
