/** The exponential linear units: elu and selu. */
import { numberParam, numberValue, positive } from '../params';
import { defineActivation } from './define';

/** SELU's constants (Klambauer et al., 2017): 1.67326324235437728… and 1.05070098735548049…, to double precision. */
export const SELU_ALPHA = 1.6732632423543772;
export const SELU_LAMBDA = 1.0507009873554805;

const eluAlpha = numberParam(
  'alpha',
  1.0,
  'How far below 0 the output can go (it approaches −α). Must be greater than 0.',
  positive('alpha', 'such as 1.0'),
);

export const elu = defineActivation({
  name: 'elu',
  params: [eluAlpha],
  shape: 'elementwise',
  bind(p) {
    const a = numberValue(p, eluAlpha);
    return {
      f: (x) => (x > 0 ? x : a * Math.expm1(x)),
      df: (x) => (x > 0 ? 1 : a * Math.exp(x)),
    };
  },
  // With α = 1 the slopes meet at 0 (f is C¹ there); any other α leaves a kink.
  kinks: (p) => (numberValue(p, eluAlpha) === 1 ? [] : [0]),
  family: 'relu',
  // Zero-centred only roughly (mean output 0.16 for N(0, 1) inputs): its negative side is bounded. Smooth
  // (C¹, not C²) with the default α = 1 only.
  properties: ['zeroCentered', 'monotonic', 'smooth'],
  formula: 'f(x) = x if x > 0, else α·(eˣ − 1)',
  derivative: 'f′(x) = 1 if x > 0, else α·eˣ',
  range: '(−α, ∞)',
  summary: 'Linear for positive inputs; for negative inputs it curves smoothly down towards −α.',
  goodFor: 'Hidden layers: negative outputs pull the mean activation towards 0 and no unit can die.',
  pitfalls: 'The exponential costs more than ReLU, and the negative side still saturates at −α.',
  reference: 'Clevert, Unterthiner & Hochreiter (2015).',
});

export const selu = defineActivation({
  name: 'selu',
  shape: 'elementwise',
  bind: () => ({
    f: (x) => SELU_LAMBDA * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)),
    df: (x) => (x > 0 ? SELU_LAMBDA : SELU_LAMBDA * SELU_ALPHA * Math.exp(x)),
  }),
  kinks: () => [0],
  family: 'selu',
  // Zero-centred only roughly: its negative side is bounded.
  properties: ['zeroCentered', 'selfNormalizing', 'monotonic'],
  formula: 'f(x) = λ·x if x > 0, else λ·α·(eˣ − 1), with α ≈ 1.6733 and λ ≈ 1.0507',
  derivative: 'f′(x) = λ if x > 0, else λ·α·eˣ',
  range: '(−λα, ∞), about (−1.758, ∞)',
  summary: 'A scaled ELU whose constants keep activations near mean 0 and variance 1 from layer to layer.',
  goodFor: 'Deep plain stacks of dense layers that should normalise themselves without batch normalisation.',
  pitfalls:
    'The self-normalising effect only holds with LeCun normal init, standardised inputs, and either no dropout ' +
    'or alpha-dropout; plain dropout or another init breaks it.',
  reference: 'Klambauer et al. (2017), “Self-Normalizing Neural Networks”.',
});
