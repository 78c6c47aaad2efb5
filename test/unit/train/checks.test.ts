/** Each training check fires on a case built to trip it and stays quiet on a healthy one; thresholds are settings. */
import { strict as assert } from 'node:assert';
import type { LayerHealth } from '../../../server/src/protocol';
import {
  runTrainingCheck,
  runTrainingChecks,
  type TrainingCheckDef,
  type TrainingCheckContext,
  type EpochRecord,
  type LayerFacts,
} from '../../../server/src/train/checks';
import { deadUnits } from '../../../server/src/train/checks/deadUnits';
import { explodingGradient } from '../../../server/src/train/checks/explodingGradient';
import { lossPlateau } from '../../../server/src/train/checks/lossPlateau';
import { overfitting } from '../../../server/src/train/checks/overfitting';
import { saturatedUnits } from '../../../server/src/train/checks/saturatedUnits';
import { DEFAULT_THRESHOLDS, withTrainingDefaults, type TrainingThresholds } from '../../../server/src/thresholds';
import { vanishingGradient } from '../../../server/src/train/checks/vanishingGradient';
import { trainSync } from '../../../server/src/train/trainer';
import { dense, network } from './helpers';

const run = (check: TrainingCheckDef, context: TrainingCheckContext, t: Partial<TrainingThresholds>) =>
  runTrainingCheck(check, context, withTrainingDefaults(t));

const facts: LayerFacts[] = [
  { name: 'h1', sourceIndex: 0, activation: 'relu', role: 'hidden', canDie: true, saturating: false },
  { name: 'h2', sourceIndex: 1, activation: 'sigmoid', role: 'hidden', canDie: false, saturating: true },
  { name: 'out', sourceIndex: 2, activation: 'sigmoid', role: 'output', canDie: false, saturating: true },
];

function health(name: string, gradNorm: number, extra: Partial<LayerHealth> = {}): LayerHealth {
  return { name, sourceIndex: 0, activation: 'x', gradNorm, histogram: { min: 0, max: 0, counts: [] }, ...extra };
}

/** A history of `epochs` records built from per-epoch functions. */
function history(
  epochs: number,
  loss: (e: number) => [number, number],
  layers: (e: number) => LayerHealth[],
): EpochRecord[] {
  return Array.from({ length: epochs }, (_, i) => {
    const [trainLoss, valLoss] = loss(i + 1);
    return { epoch: i + 1, trainLoss, valLoss, layers: layers(i + 1) };
  });
}

const healthyLayers = (): LayerHealth[] => [
  health('h1', 0.5, { deadFraction: 0.1 }),
  health('h2', 0.4, { saturatedFraction: 0.1 }),
  health('out', 0.6, { saturatedFraction: 0.9 }),
];
const falling = (e: number): [number, number] => [1 / e, 1.1 / e];
const context = (records: EpochRecord[], extra: Partial<TrainingCheckContext> = {}): TrainingCheckContext => ({
  epoch: records.length,
  epochs: records.length,
  history: records,
  layers: facts,
  ...extra,
});

