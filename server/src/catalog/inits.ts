/** Weight initialisations. `scale` is the standard deviation of a normal init or the limit of a uniform one. */
import type { InitDef } from './types';

export const INITS: readonly InitDef[] = [
  {
    name: 'he_normal',
    aliases: ['he'],
    distribution: 'normal',
    scale: (fanIn) => Math.sqrt(2 / fanIn),
    formula: 'w ~ N(0, σ²), σ = √(2 / fan_in)',
    doc: 'He normal: keeps the signal’s variance steady through ReLU-like layers.',
  },
  {
    name: 'he_uniform',
    aliases: [],
    distribution: 'uniform',
    scale: (fanIn) => Math.sqrt(6 / fanIn),
    formula: 'w ~ U(−l, l), l = √(6 / fan_in)',
    doc: 'He uniform: the uniform version of He init, for ReLU-like layers.',
  },
  {
    name: 'glorot_normal',
    aliases: ['glorot', 'xavier'],
    distribution: 'normal',
    scale: (fanIn, fanOut) => Math.sqrt(2 / (fanIn + fanOut)),
    formula: 'w ~ N(0, σ²), σ = √(2 / (fan_in + fan_out))',
    doc: 'Glorot (Xavier) normal: balances the variance going forward and backward; suits tanh and sigmoid.',
  },
  {
    name: 'glorot_uniform',
    aliases: [],
    distribution: 'uniform',
    scale: (fanIn, fanOut) => Math.sqrt(6 / (fanIn + fanOut)),
    formula: 'w ~ U(−l, l), l = √(6 / (fan_in + fan_out))',
    doc: 'Glorot (Xavier) uniform: the usual choice for tanh, sigmoid and linear layers.',
  },
  {
    name: 'lecun_normal',
    aliases: ['lecun'],
    distribution: 'normal',
    scale: (fanIn) => Math.sqrt(1 / fanIn),
    formula: 'w ~ N(0, σ²), σ = √(1 / fan_in)',
    doc: 'LeCun normal: the init SELU needs to normalise itself.',
  },
  {
    name: 'lecun_uniform',
    aliases: [],
    distribution: 'uniform',
    scale: (fanIn) => Math.sqrt(3 / fanIn),
    formula: 'w ~ U(−l, l), l = √(3 / fan_in)',
    doc: 'LeCun uniform: the uniform version of LeCun init.',
  },
  {
    name: 'zeros',
    aliases: [],
    distribution: 'zeros',
    scale: () => 0,
    formula: 'w = 0',
    doc: 'All weights 0.',
    refused:
      'weights that all start at 0 get identical updates, so every unit of a layer stays the same; use a random init such as he or glorot (biases already start at 0)',
  },
];
