/** The losses of language.md §4. The stable forms they are computed in live in catalog/math. */
import { numberParam, numberValue, positive } from './params';
import type { LossDef, ParamValues } from './types';

export const LOSSES: readonly LossDef[] = [
  {
    name: 'mse',
    aliases: [],
    params: [],
    formula: 'L = (1/n)·Σ (ŷ − y)²',
    doc: 'Mean squared error: the usual regression loss; large errors weigh heavily.',
    crossEntropy: false,
  },
  {
    name: 'mae',
    aliases: [],
    params: [],
    formula: 'L = (1/n)·Σ |ŷ − y|',
    doc: 'Mean absolute error: a regression loss that is less swayed by outliers.',
    crossEntropy: false,
  },
  {
    name: 'huber',
    aliases: [],
    params: [
      numberParam(
        'delta',
        1.0,
        'Error size where the loss turns from squared to linear; greater than 0.',
        positive('delta', 'such as 1.0'),
      ),
    ],
    formula: 'L = (1/n)·Σ ℓ(ŷ − y), ℓ(e) = ½e² if |e| ≤ δ, else δ·(|e| − ½δ)',
    doc: 'Squared for small errors, linear for large ones: a regression loss robust to outliers.',
    crossEntropy: false,
  },
  {
    name: 'bce',
    aliases: ['binary_crossentropy'],
    params: [],
    formula:
      'L = −(1/n)·Σ [y·ln p + (1 − y)·ln(1 − p)], computed from the logit z as max(z, 0) − z·y + ln(1 + e^(−|z|))',
    doc: 'Binary cross-entropy: for a binary output or independent labels, each read as a probability.',
    crossEntropy: true,
  },
  {
    name: 'cce',
    aliases: ['categorical_crossentropy'],
    params: [],
    formula: 'L = −(1/n)·Σ Σₖ yₖ·ln pₖ, computed from the logits as logsumexp(z) − Σₖ yₖ·zₖ',
    doc: 'Categorical cross-entropy: for one-of-K classes with a softmax output.',
    crossEntropy: true,
  },
];

/** Parameter `param` of loss `loss` as a run uses it: the written value, else the catalog's default. */
export function lossParam(loss: string, params: ParamValues, param: string): number {
  const def = LOSSES.find((l) => l.name === loss)?.params.find((p) => p.name === param);
  return def ? numberValue(params, def) : NaN;
}
