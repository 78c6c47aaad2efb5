/** The engine learns what it should, within bounded epochs and fixed seeds. */
import { strict as assert } from 'node:assert';
import type { DatasetRequest, NetworkSpec, TrainSettings } from '../../../server/src/model/spec';
import { trainSync } from '../../../server/src/train/trainer';
import { dense, network } from './helpers';

function train(spec: NetworkSpec, data: DatasetRequest, settings: Partial<TrainSettings>) {
  return trainSync({
    runId: 't',
    spec,
    data,
    settings: { epochs: 100, batch: 32, validation: 0.2, seed: 1, normalize: true, ...settings },
  }).finished;
}

const adam = (lr: number) => ({ optimizer: { name: 'adam' as const, params: { lr } } });
const multiclass = (k: number) => ({
  task: { kind: 'multiclass' as const, count: k },
  loss: { name: 'cce', params: {} },
});

describe('learning', function () {
  this.timeout(20000);

  it('XOR reaches 100% training accuracy', () => {
    const spec = network(2, [dense(8, 'tanh'), dense(1, 'sigmoid')], adam(0.03));
    const result = train(spec, { name: 'xor', params: { points: 200, noise: 0 } }, { epochs: 60, validation: 0 });
    assert.equal(result.final.trainMetric, 1);
  });

  it('circle reaches 100% training accuracy', () => {
    const spec = network(2, [dense(8, 'relu', {}, 'he_normal'), dense(1, 'sigmoid')], adam(0.03));
    const result = train(spec, { name: 'circle', params: { points: 200, noise: 0 } }, { epochs: 60, validation: 0 });
    assert.equal(result.final.trainMetric, 1);
  });

  it('spiral reaches ≥ 95% validation accuracy with relu', () => {
    const spec = network(
      2,
      [dense(16, 'relu', {}, 'he_normal'), dense(16, 'relu', {}, 'he_normal'), dense(1, 'sigmoid')],
      adam(0.01),
    );
    const result = train(spec, { name: 'spiral', params: { points: 400, noise: 0.1 } }, { epochs: 200, seed: 7 });
    assert.ok(result.final.valMetric >= 0.95, `validation accuracy ${result.final.valMetric}`);
  });

  it('iris reaches ≥ 93% validation accuracy', () => {
    const spec = network(4, [dense(16, 'relu', {}, 'he_normal'), dense(3, 'softmax')], {
      ...multiclass(3),
      ...adam(0.01),
    });
    const result = train(spec, { name: 'iris', params: {} }, { epochs: 60, batch: 16 });
    assert.ok(result.final.valMetric >= 0.93, `validation accuracy ${result.final.valMetric}`);
    assert.equal(result.confusion?.length, 3);
  });

  it('digits reaches ≥ 93% validation accuracy', () => {
    const spec = network(64, [dense(32, 'relu', {}, 'he_normal'), dense(10, 'softmax')], {
      ...multiclass(10),
      ...adam(0.003),
    });
    const result = train(spec, { name: 'digits', params: {} }, { epochs: 8 });
    assert.ok(result.final.valMetric >= 0.93, `validation accuracy ${result.final.valMetric}`);
  });

  it('blobs(classes: 4) with softmax and regression on sine both learn', () => {
    const blobs = train(
      network(2, [dense(8, 'relu', {}, 'he_normal'), dense(4, 'softmax')], { ...multiclass(4), ...adam(0.03) }),
      { name: 'blobs', params: { classes: 4, points: 200 } },
      { epochs: 30 },
    );
    assert.ok(blobs.final.valMetric >= 0.9, `blobs validation accuracy ${blobs.final.valMetric}`);
    const sine = train(
      network(2, [dense(16, 'tanh'), dense(16, 'tanh'), dense(1)], {
        task: { kind: 'regression' },
        loss: { name: 'mse', params: {} },
        ...adam(0.01),
      }),
      { name: 'sine', params: { points: 300, noise: 0 } },
      { epochs: 150 },
    );
    assert.equal(sine.final.metricName, 'mae');
    assert.ok(sine.final.valMetric < 0.2, `sine validation MAE ${sine.final.valMetric}`);
  });

  it('sgd with momentum, rmsprop, l2, dropout, maxout and prelu all train', () => {
    const cases: Array<[string, NetworkSpec]> = [
      [
        'sgd+momentum',
        network(2, [dense(8, 'relu', {}, 'he_normal'), dense(1, 'sigmoid')], {
          optimizer: { name: 'sgd', params: { lr: 0.1, momentum: 0.9 } },
        }),
      ],
      [
        'rmsprop+l2',
        network(2, [dense(8, 'tanh'), dense(1, 'sigmoid')], {
          optimizer: { name: 'rmsprop', params: { lr: 0.01 } },
          regularize: { kind: 'l2', amount: 1e-4 },
        }),
      ],
      [
        'dropout',
        network(
          2,
          [
            dense(16, 'relu', {}, 'he_normal'),
            { kind: 'dropout', name: '', sourceIndex: 0, rate: 0.2 },
            dense(1, 'sigmoid'),
          ],
          adam(0.02),
        ),
      ],
      ['maxout', network(2, [dense(6, 'maxout', { pieces: 3 }, 'he_normal'), dense(1, 'sigmoid')], adam(0.02))],
      [
        'prelu+l1',
        network(2, [dense(8, 'prelu', { init: 0.25 }, 'he_normal'), dense(1, 'sigmoid')], {
          ...adam(0.02),
          regularize: { kind: 'l1', amount: 1e-5 },
        }),
      ],
    ];
    for (const [label, spec] of cases) {
      const result = train(spec, { name: 'circle', params: { points: 200, noise: 0 } }, { epochs: 60 });
      assert.ok(result.final.valMetric >= 0.95, `${label}: validation accuracy ${result.final.valMetric}`);
    }
  });
});
