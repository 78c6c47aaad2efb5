/** Every activation of activations.md, in the order of its table. */
import { hardSigmoid, linear, sigmoidActivation, softsign, step, tanhActivation } from './activations/classic';
import { elu, selu } from './activations/exponential';
import { leakyRelu, maxout, prelu, relu, relu6 } from './activations/rectifiers';
import { gelu, mish, softplus, swish } from './activations/smooth';
import { softmax } from './activations/softmax';
import type { ActivationDef } from './types';

export { SELU_ALPHA, SELU_LAMBDA } from './activations/exponential';

const ENTRIES = [
  step,
  linear,
  sigmoidActivation,
  tanhActivation,
  hardSigmoid,
  softsign,
  relu,
  relu6,
  leakyRelu,
  prelu,
  elu,
  selu,
  gelu,
  swish,
  mish,
  softplus,
  softmax,
  maxout,
] as const;

/**
 * The canonical name of a catalog activation. Tables that say something about every activation (an export
 * target, an engine kernel) are `Record<ActivationName, …>`, so a new entry without its row does not compile.
 */
export type ActivationName = (typeof ENTRIES)[number]['name'];

export const ACTIVATIONS: readonly ActivationDef[] = ENTRIES;
