/**
 * Input features (`features`) in the engine: the transform of the data, training on it, the decision-boundary
 * grid over the raw plane, and prediction from raw points, all with the same math.
 */
import { strict as assert } from 'node:assert';
import { FEATURES, type FeatureName } from '../../../server/src/catalog';
import type { TrainSettings } from '../../../server/src/model/spec';
import { withFeatures } from '../../../server/src/train/data/features';
import { bundledDataset, loadDataset } from '../../../server/src/train/data/load';
import { predict } from '../../../server/src/train/predict';
import { trainSync } from '../../../server/src/train/trainer';
import { dense, network } from './helpers';

const ALL = FEATURES.map((f) => f.name) as FeatureName[];
const settings = (features?: FeatureName[]): TrainSettings => ({
  epochs: 5,
  batch: 32,
  validation: 0.2,
  seed: 4,
  normalize: true,
  features,
});

describe('train: input features', () => {
  it('computes every feature of every point from the raw (x1, x2)', () => {
    const raw = loadDataset({ name: 'moons', params: { points: 50, noise: 0.1 } }, 1);
    const seen = withFeatures(raw, ALL);
    assert.equal(seen.features, 7);
    assert.deepEqual(seen.featureNames, ALL);
    assert.equal(seen.n, raw.n);
    assert.equal(seen.target, raw.target);
    for (let r = 0; r < raw.n; r++) {
      const [x1, x2] = [raw.x[2 * r], raw.x[2 * r + 1]];
      assert.deepEqual(Array.from(seen.x.subarray(7 * r, 7 * r + 7)), [
        x1,
        x2,
        x1 * x1,
        x2 * x2,
        x1 * x2,
        Math.sin(x1),
        Math.sin(x2),
      ]);
    }
  });

  it('leaves the data as it is without features or with x1, x2', () => {
    const raw = loadDataset({ name: 'xor', params: { points: 20, noise: 0 } }, 1);
    assert.equal(withFeatures(raw, undefined), raw);
    assert.equal(withFeatures(raw, ['x1', 'x2']), raw);
    assert.notEqual(withFeatures(raw, ['x2', 'x1']), raw, 'swapped columns are a transform');
  });

  it('refuses features on data that is not 2-D', () => {
    assert.throws(() => withFeatures(bundledDataset('iris'), ['x1sq']), /needs 2-D points .* 'iris' has 4 columns/);
  });

  it('trains on the features, reports the raw plane to the panel, and draws the boundary over it', () => {
    const spec = network(7, [dense(4, 'tanh'), dense(1, 'sigmoid')]);
    const { events, finished } = trainSync({
      runId: 'f',
      spec,
      settings: settings(ALL),
      data: { name: 'circle', params: { points: 200, noise: 0.05 } },
      gridSize: 12,
    });
    assert.equal(finished.reason, 'completed');
    const started = events[0];
    assert.ok(started.type === 'started');
    assert.equal(started.dataset.features, 2, 'the data has two columns');
    assert.deepEqual(started.settings.features, ALL);
    const raw = loadDataset({ name: 'circle', params: { points: 200, noise: 0.05 } }, 4);
    const rawPoints = new Set(Array.from({ length: raw.n }, (_, r) => `${raw.x[2 * r]},${raw.x[2 * r + 1]}`));
    assert.ok(
      started.dataset.points?.every((p) => rawPoints.has(`${p.x},${p.y}`)),
      'the points are the raw (x1, x2)',
    );
    assert.equal(finished.weights?.dense[0].inWidth, 7);
    assert.equal(finished.weights?.normalization?.mean.length, 7);
    const last = events.filter((e) => e.type === 'epoch').at(-1);
    assert.ok(last?.type === 'epoch' && last.boundary);
    assert.equal(last.boundary.values.length, 144);
  });

  it('the boundary grid, prediction from raw points and training agree on the features', () => {
    const spec = network(3, [dense(1, 'sigmoid')]);
    const features: FeatureName[] = ['x1sq', 'x2sq', 'x1x2'];
    const { events, finished } = trainSync({
      runId: 'g',
      spec,
      settings: settings(features),
      data: { name: 'xor', params: { points: 200, noise: 0 } },
      gridSize: 6,
    });
    const last = events.filter((e) => e.type === 'epoch').at(-1);
    assert.ok(last?.type === 'epoch' && last.boundary && finished.weights);
    const grid = last.boundary;
    const cells: number[][] = [];
    for (let row = 0; row < grid.height; row++) {
      for (let col = 0; col < grid.width; col++) {
        const x = grid.xRange[0] + ((col + 0.5) / grid.width) * (grid.xRange[1] - grid.xRange[0]);
        const y = grid.yRange[1] - ((row + 0.5) / grid.height) * (grid.yRange[1] - grid.yRange[0]);
        cells.push([x, y]);
      }
    }
    const predicted = predict(spec, finished.weights, cells, { features }).map((r) => r[0]);
    predicted.forEach((p, i) =>
      assert.ok(Math.abs(p - grid.values[i]) < 1e-6, `cell ${i}: grid ${grid.values[i]}, predict ${p}`),
    );
  });

  it('names the features when their number differs from the model input', () => {
    const spec = network(2, [dense(1, 'sigmoid')]);
    assert.throws(
      () =>
        trainSync({
          runId: 'w',
          spec,
          settings: settings(['x1', 'x2', 'x1sq']),
          data: { name: 'circle', params: { points: 20, noise: 0 } },
        }),
      /features x1, x2, x1sq give 3 inputs, but the model's input is 2/,
    );
  });

  it('predicts from raw points only', () => {
    const spec = network(2, [dense(1, 'sigmoid')]);
    const { finished } = trainSync({
      runId: 'p',
      spec,
      settings: settings(['x1sq', 'x2sq']),
      data: { name: 'circle', params: { points: 40, noise: 0 } },
    });
    assert.ok(finished.weights);
    assert.throws(
      () => predict(spec, finished.weights!, [[1, 2, 3]], { features: ['x1sq', 'x2sq'] }),
      /has 3 values, the model expects 2/,
    );
    // x1sq and x2sq cannot tell (3, 0) from (−3, 0), so neither can the prediction.
    const [[right], [left]] = predict(
      spec,
      finished.weights,
      [
        [3, 0],
        [-3, 0],
      ],
      { features: ['x1sq', 'x2sq'] },
    );
    assert.equal(right, left);
  });
});
