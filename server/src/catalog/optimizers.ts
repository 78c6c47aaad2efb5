/** The optimizers of language.md §4 with their defaults. */
import { numberParam, numberValue, positive, unitInterval } from './params';
import type { OptimizerDef, ParamDef, ParamValues } from './types';

const lr = (def: number): ParamDef =>
  numberParam(
    'lr',
    def,
    `Learning rate: the step size, greater than 0 (default ${def}).`,
    positive('lr', `such as ${def}`),
  );

export const OPTIMIZERS: readonly OptimizerDef[] = [
  {
    name: 'sgd',
    params: [
      lr(0.01),
      numberParam(
        'momentum',
        0,
        'Fraction of the previous step carried into the next, at least 0 and below 1 (0.9 is common).',
        unitInterval('momentum', 'such as 0.9'),
      ),
    ],
    highLr: 0.1,
    doc: 'Stochastic gradient descent, optionally with momentum.',
  },
  {
    name: 'adam',
    params: [
      lr(0.001),
      numberParam(
        'beta1',
        0.9,
        'Decay of the running mean of gradients, at least 0 and below 1.',
        unitInterval('beta1', 'such as 0.9'),
      ),
      numberParam(
        'beta2',
        0.999,
        'Decay of the running mean of squared gradients, at least 0 and below 1.',
        unitInterval('beta2', 'such as 0.999'),
      ),
    ],
    highLr: 0.01,
    doc: 'Adam: adapts the step size per weight from running means of the gradient and its square. The default.',
  },
  {
    name: 'rmsprop',
    params: [
      lr(0.001),
      numberParam(
        'rho',
        0.9,
        'Decay of the running mean of squared gradients, at least 0 and below 1.',
        unitInterval('rho', 'such as 0.9'),
      ),
    ],
    highLr: 0.01,
    doc: 'RMSprop: divides each step by a running root-mean-square of recent gradients.',
  },
];

/** The optimizer of a model that names none. */
export const DEFAULT_OPTIMIZER: OptimizerDef = OPTIMIZERS[1];

/** The learning rate of optimizer `name` with these parameters: the written one, else the optimizer's default. */
export function learningRateOf(name: string, params: ParamValues): number {
  const def = OPTIMIZERS.find((o) => o.name === name) ?? DEFAULT_OPTIMIZER;
  return numberValue(
    params,
    def.params.find((p) => p.name === 'lr')!,
  );
}

/** Parameter `param` of optimizer `optimizer` as a run uses it: the written value, else the catalog's default. */
export function optimizerParam(optimizer: string, params: ParamValues, param: string): number {
  const def = OPTIMIZERS.find((o) => o.name === optimizer)?.params.find((p) => p.name === param);
  return def ? numberValue(params, def) : NaN;
}
