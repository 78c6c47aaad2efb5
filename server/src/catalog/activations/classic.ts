/** The classic activations: step, linear, and the S-shaped sigmoid, tanh, hard_sigmoid and softsign. */
import { sigmoid } from '../math';
import { numberParam, numberValue } from '../params';
import { defineActivation } from './define';

const threshold = numberParam('threshold', 0, 'The input at which the output switches from 0 to 1. Any number.');

export const step = defineActivation({
  name: 'step',
  aliases: ['binary_step'],
  params: [threshold],
  shape: 'elementwise',
  bind(p) {
    const t = numberValue(p, threshold);
    // NaN is neither above nor below the threshold, and stays NaN.
    return { f: (x) => (x >= t ? 1 : x < t ? 0 : NaN), df: () => 0 };
  },
  kinks: (p) => [numberValue(p, threshold)],
  family: 'step',
  properties: ['saturating', 'canDie', 'notTrainable', 'monotonic'],
  formula: 'f(x) = 1 if x ≥ t, else 0',
  derivative: 'f′(x) = 0 everywhere (undefined at x = t)',
  range: '{0, 1}',
  summary: 'An on/off switch: 1 once the input reaches the threshold t, 0 below it.',
  goodFor: 'Explaining perceptrons and wiring logic gates by hand; not for networks trained by gradient descent.',
  pitfalls:
    'Its slope is 0 wherever it exists, so backpropagation receives no signal at all and the layers before it never learn.',
  reference: 'The threshold unit of McCulloch & Pitts (1943), used in Rosenblatt’s perceptron (1958).',
});

export const linear = defineActivation({
  name: 'linear',
  aliases: ['identity', 'none'],
  shape: 'elementwise',
  bind: () => ({ f: (x) => x, df: () => 1 }),
  family: 'linear',
  properties: ['zeroCentered', 'monotonic', 'smooth'],
  formula: 'f(x) = x',
  derivative: 'f′(x) = 1',
  range: 'ℝ',
  summary: 'Leaves the value unchanged.',
  goodFor: 'The output layer of a regression model, where targets can be any real number.',
  pitfalls:
    'Linear layers stacked on each other collapse into one (M = M₁M₂⋯Mₙ), so hidden layers without a nonlinearity add no power.',
});

export const sigmoidActivation = defineActivation({
  name: 'sigmoid',
  aliases: ['logistic'],
  shape: 'elementwise',
  bind: () => ({
    f: sigmoid,
    df(x) {
      return sigmoid(x) * sigmoid(-x);
    },
    dfFromOutput: (y) => y * (1 - y),
  }),
  family: 'sigmoid',
  properties: ['saturating', 'monotonic', 'smooth'],
  formula: 'f(x) = σ(x) = 1 / (1 + e⁻ˣ)',
  derivative: 'f′(x) = σ(x)·(1 − σ(x)), at most 0.25 (at x = 0)',
  range: '(0, 1)',
  summary: 'Squashes any input into (0, 1), so the output reads as a probability.',
  goodFor: 'The output of a binary classifier (one unit) or a multi-label classifier (one unit per independent label).',
  pitfalls:
    'Its slope never exceeds 0.25, so through L sigmoid layers the product of the activation slopes is at most 0.25ᴸ: ' +
    'from the slopes alone the gradient loses a factor of at least 4ᴸ, and only weights large enough to amplify it ' +
    'could make up for that (vanishing gradients). ' +
    'Its outputs are all positive, not centred on 0, which makes weight updates zig-zag. Avoid it in hidden layers.',
});

export const tanhActivation = defineActivation({
  name: 'tanh',
  shape: 'elementwise',
  bind: () => ({
    f: Math.tanh,
    // 1 − tanh²(x) = 4σ(2x)σ(−2x), which keeps full relative precision in the tails.
    df(x) {
      return 4 * sigmoid(2 * x) * sigmoid(-2 * x);
    },
    dfFromOutput: (y) => 1 - y * y,
  }),
  family: 'tanh',
  properties: ['saturating', 'zeroCentered', 'monotonic', 'smooth'],
  formula: 'f(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ) = 2σ(2x) − 1',
  derivative: 'f′(x) = 1 − tanh²(x), at most 1 (at x = 0)',
  range: '(−1, 1)',
  summary: 'A sigmoid stretched and shifted to (−1, 1): tanh(x) = 2σ(2x) − 1.',
  goodFor: 'Hidden layers of small or recurrent networks where outputs centred on 0 help.',
  pitfalls:
    'It is centred on 0, unlike sigmoid, but still flattens out for large |x|, so deep stacks still suffer vanishing gradients.',
});

export const hardSigmoid = defineActivation({
  name: 'hard_sigmoid',
  shape: 'elementwise',
  bind: () => ({
    f(x) {
      const y = x / 6 + 0.5;
      return y <= 0 ? 0 : y >= 1 ? 1 : y;
    },
    df: (x) => (x > -3 && x < 3 ? 1 / 6 : 0),
  }),
  kinks: () => [-3, 3],
  family: 'sigmoid',
  properties: ['saturating', 'monotonic'],
  formula: 'f(x) = clip(x/6 + 1/2, 0, 1)',
  derivative: 'f′(x) = 1/6 on (−3, 3), else 0',
  range: '[0, 1]',
  summary: 'A piecewise-linear stand-in for sigmoid: a straight ramp from 0 at x = −3 to 1 at x = 3.',
  goodFor: 'Gates in small or low-precision models where exponentials cost too much.',
  pitfalls: 'Outside (−3, 3) its slope is exactly 0, so saturated units get no gradient at all.',
});

export const softsign = defineActivation({
  name: 'softsign',
  shape: 'elementwise',
  bind: () => ({
    f: (x) => x / (1 + Math.abs(x)),
    df(x) {
      const d = 1 + Math.abs(x);
      return 1 / (d * d);
    },
  }),
  family: 'tanh',
  // Smooth means C¹ here: its second derivative jumps at 0.
  properties: ['saturating', 'zeroCentered', 'monotonic', 'smooth'],
  formula: 'f(x) = x / (1 + |x|)',
  derivative: 'f′(x) = 1 / (1 + |x|)²',
  range: '(−1, 1)',
  summary: 'A tanh-like curve that approaches ±1 polynomially instead of exponentially.',
  goodFor: 'Hidden layers where tanh saturates too quickly.',
  pitfalls: 'It still saturates, only more slowly; the gradient decays like 1/x² for large inputs.',
  reference: 'Compared with tanh by Glorot & Bengio (2010).',
});
