/** Known values of the activations. */
import * as assert from 'assert';
import { findActivation, SELU_ALPHA, SELU_LAMBDA, type ParamValues } from '../../../server/src/catalog';
import { sigmoid } from '../../../server/src/catalog/math';
import { samplePoints } from './fixtures';

function bound(name: string, params: ParamValues = {}) {
  const def = findActivation(name);
  assert.ok(def, `no activation ${name}`);
  return def.bind(params);
}

const close = (actual: number, expected: number, tol: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual}, expected ${expected}`);

describe('catalog: known activation values', () => {
  it('sigmoid(0) = 0.5 and σ′(0) = 0.25 is the largest slope', () => {
    const s = bound('sigmoid');
    assert.strictEqual(s.f(0), 0.5);
    assert.strictEqual(s.df(0), 0.25);
    for (const x of samplePoints()) assert.ok(s.df(x) <= 0.25, `σ′(${x}) = ${s.df(x)}`);
  });

  it('tanh(x) = 2σ(2x) − 1, with slope 1 at 0', () => {
    const t = bound('tanh');
    for (const x of samplePoints()) close(t.f(x), 2 * sigmoid(2 * x) - 1, 1e-15, `tanh(${x})`);
    assert.strictEqual(t.df(0), 1);
  });

  it('selu uses the exact constants', () => {
    // The paper's 1.6732632423543772848170429916717 and 1.0507009873554804934193349852946, as doubles.
    assert.strictEqual(SELU_ALPHA, 1.6732632423543772);
    assert.strictEqual(SELU_LAMBDA, 1.0507009873554805);
    const s = bound('selu');
    assert.strictEqual(s.f(1), SELU_LAMBDA);
    assert.strictEqual(s.df(2), SELU_LAMBDA);
    close(s.f(-50), -SELU_LAMBDA * SELU_ALPHA, 1e-15, 'selu(−50)');
    close(s.df(-1e-12), SELU_LAMBDA * SELU_ALPHA, 1e-11, 'selu′(0⁻)');
  });

  it('gelu and its tanh approximation', () => {
    close(bound('gelu').f(1), 0.8413447460685429, 1e-15, 'gelu(1)');
    close(bound('gelu').f(1), 0.8413447, 1e-7, 'gelu(1)');
    close(bound('gelu', { approximate: 'tanh' }).f(1), 0.8411919906082768, 1e-15, 'gelu_tanh(1)');
    const exact = bound('gelu');
    const approx = bound('gelu', { approximate: 'tanh' });
    for (const x of samplePoints()) close(approx.f(x), exact.f(x), 1e-3, `gelu forms at ${x}`);
    close(exact.df(0), 0.5, 0, 'gelu′(0)');
  });

  it('the other smooth rectifiers', () => {
    close(bound('swish').f(1), 0.7310585786300049, 1e-16, 'swish(1)');
    close(bound('silu').f(1), 0.7310585786300049, 1e-16, 'silu(1)');
    close(bound('swish', { beta: 2 }).f(1), sigmoid(2), 1e-16, 'swish(β=2)(1)');
    close(bound('mish').f(1), 0.8650983882673103, 1e-15, 'mish(1)');
    close(bound('softplus').f(0), Math.LN2, 1e-16, 'softplus(0)');
    close(bound('softplus').df(0), 0.5, 0, 'softplus′(0)');
  });

  it('the piecewise functions', () => {
    assert.strictEqual(bound('relu').f(-3), 0);
    assert.strictEqual(bound('relu').df(0), 0);
    assert.strictEqual(bound('relu6').f(7), 6);
    assert.strictEqual(bound('relu6').df(7), 0);
    assert.strictEqual(bound('leaky_relu').f(-2), -0.02);
    assert.strictEqual(bound('leaky_relu', { alpha: 0.2 }).df(-2), 0.2);
    assert.strictEqual(bound('prelu').f(-4), -1);
    assert.strictEqual(bound('prelu', { init: 0.1 }).df(-1), 0.1);
    close(bound('elu').f(-1), -0.6321205588285577, 1e-16, 'elu(−1)');
    close(bound('elu', { alpha: 2 }).f(-1), -1.2642411176571153, 1e-15, 'elu(α=2)(−1)');
    assert.strictEqual(bound('hard_sigmoid').f(0), 0.5);
    assert.strictEqual(bound('hard_sigmoid').f(3), 1);
    assert.strictEqual(bound('hard_sigmoid').f(-4), 0);
    assert.strictEqual(bound('softsign').f(1), 0.5);
    assert.strictEqual(bound('softsign').df(-1), 0.25);
    assert.strictEqual(bound('linear').f(-7.5), -7.5);
    assert.strictEqual(bound('maxout').f(3.5), 3.5);
    assert.strictEqual(bound('maxout').df(3.5), 1);
  });

  it('step switches at its threshold and has no gradient', () => {
    const s = bound('step', { threshold: 0.5 });
    assert.strictEqual(s.f(0.5), 1);
    assert.strictEqual(s.f(0.49), 0);
    assert.strictEqual(s.df(0.7), 0);
    assert.strictEqual(bound('binary_step').f(0), 1);
    assert.strictEqual(bound('binary_step').f(-1e-9), 0);
  });

  it('kinks follow the parameters', () => {
    const kinks = (name: string, params: ParamValues = {}) => findActivation(name)!.kinks(params);
    assert.deepStrictEqual(kinks('relu'), [0]);
    assert.deepStrictEqual(kinks('relu6'), [0, 6]);
    assert.deepStrictEqual(kinks('hard_sigmoid'), [-3, 3]);
    assert.deepStrictEqual(kinks('step', { threshold: 2 }), [2]);
    assert.deepStrictEqual(kinks('elu'), []);
    assert.deepStrictEqual(kinks('elu', { alpha: 0.5 }), [0]);
    assert.deepStrictEqual(kinks('leaky_relu', { alpha: 1 }), []);
    assert.deepStrictEqual(kinks('gelu'), []);
  });

  it('softmax binds its diagonal: one unit against a zero logit', () => {
    const s = bound('softmax');
    close(s.f(0.8), sigmoid(0.8), 0, 'softmax scalar form');
    close(s.df(0.8), sigmoid(0.8) * (1 - sigmoid(0.8)), 1e-16, 'sᵢ(1 − sᵢ)');
  });
});
