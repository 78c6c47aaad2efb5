import { strict as assert } from 'node:assert';
import { predict } from '../../../server/src/train/predict';
import type { NetworkWeights } from '../../../server/src/model/spec';
import { dense, network } from './helpers';

describe('predict', () => {
  it('applies normalization, the dense layers and the output activation', () => {
    const spec = network(2, [dense(2, 'relu'), dense(1, 'sigmoid')]);
    const weights: NetworkWeights = {
      modelName: 'test',
      dense: [
        { name: 'dense_1', inWidth: 2, units: 2, pieces: 1, W: [1, 0, 0, -1], b: [0, 0.5] },
        { name: 'dense_2', inWidth: 2, units: 1, pieces: 1, W: [2, 1], b: [-1] },
      ],
      normalization: { mean: [1, 1], std: [2, 2] },
    };
    const [row] = predict(spec, weights, [[3, -1]]);
    // normalized (1, -1) → relu(1, 1.5) → 2 + 1.5 − 1 = 2.5 → σ(2.5)
    assert.ok(Math.abs(row[0] - 1 / (1 + Math.exp(-2.5))) < 1e-6);
  });

  it('returns softmax probabilities and handles more rows than one chunk', () => {
    const spec = network(1, [dense(3, 'softmax')], {
      task: { kind: 'multiclass', count: 3 },
      loss: { name: 'cce', params: {} },
    });
    const weights: NetworkWeights = {
      modelName: 'test',
      dense: [{ name: 'dense_1', inWidth: 1, units: 3, pieces: 1, W: [1, 0, -1], b: [0, 0, 0] }],
    };
    const inputs = Array.from({ length: 600 }, (_, i) => [i / 100]);
    const out = predict(spec, weights, inputs);
    assert.equal(out.length, 600);
    for (const row of out) assert.ok(Math.abs(row[0] + row[1] + row[2] - 1) < 1e-5);
    assert.ok(out[599][0] > out[599][2]);
  });

  it('uses the learned slopes of a standalone PReLU layer, and its init slope when the weights hold none', () => {
    const prelu = {
      kind: 'activation' as const,
      name: 'act',
      sourceIndex: 1,
      activation: { name: 'prelu' as const, params: { init: 0.25 } },
    };
    const spec = network(2, [dense(2), prelu, dense(1)], {
      task: { kind: 'regression' },
      loss: { name: 'mse', params: {} },
    });
    const weights: NetworkWeights = {
      modelName: 'test',
      dense: [
        { name: 'dense_1', inWidth: 2, units: 2, pieces: 1, W: [1, 0, 0, 1], b: [0, 0] },
        { name: 'dense_2', inWidth: 2, units: 1, pieces: 1, W: [1, 1], b: [0] },
      ],
      activationSlopes: [{ name: 'act', slopes: [0.5, -2] }],
    };
    // (−1, −1) → prelu with slopes (0.5, −2) → (−0.5, 2) → 1.5; with the init slope 0.25 → −0.5.
    assert.ok(Math.abs(predict(spec, weights, [[-1, -1]])[0][0] - 1.5) < 1e-6);
    const { activationSlopes: _ignored, ...old } = weights;
    assert.ok(Math.abs(predict(spec, old, [[-1, -1]])[0][0] + 0.5) < 1e-6);
    assert.throws(
      () => predict(spec, { ...weights, activationSlopes: [{ name: 'act', slopes: [1] }] }, [[0, 0]]),
      /slopes of activation layer 'act' do not fit/,
    );
  });

  it('rejects rows of the wrong width', () => {
    const spec = network(2, [dense(1, 'sigmoid')]);
    const weights: NetworkWeights = {
      modelName: 'test',
      dense: [{ name: 'd', inWidth: 2, units: 1, pieces: 1, W: [1, 1], b: [0] }],
    };
    assert.throws(() => predict(spec, weights, [[1]]), /expects 2/);
  });
});
