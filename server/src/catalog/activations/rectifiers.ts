/** The piecewise-linear rectifiers: relu, relu6, leaky_relu, prelu and maxout. */
import { checks, intParam, numberParam, numberValue, positive, warnAtLeast } from '../params';
import { defineActivation } from './define';

/** x for x ≥ 0, a·x below: leaky_relu and prelu share it. */
function leaky(a: number) {
  return { f: (x: number) => (x >= 0 ? x : a * x), df: (x: number) => (x >= 0 ? 1 : a) };
}

/** A kink at 0 unless the slope below 0 equals the slope above it. */
const kinkUnlessSlopeOne = (a: number): number[] => (a === 1 ? [] : [0]);

export const relu = defineActivation({
  name: 'relu',
  shape: 'elementwise',
  // Written so that NaN falls through to the result instead of becoming 0.
  bind: () => ({ f: (x) => (x <= 0 ? 0 : x), df: (x) => (x > 0 ? 1 : 0) }),
  kinks: () => [0],
  family: 'relu',
  properties: ['canDie', 'monotonic'],
  formula: 'f(x) = max(0, x)',
  derivative: 'f′(x) = 1 if x > 0, 0 if x < 0 (taken as 0 at x = 0)',
  range: '[0, ∞)',
  summary: 'Passes positive inputs through unchanged and turns negative ones into 0.',
  goodFor:
    'The default for hidden layers: cheap, and its slope of 1 for positive inputs keeps gradients from fading. ' +
    'Krizhevsky et al. (2012) saw training converge about 6× faster than with tanh.',
  pitfalls:
    'A unit whose input stays negative outputs 0 with a 0 gradient and stops learning for good (“dying ReLU”). ' +
    'With too high a learning rate, as many as 40% of the units can die.',
  reference: 'Nair & Hinton (2010); popularised by Krizhevsky et al. (2012).',
});

export const relu6 = defineActivation({
  name: 'relu6',
  shape: 'elementwise',
  bind: () => ({
    f: (x) => (x <= 0 ? 0 : x >= 6 ? 6 : x),
    df: (x) => (x > 0 && x < 6 ? 1 : 0),
  }),
  kinks: () => [0, 6],
  family: 'relu',
  properties: ['canDie', 'monotonic'],
  formula: 'f(x) = min(max(0, x), 6)',
  derivative: 'f′(x) = 1 on (0, 6), else 0',
  range: '[0, 6]',
  summary: 'A ReLU capped at 6.',
  goodFor: 'Models run with low-precision arithmetic (such as mobile networks), where a bounded output helps.',
  pitfalls: 'It can die like ReLU, and it also has no gradient above 6.',
});

const leakyAlpha = numberParam(
  'alpha',
  0.01,
  'Slope for negative inputs, greater than 0 and usually well below 1 (0.01, 0.1 or 0.2).',
  checks(
    positive('alpha', 'such as 0.01; a slope of 0 is plain relu'),
    warnAtLeast(
      1,
      'alpha ≥ 1 makes the negative side at least as steep as the positive one; usual values are 0.01 to 0.2',
    ),
  ),
);

export const leakyRelu = defineActivation({
  name: 'leaky_relu',
  params: [leakyAlpha],
  shape: 'elementwise',
  bind: (p) => leaky(numberValue(p, leakyAlpha)),
  kinks: (p) => kinkUnlessSlopeOne(numberValue(p, leakyAlpha)),
  family: 'relu',
  // Not zero-centred although activations.md's table lists it: for N(0, 1) inputs its mean output (0.40) is
  // as far from 0 as relu's.
  properties: ['monotonic'],
  formula: 'f(x) = x if x ≥ 0, else α·x',
  derivative: 'f′(x) = 1 if x ≥ 0, else α',
  range: 'ℝ',
  summary: 'A ReLU with a small slope α for negative inputs instead of a flat 0.',
  goodFor:
    'Hidden layers where dead ReLU units are a problem. 0.01 is the usual slope (PyTorch’s default); 0.1 and 0.2 are common too.',
  pitfalls: 'α is fixed by hand; a slope near 1 makes the layer almost linear.',
  reference: 'Maas, Hannun & Ng (2013).',
});

const preluInit = numberParam('init', 0.25, 'Starting value of the learned negative slope of each unit. Any number.');

export const prelu = defineActivation({
  name: 'prelu',
  params: [preluInit],
  shape: 'elementwise',
  // The engine passes each unit's learned slope as `init`.
  bind: (p) => leaky(numberValue(p, preluInit)),
  kinks: (p) => kinkUnlessSlopeOne(numberValue(p, preluInit)),
  family: 'relu',
  // Not zero-centred (mean output 0.30 for N(0, 1) inputs at the initial slope), and not monotonic: the
  // learned slope may turn negative.
  properties: [],
  formula: 'f(x) = x if x ≥ 0, else aᵢ·x, with the slope aᵢ learned per unit',
  derivative: 'f′(x) = 1 if x ≥ 0, else aᵢ; ∂f/∂aᵢ = x for x < 0, else 0',
  range: 'ℝ',
  summary: 'A leaky ReLU whose negative slope each unit learns during training.',
  goodFor: 'Hidden layers where you would rather learn the leak than pick it; adds only one parameter per unit.',
  pitfalls: 'The extra freedom can overfit small data sets, and a learned slope may drift above 1 or below 0.',
  reference: 'He et al. (2015), who start every slope at 0.25.',
});

export const maxout = defineActivation({
  name: 'maxout',
  params: [intParam('pieces', 2, 'Number of affine pieces per unit, a whole number ≥ 2.', 2)],
  shape: 'maxout',
  // The engine applies f and f′ to the winning piece, so per piece they are the identity.
  bind: () => ({ f: (x) => x, df: () => 1 }),
  family: 'relu',
  // Not zero-centred (mean output 0.56 with 2 pieces for N(0, 1) inputs), and not monotonic: it is convex,
  // a max of affine pieces.
  properties: [],
  formula: 'f(x) = maxⱼ (wⱼᵀx + bⱼ) over k pieces per unit',
  derivative: '1 for the winning piece, 0 for the others',
  range: 'ℝ',
  summary: 'Each unit computes k linear pieces and outputs the largest, learning its own piecewise-linear shape.',
  goodFor: 'Hidden layers, especially with dropout; it contains ReLU and leaky ReLU as special cases.',
  pitfalls: 'A layer with k pieces has k times the weights and compute of a plain dense layer.',
  reference: 'Goodfellow et al. (2013).',
});
