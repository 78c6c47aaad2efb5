import assert from 'node:assert/strict';
import type { LayerHealth, TrainingFinding } from '../../../server/src/protocol';
import { lowerLearningRate, suggestFix, useActivationEverywhere } from '../../../media/src/panel/suggestions';
import { epochsToThreshold, describeThreshold } from '../../../media/src/panel/thresholds';
import { newRun } from '../../../media/src/panel/state';
import { panelInit } from '../../browser/fixtures/syntheticStream';

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

  it('epochs to threshold: the first reported epoch that reaches it', () => {
    const run = Object.assign(newRun('r', 'relu'), { epochs: [5, 10, 15], valMetric: [0.7, 0.91, 0.95], valLoss: [0.5, 0.3, 0.2] });
    assert.equal(epochsToThreshold(run, { key: 'valMetric', direction: 'atLeast', value: 0.9 }), 10);
    assert.equal(epochsToThreshold(run, { key: 'valLoss', direction: 'atMost', value: 0.25 }), 15);
    assert.equal(epochsToThreshold(run, { key: 'valMetric', direction: 'atLeast', value: 0.99 }), undefined);
    assert.equal(epochsToThreshold(run, undefined), undefined);
    assert.equal(describeThreshold({ key: 'valLoss', direction: 'atMost', value: 0.1 }, 'accuracy'), 'validation loss ≤ 0.1');
    assert.equal(describeThreshold({ key: 'valMetric', direction: 'atMost', value: 0.5 }, 'mae'), 'validation MAE ≤ 0.5');
  });
});
