/** Every activation of activations.md, in the order of its table. */
import { hardSigmoid, linear, sigmoidActivation, softsign, step, tanhActivation } from './activations/classic';
import { elu, selu } from './activations/exponential';
import { leakyRelu, maxout, prelu, relu, relu6 } from './activations/rectifiers';
import { gelu, mish, softplus, swish } from './activations/smooth';
import { softmax } from './activations/softmax';
import type { ActivationDef } from './types';

export { SELU_ALPHA, SELU_LAMBDA } from './activations/exponential';
export { PROPERTY_TABLE } from './activations/properties';

export const ACTIVATIONS: readonly ActivationDef[] = [
  step, linear, sigmoidActivation, tanhActivation, hardSigmoid, softsign,
  relu, relu6, leakyRelu, prelu, elu, selu, gelu, swish, mish, softplus, softmax, maxout,
];
