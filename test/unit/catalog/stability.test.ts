/** No activation returns NaN or ±Infinity for finite inputs up to 1e4 in size. */
import * as assert from 'assert';
import { ACTIVATIONS } from '../../../server/src/catalog';
import { describeParams, paramSets } from './fixtures';

const EXTREMES = [
  1e4,
  -1e4,
  1e3,
  -1e3,
  710,
  -710,
  709,
  -709,
  355,
  -355,
  50,
  -50,
  20,
  -20,
  6,
  -6,
  1,
  -1,
  1e-8,
  -1e-8,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  0,
  -0,
];

describe('catalog: stable forms', () => {
  for (const def of ACTIVATIONS) {
    it(`${def.name}: f and f′ stay finite`, () => {
      for (const params of paramSets(def)) {
        const { f, df } = def.bind(params);
        for (const x of EXTREMES) {
          assert.ok(Number.isFinite(f(x)), `${def.name} (${describeParams(params)}) f(${x}) = ${f(x)}`);
          assert.ok(Number.isFinite(df(x)), `${def.name} (${describeParams(params)}) f′(${x}) = ${df(x)}`);
        }
      }
    });
  }

  it('the tails have the right limits', () => {
    const at = (name: string, x: number, params = {}) => {
      const def = ACTIVATIONS.find((d) => d.name === name)!;
      const b = def.bind(params);
      return [b.f(x), b.df(x)];
    };
    assert.deepStrictEqual(at('sigmoid', 1e4), [1, 0]);
    assert.deepStrictEqual(at('tanh', -1e4), [-1, 0]);
    assert.deepStrictEqual(at('softplus', 1e4), [1e4, 1]);
    assert.deepStrictEqual(at('mish', 1e4), [1e4, 1]);
    assert.deepStrictEqual(at('gelu', 1e4), [1e4, 1]);
    assert.deepStrictEqual(at('gelu', 1e4, { approximate: 'tanh' }), [1e4, 1]);
    assert.deepStrictEqual(at('swish', 1e4), [1e4, 1]);
    const [eluF] = at('elu', -1e4);
    assert.strictEqual(eluF, -1);
    for (const name of ['gelu', 'swish', 'mish']) {
      const [f, df] = at(name, -1e4);
      assert.ok(Math.abs(f) < 1e-300 && Math.abs(df) < 1e-300, `${name} at −1e4: ${f}, ${df}`);
    }
  });
});
