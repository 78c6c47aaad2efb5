/** What the panel draws: the decision boundary over the input plane, per-neuron pictures, and the data points. */
import { strict as assert } from 'node:assert';
import type { EpochProgress } from '../../../server/src/protocol';
import { trainSync } from '../../../server/src/train/trainer';
import { dense, network } from './helpers';

function lastEpoch(events: ReturnType<typeof trainSync>['events']): EpochProgress {
  return events.filter((e): e is EpochProgress => e.type === 'epoch').pop() as EpochProgress;
}

describe('grids and points for 2-D data', () => {
  it('gives a binary boundary of probabilities that matches the data, and neuron grids for small layers', () => {
    const spec = network(2, [dense(4, 'tanh'), dense(1, 'sigmoid')], { optimizer: { name: 'adam', params: { lr: 0.05 } } });
    const { events, trainer } = trainSync({
      runId: 'g', spec, data: { name: 'gaussian', params: { points: 200, noise: 0 } }, gridSize: 20,
      settings: { epochs: 30, batch: 16, validation: 0.2, seed: 1, normalize: true },
    });
    const epoch = lastEpoch(events);
    const grid = epoch.boundary!;
    assert.equal(grid.values.length, 400);
    assert.ok(grid.values.every((v) => v >= 0 && v <= 1));
    // Gaussian puts class 1 at (2, 2) (top right) and class 0 at (−2, −2) (bottom left); row 0 is the top.
    assert.ok(grid.values[19] > 0.9, `top right ${grid.values[19]}`);
    assert.ok(grid.values[20 * 19] < 0.1, `bottom left ${grid.values[380]}`);
    assert.deepEqual(epoch.neurons?.map((n) => [n.layer, n.unit]), [['dense_1', 0], ['dense_1', 1], ['dense_1', 2], ['dense_1', 3]]);
    const points = trainer.started.dataset.points!;
    assert.equal(points.length, 200);
    assert.equal(points.filter((p) => p.split === 'validation').length, 40);
  });

  it('gives the winning class and its confidence for multiclass data', () => {
    const spec = network(2, [dense(16, 'relu', {}, 'he_normal'), dense(3, 'softmax')],
      { task: { kind: 'multiclass', count: 3 }, loss: { name: 'cce', params: {} }, optimizer: { name: 'adam', params: { lr: 0.03 } } });
    const { events } = trainSync({
      runId: 'g', spec, data: { name: 'blobs', params: { points: 150 } }, gridSize: 12,
      settings: { epochs: 20, batch: 16, validation: 0.2, seed: 1, normalize: true },
    });
    const grid = lastEpoch(events).boundary!;
    assert.deepEqual([...new Set(grid.values)].sort(), [0, 1, 2]);
    assert.ok(grid.confidence!.every((c) => c >= 1 / 3 - 1e-6 && c <= 1));
    assert.equal(lastEpoch(events).neurons, undefined, 'a 16-unit layer is too wide for neuron pictures');
  });
});
