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
    const spec = network(2, [dense(4, 'tanh'), dense(1, 'sigmoid')], {
      optimizer: { name: 'adam', params: { lr: 0.05 } },
    });
    const { events, trainer } = trainSync({
      runId: 'g',
      spec,
      data: { name: 'gaussian', params: { points: 200, noise: 0 } },
      gridSize: 20,
      settings: { epochs: 30, batch: 16, validation: 0.2, seed: 1, normalize: true },
    });
    const epoch = lastEpoch(events);
    const grid = epoch.boundary!;
    assert.equal(grid.values.length, 400);
    assert.ok(grid.values.every((v) => v >= 0 && v <= 1));
    // Gaussian puts class 1 at (2, 2) (top right) and class 0 at (−2, −2) (bottom left); row 0 is the top.
    assert.ok(grid.values[19] > 0.9, `top right ${grid.values[19]}`);
    assert.ok(grid.values[20 * 19] < 0.1, `bottom left ${grid.values[380]}`);
    assert.deepEqual(
      epoch.neurons?.map((n) => [n.layer, n.unit]),
      [
        ['dense_1', 0],
        ['dense_1', 1],
        ['dense_1', 2],
        ['dense_1', 3],
      ],
    );
    const points = trainer.started.dataset.points!;
    assert.equal(points.length, 200);
    assert.equal(points.filter((p) => p.split === 'validation').length, 40);
  });

  it('gives the winning class and its confidence for multiclass data', () => {
    const spec = network(2, [dense(16, 'relu', {}, 'he_normal'), dense(3, 'softmax')], {
      task: { kind: 'multiclass', count: 3 },
      loss: { name: 'cce', params: {} },
      optimizer: { name: 'adam', params: { lr: 0.03 } },
    });
    const { events } = trainSync({
      runId: 'g',
      spec,
      data: { name: 'blobs', params: { points: 150 } },
      gridSize: 12,
      settings: { epochs: 20, batch: 16, validation: 0.2, seed: 1, normalize: true },
    });
    const grid = lastEpoch(events).boundary!;
    assert.deepEqual([...new Set(grid.values)].sort(), [0, 1, 2]);
    assert.ok(grid.confidence!.every((c) => c >= 1 / 3 - 1e-6 && c <= 1));
    assert.deepEqual(
      lastEpoch(events).neurons?.map((n) => n.unit),
      Array.from({ length: 16 }, (_, u) => u),
      'every unit of a 16-unit layer has a picture',
    );
  });

  it('gives pictures for every hidden layer of a wide network, bounded in count and size', () => {
    const spec = network(2, [dense(100, 'relu'), dense(40, 'tanh'), dense(3, 'relu'), dense(1, 'sigmoid')]);
    const { events } = trainSync({
      runId: 'w',
      spec,
      data: { name: 'gaussian', params: { points: 60, noise: 0 } },
      gridSize: 50,
      settings: { epochs: 2, batch: 16, validation: 0.2, seed: 1, normalize: true },
    });
    const neurons = lastEpoch(events).neurons!;
    assert.ok(neurons.length <= 64, `${neurons.length} pictures`);
    assert.ok(neurons.every((n) => n.width * n.height <= 400 && n.values.length === n.width * n.height));
    const units = (layer: string) => neurons.filter((n) => n.layer === layer).map((n) => n.unit);
    assert.deepEqual(units('dense_3'), [0, 1, 2], 'a narrow layer keeps all its units');
    // A wide layer keeps its first and last units (the view elides the middle).
    for (const [layer, width] of [
      ['dense_1', 100],
      ['dense_2', 40],
    ] as const) {
      const kept = units(layer);
      assert.ok(kept.length >= 8, `${layer} keeps ${kept.length}`);
      assert.equal(kept[0], 0);
      assert.equal(kept[kept.length - 1], width - 1);
    }
  });

  it('sends the weights of a small model with progress, and only their sizes for a large one', () => {
    const small = network(2, [dense(4, 'tanh'), dense(1, 'sigmoid')]);
    const run = trainSync({
      runId: 's',
      spec: small,
      data: { name: 'gaussian', params: { points: 60, noise: 0 } },
      gridSize: 10,
      settings: { epochs: 3, batch: 16, validation: 0.2, seed: 1, normalize: true },
    });
    const finished = run.events.find((e) => e.type === 'finished');
    assert.ok(finished?.type === 'finished' && finished.weights);
    const connections = lastEpoch(run.events).connections!;
    assert.deepEqual(
      connections.map((c) => [c.layer, c.sourceIndex, c.inWidth, c.units]),
      [
        ['dense_1', 0, 2, 4],
        ['dense_2', 1, 4, 1],
      ],
    );
    connections.forEach((c, i) => {
      assert.deepEqual(c.weights, finished.weights!.dense[i].W, 'the same weights the run ends with');
      assert.equal(c.maxAbs, Math.max(...c.weights!.map(Math.abs)));
    });

    const wide = network(2, [dense(100, 'relu'), dense(50, 'relu'), dense(1, 'sigmoid')]);
    const big = lastEpoch(
      trainSync({
        runId: 'b',
        spec: wide,
        data: { name: 'gaussian', params: { points: 60, noise: 0 } },
        gridSize: 10,
        settings: { epochs: 1, batch: 16, validation: 0.2, seed: 1, normalize: true },
      }).events,
    ).connections!;
    assert.equal(big.length, 3);
    assert.ok(big.every((c) => c.weights === undefined && c.maxAbs > 0 && c.meanAbs > 0 && c.meanAbs <= c.maxAbs));
  });
});
