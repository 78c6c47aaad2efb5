/**
 * The fix a training finding offers is decided by its check in the core and travels with the finding; the
 * panel only shows it. Which layers a fix touches comes from the run's layer facts, the new learning rate from
 * the rate the run trained with.
 */
import assert from 'node:assert/strict';
import type { LayerHealth, TrainingFinding } from '../../../server/src/protocol';
import {
  runTrainingChecks,
  type EpochRecord,
  type LayerFacts,
  type TrainingCheckContext,
} from '../../../server/src/train/checks';
import { lowerLearningRate } from '../../../server/src/train/checks/explodingGradient';
import { trainSync } from '../../../server/src/train/trainer';
import { dense, network } from './helpers';

const layers: LayerFacts[] = [
  { name: 'h1', sourceIndex: 0, activation: 'tanh', role: 'hidden', canDie: false, saturating: true },
  { name: 'h2', sourceIndex: 1, activation: 'relu', role: 'hidden', canDie: true, saturating: false },
  { name: 'h3', sourceIndex: 3, activation: 'sigmoid', role: 'hidden', canDie: false, saturating: true },
  { name: 'out', sourceIndex: 4, activation: 'sigmoid', role: 'output', canDie: false, saturating: true },
];

const health = (gradNorm: number, extra: Partial<LayerHealth> = {}): LayerHealth => ({
  name: 'x',
  sourceIndex: 0,
  activation: 'x',
  gradNorm,
  histogram: { min: 0, max: 0, counts: [] },
  ...extra,
});

/** 20 epochs of falling loss with the given layer health. */
function context(
  each: (epoch: number) => LayerHealth[],
  extra: Partial<TrainingCheckContext> = {},
): TrainingCheckContext {
  const history: EpochRecord[] = Array.from({ length: 20 }, (_, i) => ({
    epoch: i + 1,
    trainLoss: 1 / (i + 1),
    valLoss: 1.1 / (i + 1),
    layers: each(i + 1),
  }));
  return { epoch: 20, epochs: 20, history, layers, learningRate: 0.3, ...extra };
}

const only = (findings: TrainingFinding[], code: TrainingFinding['code']) => findings.filter((f) => f.code === code);

describe('training findings carry their fixes', () => {
  it('dead units: switch that layer to leaky_relu', () => {
    const [finding] = only(
      runTrainingChecks(context(() => [health(1), health(1, { deadFraction: 0.9 }), health(1), health(1)])),
      'dead-units',
    );
    assert.deepEqual(finding.fixes, [
      {
        id: 'leaky_relu',
        title: 'Switch h2 to leaky_relu',
        change: { kind: 'setActivation', sourceIndices: [1], activation: 'leaky_relu' },
      },
    ]);
  });

  it('saturated units: switch that layer to relu (never the output layer, which is not reported)', () => {
    const found = only(
      runTrainingChecks(
        context(() => [
          health(1),
          health(1),
          health(1, { saturatedFraction: 0.9 }),
          health(1, { saturatedFraction: 1 }),
        ]),
      ),
      'saturated-units',
    );
    assert.deepEqual(
      found.map((f) => f.fixes),
      [
        [
          {
            id: 'relu',
            title: 'Switch h3 to relu',
            change: { kind: 'setActivation', sourceIndices: [3], activation: 'relu' },
          },
        ],
      ],
    );
  });

  it('vanishing gradient: switch every saturating hidden layer to relu', () => {
    const [finding] = only(
      runTrainingChecks(context(() => [health(1e-6), health(1), health(1), health(1)])),
      'vanishing-gradient',
    );
    assert.deepEqual(finding.fixes, [
      {
        id: 'relu',
        title: 'Switch the 2 saturating hidden layers to relu',
        change: { kind: 'setActivation', sourceIndices: [0, 3], activation: 'relu' },
      },
    ]);
    const reluOnly = layers.map((l) => ({ ...l, saturating: false }));
    const [none] = only(
      runTrainingChecks(context(() => [health(1e-6), health(1), health(1), health(1)], { layers: reluOnly })),
      'vanishing-gradient',
    );
    assert.equal(none.fixes, undefined, 'nothing to switch, no fix');
  });

  it('exploding gradient: a tenth of the rate the run used', () => {
    const diverged = context(() => [health(1), health(1), health(1), health(1)], {
      divergence: { epoch: 3, layer: 'h1', sourceIndex: 0, nonFinite: true },
    });
    const [finding] = only(runTrainingChecks(diverged), 'exploding-gradient');
    assert.deepEqual(finding.fixes, [
      { id: 'lower-lr', title: 'Lower the learning rate to 0.03', change: { kind: 'setLearningRate', lr: 0.03 } },
    ]);
    assert.equal(lowerLearningRate(0.001), 0.0001);
    const [unknownRate] = only(runTrainingChecks({ ...diverged, learningRate: undefined }), 'exploding-gradient');
    assert.equal(unknownRate.fixes, undefined);
  });

  it('no fix for a plateau or for overfitting', () => {
    const flat: TrainingCheckContext = {
      epoch: 20,
      epochs: 20,
      layers: [],
      history: Array.from({ length: 20 }, (_, i) => ({ epoch: i + 1, trainLoss: 0.69, valLoss: 0.69, layers: [] })),
    };
    const [plateau] = only(runTrainingChecks(flat), 'loss-plateau');
    assert.equal(plateau.fixes, undefined);
  });

  it("the trainer passes the rate it trains with (the train block's lr over the optimizer's)", () => {
    const spec = network(2, [dense(16, 'relu', {}, 'he_normal'), dense(1)], {
      task: { kind: 'regression' },
      loss: { name: 'mse', params: {} },
      optimizer: { name: 'sgd', params: { lr: 0.01 } },
    });
    const { finished } = trainSync({
      runId: 'x',
      spec,
      data: { name: 'sine', params: { points: 200 } },
      settings: { epochs: 5, batch: 32, validation: 0.2, seed: 1, normalize: true, lr: 2 },
    });
    const [finding] = only(finished.findings, 'exploding-gradient');
    assert.ok(finding, finished.findings.map((f) => f.code).join(','));
    assert.deepEqual(
      finding.fixes?.map((f) => f.change),
      [{ kind: 'setLearningRate', lr: 0.2 }],
    );
  });
});
