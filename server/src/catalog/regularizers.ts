/** Weight penalties for `regularize`. */
import { checks, nonNegative, numberParam, warnAtLeast } from './params';
import type { RegularizerDef } from './types';

export const REGULARIZERS: readonly RegularizerDef[] = [
  {
    name: 'l1',
    params: [
      numberParam(
        'amount',
        0.001,
        'Strength of the penalty, 0 or more (default 0.001).',
        checks(nonNegative('amount', 'such as 0.001'), warnAtLeast(1, 'an amount of 1 or more usually drives every weight to 0')),
      ),
    ],
    doc: 'Adds amount·Σ|w| to the loss, pushing unhelpful weights to exactly 0.',
  },
  {
    name: 'l2',
    params: [
      numberParam(
        'amount',
        0.0001,
        'Strength of the penalty, 0 or more (default 0.0001).',
        checks(nonNegative('amount', 'such as 0.0001'), warnAtLeast(1, 'an amount of 1 or more usually shrinks every weight to nearly 0')),
      ),
    ],
    doc: 'Adds amount·Σw² to the loss (weight decay), keeping weights small.',
  },
];