describe('training checks', () => {
  it('are all quiet on a healthy history (an output layer may saturate)', () => {
    assert.deepEqual(runTrainingChecks(context(history(50, falling, healthyLayers))), []);
  });

  it('dead-units fires at 40% of a ReLU layer, with the fraction in the message', () => {
    const records = history(5, falling, () => [
      health('h1', 0.5, { deadFraction: 0.45 }),
      health('h2', 0.4),
      health('out', 0.6),
    ]);
    const found = run(deadUnits, context(records), DEFAULT_THRESHOLDS);
    assert.equal(found.length, 1);
    assert.equal(found[0].layer, 'h1');
    assert.match(found[0].message, /^45% of the units in 'h1' \(relu\)/);
    assert.deepEqual(run(deadUnits, context(records), { deadFraction: 0.5 }), [], 'the threshold is a setting');
  });

  it('saturated-units fires at 50% of a hidden sigmoid layer only', () => {
    const records = history(5, falling, () => [
      health('h1', 0.5),
      health('h2', 0.4, { saturatedFraction: 0.6 }),
      health('out', 0.6, { saturatedFraction: 1 }),
    ]);
    const found = run(saturatedUnits, context(records), DEFAULT_THRESHOLDS);
    assert.deepEqual(
      found.map((f) => f.layer),
      ['h2'],
    );
  });

  it('vanishing-gradient needs the ratio below 1e-3 for each of the last 10 epochs', () => {
    const tiny = (e: number) => [health('h1', e === 5 ? 0.1 : 1e-5), health('h2', 1e-3), health('out', 0.5)];
    assert.equal(run(vanishingGradient, context(history(20, falling, tiny)), DEFAULT_THRESHOLDS).length, 1);
    const recovering = (e: number) => [health('h1', e === 15 ? 0.1 : 1e-5), health('h2', 1e-3), health('out', 0.5)];
    assert.equal(run(vanishingGradient, context(history(20, falling, recovering)), DEFAULT_THRESHOLDS).length, 0);
    assert.equal(
      run(vanishingGradient, context(history(9, falling, tiny)), DEFAULT_THRESHOLDS).length,
      0,
      'needs 10 epochs',
    );
  });

  it('exploding-gradient fires above a norm of 1e3 and on NaN, naming the layer and epoch', () => {
    const big = (e: number) => [health('h1', 0.5), health('h2', e === 3 ? 5e3 : 1), health('out', 0.5)];
    const found = run(explodingGradient, context(history(6, falling, big)), DEFAULT_THRESHOLDS);
    assert.equal(found[0].layer, 'h2');
    assert.equal(found[0].epoch, 3);
    assert.equal(found[0].severity, 'warning');
    const nan = run(
      explodingGradient,
      context(history(2, falling, healthyLayers), {
        divergence: { epoch: 3, layer: 'h1', sourceIndex: 0, nonFinite: true },
      }),
      DEFAULT_THRESHOLDS,
    );
    assert.equal(nan[0].severity, 'error');
    assert.match(nan[0].message, /epoch 3: 'h1' produced NaN/);
  });

  it('loss-plateau fires when the loss is flat and still high, not when it is flat because it converged', () => {
    const flatHigh = history(50, (e) => [e < 5 ? 0.8 - e * 0.01 : 0.69, 0.7], healthyLayers);
    assert.equal(run(lossPlateau, context(flatHigh), DEFAULT_THRESHOLDS).length, 1);
    const converged = history(50, (e) => [e < 20 ? 1 / e : 0.05, 0.06], healthyLayers);
    assert.equal(run(lossPlateau, context(converged), DEFAULT_THRESHOLDS).length, 0);
  });

  it('overfitting fires when validation loss rises for 10 epochs while training loss falls', () => {
    const diverging = history(40, (e) => [1 / e, e <= 25 ? 1 / e : 1 / 25 + (e - 25) * 0.01], healthyLayers);
    assert.equal(run(overfitting, context(diverging), DEFAULT_THRESHOLDS).length, 1);
    const short = history(30, (e) => [1 / e, e <= 25 ? 1 / e : 1 / 25 + (e - 25) * 0.01], healthyLayers);
    assert.equal(run(overfitting, context(short), DEFAULT_THRESHOLDS).length, 0, 'five epochs are not enough');
    assert.equal(
      run(overfitting, context(history(40, (e) => [1 / e, NaN], healthyLayers)), DEFAULT_THRESHOLDS).length,
      0,
      'no validation, no finding',
    );
  });
});

describe('training checks on real runs', function () {
  this.timeout(20000);

  it('a healthy relu run on spiral has no findings', () => {
    const spec = network(
      2,
      [dense(16, 'relu', {}, 'he_normal'), dense(16, 'relu', {}, 'he_normal'), dense(1, 'sigmoid')],
      { optimizer: { name: 'adam', params: { lr: 0.01 } } },
    );
    const { finished } = trainSync({
      runId: 'h',
      spec,
      data: { name: 'spiral', params: { points: 400 } },
      settings: { epochs: 100, batch: 32, validation: 0.2, seed: 7, normalize: true },
    });
    assert.deepEqual(finished.findings, []);
  });

  it('a large network on a tiny noisy set overfits', () => {
    const spec = network(
      2,
      [dense(64, 'relu', {}, 'he_normal'), dense(64, 'relu', {}, 'he_normal'), dense(1, 'sigmoid')],
      { optimizer: { name: 'adam', params: { lr: 0.01 } } },
    );
    const { finished } = trainSync({
      runId: 'o',
      spec,
      data: { name: 'xor', params: { points: 60, noise: 0.5 } },
      settings: { epochs: 80, batch: 16, validation: 0.5, seed: 1, normalize: true },
    });
    assert.ok(
      finished.findings.some((f) => f.code === 'overfitting'),
      finished.findings.map((f) => f.code).join(','),
    );
  });

  it('hidden sigmoid units driven into their tails are reported as saturated', () => {
    // Large unstandardized inputs push every pre-activation far out on the flat tails.
    const rows = Array.from({ length: 100 }, (_, i) => `${100 + (i % 10) * 5},${150 - (i % 7) * 4},${i % 2}`);
    const csvText = ['a,b,label', ...rows].join('\n');
    const spec = network(2, [dense(16, 'sigmoid', {}, 'he_normal'), dense(1, 'sigmoid')], {
      optimizer: { name: 'sgd', params: { lr: 0.1 } },
    });
    const { finished } = trainSync({
      runId: 's',
      spec,
      data: { name: 'csv', params: { path: 'big.csv', target: 'label' }, csvText },
      settings: { epochs: 5, batch: 16, validation: 0.2, seed: 1, normalize: false },
    });
    assert.ok(
      finished.findings.some((f) => f.code === 'saturated-units' && f.layer === 'dense_1'),
      finished.findings.map((f) => f.code).join(','),
    );
  });
});
