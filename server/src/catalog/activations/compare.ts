/**
 * Which activations the training panel's compare view offers for the hidden layers, and which it ticks before
 * the user chooses. One row per activation, so a new activation needs a decision here too.
 */
import type { ActivationName } from '../types';

export type CompareOffer = 'ticked' | 'offered' | 'not offered';

/** In the order the compare view lists them. */
export const COMPARE_OFFERS: Readonly<Record<ActivationName, CompareOffer>> = {
  relu: 'ticked',
  leaky_relu: 'ticked',
  elu: 'offered',
  gelu: 'offered',
  swish: 'offered',
  mish: 'offered',
  selu: 'offered',
  tanh: 'ticked',
  sigmoid: 'ticked',
  softsign: 'offered',
  // Not worth a hidden-layer comparison: no gradient (step), no nonlinearity (linear), output-only (softmax),
  // needs weights of its own (maxout), or close to one already offered (hard_sigmoid, relu6, prelu, softplus).
  step: 'not offered',
  linear: 'not offered',
  hard_sigmoid: 'not offered',
  relu6: 'not offered',
  prelu: 'not offered',
  softplus: 'not offered',
  softmax: 'not offered',
  maxout: 'not offered',
};

const names = Object.keys(COMPARE_OFFERS) as ActivationName[];
/** The activations the compare view offers, in its order. */
export const COMPARE_CHOICES: readonly ActivationName[] = names.filter(
  (name) => COMPARE_OFFERS[name] !== 'not offered',
);
/** The ones it ticks before the user chooses. */
export const COMPARE_DEFAULTS: readonly ActivationName[] = names.filter((name) => COMPARE_OFFERS[name] === 'ticked');
