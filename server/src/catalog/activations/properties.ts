/**
 * The property table of activations.md, one row per property, plus `monotonic` and `smooth`.
 * Each activation's `properties` object is read from here, so the table lives in one place.
 */
import type { ActivationProperties } from '../types';

export const PROPERTY_TABLE: Readonly<Record<keyof ActivationProperties, readonly string[]>> = {
  saturating: ['sigmoid', 'tanh', 'hard_sigmoid', 'softsign', 'step'],
  // elu and selu are only roughly zero-centered: their negative side is bounded.
  zeroCentered: ['tanh', 'softsign', 'linear', 'leaky_relu', 'prelu', 'elu', 'selu', 'maxout'],
  canDie: ['relu', 'relu6', 'step'],
  reluFamily: ['relu', 'relu6', 'leaky_relu', 'prelu', 'elu', 'gelu', 'swish', 'mish', 'maxout'],
  selfNormalizing: ['selu'],
  outputOnly: ['softmax'],
  notTrainable: ['step'],
  // Non-decreasing in the input. gelu, swish and mish dip below zero before rising; prelu's learned slope
  // may turn negative; maxout is convex (a max of affine pieces), not monotonic. Softmax output i rises
  // with its own logit.
  monotonic: [
    'step', 'linear', 'sigmoid', 'tanh', 'hard_sigmoid', 'softsign', 'relu', 'relu6', 'leaky_relu',
    'elu', 'selu', 'softplus', 'softmax',
  ],
  // Continuously differentiable everywhere, with default parameters. softsign and elu (α = 1) are C¹ but
  // not C²; elu with another α, and every piecewise-linear function, has a kink.
  smooth: ['linear', 'sigmoid', 'tanh', 'softsign', 'elu', 'gelu', 'swish', 'mish', 'softplus', 'softmax'],
};

/** The properties of the activation called `name` (canonical name). */
export function propertiesOf(name: string): ActivationProperties {
  const has = (key: keyof ActivationProperties): boolean => PROPERTY_TABLE[key].includes(name);
  return {
    saturating: has('saturating'),
    zeroCentered: has('zeroCentered'),
    canDie: has('canDie'),
    reluFamily: has('reluFamily'),
    selfNormalizing: has('selfNormalizing'),
    outputOnly: has('outputOnly'),
    notTrainable: has('notTrainable'),
    monotonic: has('monotonic'),
    smooth: has('smooth'),
  };
}
