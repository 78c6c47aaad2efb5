/** Weight penalties for `regularize`. */
import { checks, nonNegative, numberParam, warnAtLeast } from './params';
import type { ParamDef, RegularizerDef } from './types';

const amount = (def: number, tooMuch: string): ParamDef =>
  numberParam(
    'amount',
    def,
    `Strength of the penalty, 0 or more (default ${def}).`,
    checks(nonNegative('amount', `such as ${def}`), warnAtLeast(1, tooMuch)),
  );

export const REGULARIZERS: readonly RegularizerDef[] = [
  {
    name: 'l1',
    params: [amount(0.001, 'an amount of 1 or more usually drives every weight to 0')],
    doc: 'Adds amount·Σ|w| to the loss, pushing unhelpful weights to exactly 0.',
  },
  {
    name: 'l2',
    params: [amount(0.0001, 'an amount of 1 or more usually shrinks every weight to nearly 0')],
    doc: 'Adds amount·Σw² to the loss (weight decay), keeping weights small.',
  },
];
