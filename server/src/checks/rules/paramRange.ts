/**
 * param-range: a value outside its allowed range. The semantic analysis reports it while it reads each value
 * (it knows the value's span and rule); this definition gives the code its docs and settings, and emits nothing
 * itself so the finding is never reported twice.
 */
import type { CheckDef } from '../types';

export const paramRange: CheckDef = {
  code: 'param-range',
  severity: 'error',
  emittedBy: 'semantic',
  title: 'Value out of range',
  summary:
    'A parameter out of range: leaky_relu alpha ≤ 0 (≥ 1 is a warning), elu alpha ≤ 0, dropout ∉ [0, 1), maxout pieces < 2, units < 1, lr ≤ 0, epochs or batch < 1, validation ∉ [0, 1).',
  template: '{what} must be {range}, found {value}',
  explanation: [
    'Some values parse fine but make no sense: a dropout rate of 1 drops everything, a learning rate of 0 never ' +
      'moves, an elu alpha ≤ 0 turns its negative side upside down, a maxout unit with one piece is just a linear ' +
      'unit. The message names the allowed range.',
    'leaky_relu with alpha ≥ 1 is only a warning: it still trains, but its negative side is then at least as steep as ' +
      'the positive one, which is not what a leaky ReLU is for (usual values are 0.01 to 0.2).',
  ].join('\n\n'),
  fixes: {},
  remedy:
    'Set the value inside the range the message gives: a dropout rate or validation fraction from 0 up to (not ' +
    'including) 1, a positive learning rate and elu alpha, a leaky_relu alpha between 0 and 1, at least 2 maxout pieces, ' +
    'and at least 1 unit, epoch and batch.',
  example: 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dropout 1.5\n  dense 1 sigmoid\n}\n',
  check: () => [],
};
