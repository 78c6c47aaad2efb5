/** Same spec, data and seed: identical bits. NaN/Inf: the run stops at once and names the layer and epoch. */
import { strict as assert } from 'node:assert';
import { Rng } from '../../../server/src/train/engine/rng';
import type { NetworkSpec } from '../../../server/src/model/spec';
import { trainSync } from '../../../server/src/train/trainer';
import { dense, network } from './helpers';

const spec: NetworkSpec = network(
  2,
  [
    dense(8, 'relu', {}, 'he_normal'),
    { kind: 'dropout', name: '', sourceIndex: 0, rate: 0.3 },
    dense(8, 'tanh'),
    dense(1, 'sigmoid'),
  ],
  { optimizer: { name: 'adam', params: { lr: 0.01 } } },
);

function runOnce(seed: number) {
  return trainSync({
    runId: 'd',
    spec,
    data: { name: 'moons', params: { points: 200 } },
    settings: { epochs: 15, batch: 16, validation: 0.25, seed, normalize: true },
  });
}

describe('determinism', () => {
  it('gives bit-identical weights and curves for the same seed', () => {
    const a = runOnce(5);
    const b = runOnce(5);
    assert.deepEqual(a.finished.weights, b.finished.weights);
    assert.deepEqual(
      a.trainer.history.map((h) => [h.trainLoss, h.valLoss]),
      b.trainer.history.map((h) => [h.trainLoss, h.valLoss]),
    );
    assert.deepEqual(a.trainer.started.dataset, b.trainer.started.dataset);
  });

  it('gives different weights for a different seed', () => {
    assert.notDeepEqual(runOnce(5).finished.weights?.dense[0].W, runOnce(6).finished.weights?.dense[0].W);
  });

  it('keeps the seeded streams independent and reproducible', () => {
    const a = new Rng(42, 1);
    const b = new Rng(42, 1);
    const c = new Rng(42, 2);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    assert.deepEqual(
      seqA,
      Array.from({ length: 5 }, () => b.nextUint32()),
    );
    assert.notDeepEqual(
      seqA,
      Array.from({ length: 5 }, () => c.nextUint32()),
    );
    const normals = Array.from({ length: 4000 }, () => a.normal());
    const mean = normals.reduce((s, v) => s + v, 0) / normals.length;
    const variance = normals.reduce((s, v) => s + (v - mean) ** 2, 0) / normals.length;
    assert.ok(Math.abs(mean) < 0.06 && Math.abs(variance - 1) < 0.08, `mean ${mean}, variance ${variance}`);
  });
});

describe('divergence', () => {
  it('stops at once on NaN/Inf and names the layer and the epoch', () => {
    const exploding = network(2, [dense(8, 'relu', {}, 'he_normal'), dense(1)], {
      task: { kind: 'regression' },
      loss: { name: 'mse', params: {} },
      optimizer: { name: 'sgd', params: { lr: 1e6 } },
    });
    const { finished, trainer } = trainSync({
      runId: 'n',
      spec: exploding,
      data: { name: 'plane', params: {} },
      settings: { epochs: 50, batch: 16, validation: 0.2, seed: 1, normalize: false },
    });
    assert.equal(finished.reason, 'diverged');
    assert.ok(trainer.epoch < 50);
    assert.match(finished.detail ?? '', /epoch \d+ in layer 'dense_\d'/);
    const finding = finished.findings.find((f) => f.code === 'exploding-gradient');
    assert.ok(finding);
    assert.equal(finding.severity, 'error');
    assert.match(finding.layer ?? '', /^dense_\d$/);
    // The last weights are the ones before the bad step, so they are still finite.
    assert.ok(finished.weights?.dense.every((d) => d.W.every(Number.isFinite)));
  });
});

describe('degenerate data', () => {
  it('refuses a dataset with fewer than two rows instead of training on nothing', () => {
    const tiny = network(2, [dense(1, 'sigmoid')]);
    assert.throws(
      () =>
        trainSync({
          runId: 'z',
          spec: tiny,
          data: { name: 'xor', params: { points: 1 } },
          settings: { epochs: 1, batch: 8, validation: 0.2, seed: 1, normalize: true },
        }),
      /1 row; training needs at least 2/,
    );
  });

  it('trains without a validation split and reports validation numbers as missing', () => {
    const { finished } = trainSync({
      runId: 'v',
      spec: network(2, [dense(4, 'relu', {}, 'he_normal'), dense(1, 'sigmoid')]),
      data: { name: 'circle', params: { points: 50 } },
      settings: { epochs: 3, batch: 8, validation: 0, seed: 1, normalize: true },
    });
    assert.equal(finished.reason, 'completed');
    assert.ok(Number.isNaN(finished.final.valLoss));
    assert.ok(Number.isFinite(finished.final.trainLoss));
    assert.equal(
      finished.confusion?.flat().reduce((a, b) => a + b, 0),
      50,
      'the confusion matrix falls back to the training rows',
    );
  });
});
