/**
 * A dense layer and the activation layer after it act as one layer (language.md §4), and an activation layer on
 * top of a non-linear one is judged by what the pair computes (double-activation).
 */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis';
import { findActivation, resolveParams } from '../../../server/src/catalog';
import { stackingEffect } from '../../../server/src/checks/rules/doubleActivation';
import type { ActivationUse } from '../../../server/src/model/types';

const codes = (text: string) => analyze(text).diagnostics.map((d) => `${d.severity} ${d.code}`);
const model = (body: string) =>
  `model m {\n${body
    .trim()
    .split('\n')
    .map((l) => `  ${l.trim()}`)
    .join('\n')}\n}\n`;

function use(name: string): ActivationUse {
  const def = findActivation(name)!;
  const span = { start: 0, end: 0 };
  return { def, written: name, params: resolveParams(def.params, {}), explicit: {}, span, nameSpan: span };
}

describe('a linear dense layer composed with the activation layer after it', () => {
  it('is judged by the activation: linear then sigmoid is a sigmoid hidden layer, not a linear one', () => {
    const found = codes(model('task binary\ninput 2\ndense 8 linear\nactivation sigmoid\ndense 1 sigmoid'));
    assert.deepEqual(found, ['warning sigmoid-hidden']);
  });

  it('counts for the output layer too: linear then softmax is a softmax output', () => {
    assert.deepEqual(
      codes(model('task multiclass(3)\ninput 4\ndense 8 relu\ndense 3 identity\nactivation softmax')),
      [],
    );
  });

  it('gets the init that suits the activation, as if it were written on the layer', () => {
    const layers = analyze(model('task binary\ninput 2\ndense 8 linear\nactivation relu\ndense 1 sigmoid')).semantic
      .models[0].dense;
    assert.equal(layers[0].init.name, 'he_normal');
    assert.equal(layers[0].activation?.def.name, 'relu');
  });
});

describe('what a second activation does to the first one', () => {
  it("leaves it unchanged when the second is the identity on the first one's range", () => {
    for (const [first, second] of [
      ['relu', 'relu'],
      ['sigmoid', 'relu'],
      ['relu', 'leaky_relu'],
      ['relu6', 'relu'],
      ['tanh', 'linear'],
    ]) {
      assert.deepEqual(stackingEffect(use(first), use(second)), { kind: 'redundant' }, `${second} after ${first}`);
    }
  });

  it('makes the first one pointless when the pair equals the second (relu6 after relu is relu6)', () => {
    assert.deepEqual(stackingEffect(use('relu'), use('relu6')), { kind: 'absorbs' });
  });

  it('squashes the range: sigmoid after sigmoid lies between σ(0) and σ(1)', () => {
    const effect = stackingEffect(use('sigmoid'), use('sigmoid'));
    assert.equal(effect.kind, 'squashes');
    if (effect.kind !== 'squashes') return;
    assert.ok(
      Math.abs(effect.low - 0.5) < 1e-6 && Math.abs(effect.high - 1 / (1 + Math.exp(-1))) < 1e-6,
      `${effect.low}..${effect.high}`,
    );
  });

  it('squashes an unbounded range to a bounded one (tanh after relu lies in [0, 1))', () => {
    const effect = stackingEffect(use('relu'), use('tanh'));
    assert.equal(effect.kind, 'squashes');
    if (effect.kind === 'squashes') assert.deepEqual([effect.low, Math.round(effect.high * 1e6) / 1e6], [0, 1]);
  });

  it("otherwise bends the output again (selu after tanh reaches beyond tanh's range)", () => {
    assert.deepEqual(stackingEffect(use('tanh'), use('selu')), { kind: 'bends' });
  });
});
