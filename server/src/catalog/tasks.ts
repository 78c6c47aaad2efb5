/** The tasks of language.md §4: what the model predicts, which output it needs and its default loss. */
import { intParam } from './params';
import type { TaskDef } from './types';

export const TASKS: readonly TaskDef[] = [
  {
    name: 'regression',
    params: [],
    defaultLoss: 'mse',
    expectedOutput: 'linear units, one per target value',
    doc: 'Predict real numbers.',
  },
  {
    name: 'binary',
    params: [],
    defaultLoss: 'bce',
    expectedOutput: '1 sigmoid unit (or 2 softmax units)',
    doc: 'Decide between two classes.',
  },
  {
    name: 'multiclass',
    params: [intParam('classes', 'required', 'Number of classes K, a whole number ≥ 2.', 2)],
    defaultLoss: 'cce',
    expectedOutput: 'K softmax units',
    doc: 'Pick exactly one of K classes.',
  },
  {
    name: 'multilabel',
    params: [intParam('labels', 'required', 'Number of labels K, a whole number ≥ 1.', 1)],
    defaultLoss: 'bce',
    expectedOutput: 'K sigmoid units',
    doc: 'Switch each of K independent labels on or off; any subset can be on.',
  },
];
