/** The smooth ReLU-like activations: gelu, swish, mish and softplus. */
import { normalCdf, normalPdf, sigmoid, softplus as softplusFn } from '../math';
import { numberParam, numberValue, positive } from '../params';
import type { BoundActivation } from '../types';
import { defineActivation } from './define';

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
/** The cubic coefficient of the tanh form of GELU (also used by the exports). */
export const GELU_CUBIC = 0.044715;

/** x·Φ(x) and its exact derivative Φ(x) + x·φ(x). Φ is computed through erfc, so the left tail stays precise. */
const geluExact: BoundActivation = {
  f: (x) => x * normalCdf(x),
  df: (x) => normalCdf(x) + x * normalPdf(x),
};

/**
 * ½x(1 + tanh u) with u = √(2/π)(x + 0.044715x³), written as x·σ(2u) (since ½(1 + tanh u) = σ(2u)) so that
 * nothing cancels in the left tail. Its exact derivative is σ(2u) + 2x·σ(2u)σ(−2u)·u′.
 */
const geluTanh: BoundActivation = {
  f(x) {
    const u = SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x);
    return x * sigmoid(2 * u);
  },
  df(x) {
    const u = SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x);
    const du = SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * x * x);
    const s = sigmoid(2 * u);
    return s + 2 * x * s * sigmoid(-2 * u) * du;
  },
};

export const gelu = defineActivation({
  name: 'gelu',
  params: [
    {
      name: 'approximate',
      type: 'enum',
      values: ['none', 'tanh'],
      default: 'none',
      doc: '`none` computes the exact x·Φ(x); `tanh` uses the faster tanh approximation.',
    },
  ],
  shape: 'elementwise',
  bind: (p) => (p.approximate === 'tanh' ? geluTanh : geluExact),
  family: 'relu',
  // Not monotonic: it dips below 0 before rising.
  properties: ['smooth'],
  formula: 'f(x) = x·Φ(x) = ½x·(1 + erf(x/√2)); approximate: tanh gives ½x·(1 + tanh(√(2/π)·(x + 0.044715x³)))',
  derivative: 'f′(x) = Φ(x) + x·φ(x) (exact form)',
  range: 'about [−0.17, ∞)',
  summary: 'Weights each input by the chance that a standard normal variable falls below it: x·Φ(x).',
  goodFor: 'Hidden layers of transformer-style models; it is the default in BERT-style networks.',
  pitfalls: 'Costs more than ReLU, and it is not monotonic: it dips slightly below 0 for negative inputs.',
  reference: 'Hendrycks & Gimpel (2016).',
});

const swishBeta = numberParam(
  'beta',
  1.0,
  'Sharpness of the gate σ(βx); greater than 0. With β = 1 this is SiLU.',
  positive('beta', 'such as 1.0'),
);

export const swish = defineActivation({
  name: 'swish',
  aliases: ['silu'],
  aliasParams: { silu: { beta: 1 } },
  params: [swishBeta],
  shape: 'elementwise',
  bind(p) {
    const b = numberValue(p, swishBeta);
    return {
      f: (x) => x * sigmoid(b * x),
      df(x) {
        const s = sigmoid(b * x);
        return s + b * x * s * sigmoid(-b * x);
      },
    };
  },
  family: 'relu',
  // Not monotonic: it dips below 0 before rising.
  properties: ['smooth'],
  formula: 'f(x) = x·σ(βx)',
  derivative: 'f′(x) = σ(βx) + βx·σ(βx)·(1 − σ(βx))',
  range: 'about [−0.28, ∞) for β = 1',
  summary: 'Self-gated: the input multiplied by its own sigmoid, x·σ(βx).',
  goodFor: 'Deeper hidden stacks, where it often edges out ReLU.',
  pitfalls: 'Costs an exponential per unit, and it is not monotonic (a small dip below 0 for negative inputs).',
  reference: 'Ramachandran, Zoph & Le (2017); with β = 1 it is the SiLU.',
});

export const mish = defineActivation({
  name: 'mish',
  shape: 'elementwise',
  bind: () => ({
    f: (x) => x * tanhOfSoftplus(x),
    df(x) {
      const t = tanhOfSoftplus(x);
      return t + x * sigmoid(x) * sechSquaredOfSoftplus(x);
    },
  }),
  family: 'relu',
  // Not monotonic: it dips below 0 before rising.
  properties: ['smooth'],
  formula: 'f(x) = x·tanh(softplus(x)) = x·tanh(ln(1 + eˣ))',
  derivative: 'f′(x) = tanh(s) + x·σ(x)·(1 − tanh²(s)), where s = softplus(x)',
  range: 'about [−0.31, ∞)',
  summary: 'A smooth, self-gated curve like swish: x·tanh(softplus(x)).',
  goodFor: 'Hidden layers of deeper models, as a drop-in for ReLU or swish.',
  pitfalls: 'The most expensive of the ReLU variants, and not monotonic.',
  reference: 'Misra (2019).',
});

/**
 * tanh(softplus(x)) = n/(n + 2) with n = eˣ(eˣ + 2). For x ≥ 0 the same ratio is rewritten with e = e⁻ˣ as
 * (1 + 2e)/(1 + 2e + 2e²) so that nothing overflows.
 */
function tanhOfSoftplus(x: number): number {
  if (x >= 0) {
    const e = Math.exp(-x);
    return (1 + 2 * e) / (1 + 2 * e + 2 * e * e);
  }
  const e = Math.exp(x);
  const n = e * (e + 2);
  return n / (n + 2);
}

/** 1 − tanh²(softplus(x)) = (1 − t)(1 + t), each factor written without cancellation. */
function sechSquaredOfSoftplus(x: number): number {
  if (x >= 0) {
    const e = Math.exp(-x);
    const d = 1 + 2 * e + 2 * e * e;
    return ((2 * e * e) / d) * ((2 + 4 * e + 2 * e * e) / d);
  }
  const e = Math.exp(x);
  const n = e * (e + 2);
  return (2 / (n + 2)) * ((2 * n + 2) / (n + 2));
}

export const softplus = defineActivation({
  name: 'softplus',
  shape: 'elementwise',
  bind: () => ({ f: softplusFn, df: sigmoid }),
  family: 'softplus',
  properties: ['monotonic', 'smooth'],
  formula: 'f(x) = ln(1 + eˣ)',
  derivative: 'f′(x) = σ(x)',
  range: '(0, ∞)',
  summary: 'A smooth version of ReLU whose slope is the sigmoid.',
  goodFor: 'Outputs that must be strictly positive, such as a scale or a rate.',
  pitfalls: 'Slower than ReLU, its outputs are never centred on 0, and its gradient fades for very negative inputs.',
  reference: 'Dugas et al. (2001).',
});
