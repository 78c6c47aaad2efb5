/** A layer after the output layer (layer-after-output): the engine and the spec builder refuse it. */
import { strict as assert } from 'node:assert';
import { analyze } from '../../../server/src/analysis';
import { Network } from '../../../server/src/train/engine/network';
import { specFromModel, untrainableReason } from '../../../server/src/train/fromModel';
import type { ActivationName } from '../../../server/src/catalog';
import type { LayerSpec } from '../../../server/src/model/spec';
import { dense, network } from './helpers';

const dropout = (rate: number): LayerSpec => ({ kind: 'dropout', name: '', sourceIndex: 0, rate });
const activation = (name: ActivationName): LayerSpec => ({
  kind: 'activation',
  name: '',
  sourceIndex: 0,
  activation: { name, params: {} },
});

describe('a layer after the output layer', () => {
  it('the engine refuses a spec with a dropout after the last dense layer', () => {
    const spec = network(2, [dense(8, 'relu'), dense(1, 'sigmoid'), dropout(0.5)]);
    assert.throws(
      () => new Network(spec, { capacity: 4, seed: 1 }),
      /'dropout_1' comes after the output layer 'dense_2'/,
    );
  });

  it('the engine refuses a dropout between the output layer and its activation layer', () => {
    const spec = network(2, [dense(8, 'relu'), dense(1), dropout(0.5), activation('sigmoid')]);
    assert.throws(() => new Network(spec, { capacity: 4, seed: 1 }), /'dropout_1' comes after the output layer/);
  });

  it('the engine accepts activation layers after the output layer and dropout between hidden layers', () => {
    const spec = network(2, [dense(8, 'relu'), dropout(0.5), dense(1), activation('sigmoid')]);
    const net = new Network(spec, { capacity: 4, seed: 1 });
    assert.equal(net.outputActivation, 'sigmoid');
  });

  it('a model with one is untrainable, even with a rate of 0 that the spec would drop', () => {
    for (const rate of ['0.5', '0']) {
      const model = analyze(
        `model m {\n  task binary\n  input 2\n  dense 8 relu\n  out: dense 1 sigmoid\n  dropout ${rate}\n}\n`,
      ).semantic.models[0];
      assert.match(untrainableReason(model) ?? '', /'dropout_1' comes after the output layer 'out'/);
      assert.throws(() => specFromModel(model), /comes after the output layer/);
    }
  });
});
