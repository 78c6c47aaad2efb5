/** Where a layer's activation is written: the one answer the checks' fixes and the panel's buttons share. */
import { strict as assert } from 'node:assert';
import { analyze } from '../../../server/src/analysis';
import { activationTarget, setActivation } from '../../../server/src/model/activationTarget';
import { applyEdits } from '../../../server/src/syntax/textEdit';

/** The text after writing `name` as the activation of each named layer of the file's first model. */
function withActivation(text: string, layers: string[], name: string): string {
  const model = analyze(text).semantic.models[0];
  const edits = layers.map((layerName) => {
    const target = activationTarget(model.layers.find((l) => l.name === layerName)!);
    assert.ok(target, `layer ${layerName} has a target`);
    return setActivation(target, name);
  });
  return applyEdits(text, edits);
}

const model = (body: string) => `model m {\n  input 2\n${body}  dense 1 sigmoid\n}\n`;

describe('activation target', () => {
  it('replaces an activation written on the dense line', () => {
    assert.equal(withActivation(model('  dense 8 relu\n'), ['dense_1'], 'tanh'), model('  dense 8 tanh\n'));
    assert.equal(
      withActivation(model('  dense 8 leaky_relu(alpha: 0.2) init he_normal\n'), ['dense_1'], 'elu'),
      model('  dense 8 elu init he_normal\n'),
    );
  });

  it('inserts one after the unit count of a layer written without one', () => {
    assert.equal(withActivation(model('  dense 8\n'), ['dense_1'], 'tanh'), model('  dense 8 tanh\n'));
    assert.equal(
      withActivation(model('  dense 8 init he_normal\n'), ['dense_1'], 'relu'),
      model('  dense 8 relu init he_normal\n'),
    );
  });

  it('changes the activation line of a `dense 8 linear` + `activation relu` pair, which is one layer', () => {
    assert.equal(
      withActivation(model('  dense 8 linear\n  activation relu\n'), ['dense_1'], 'tanh'),
      model('  dense 8 linear\n  activation tanh\n'),
    );
    assert.equal(
      withActivation(model('  dense 8\n  activation relu\n'), ['dense_1'], 'tanh'),
      model('  dense 8\n  activation tanh\n'),
    );
    assert.equal(
      withActivation(model('  dense 8 linear\n  activation relu\n'), ['activation_1'], 'tanh'),
      model('  dense 8 linear\n  activation tanh\n'),
    );
  });

  it('leaves an activation after a layer that has its own where it is: each is changed on its own line', () => {
    const text = model('  dense 8 tanh\n  activation relu\n');
    assert.equal(withActivation(text, ['dense_1'], 'elu'), model('  dense 8 elu\n  activation relu\n'));
    assert.equal(withActivation(text, ['activation_1'], 'elu'), model('  dense 8 tanh\n  activation elu\n'));
  });

  it('replaces a misspelt activation rather than adding a second one', () => {
    assert.equal(withActivation(model('  dense 8 rleu\n'), ['dense_1'], 'relu'), model('  dense 8 relu\n'));
    assert.equal(
      withActivation(model('  dense 8\n  activation rleu\n'), ['activation_1'], 'relu'),
      model('  dense 8\n  activation relu\n'),
    );
  });

  it('has none for a dropout layer or an activation line without a name', () => {
    const layers = analyze(model('  dense 8 relu\n  dropout 0.2\n  activation\n')).semantic.models[0].layers;
    assert.equal(activationTarget(layers[1]), undefined);
    assert.equal(activationTarget(layers[2]), undefined);
  });
});
