/** output-units: the output layer's unit count disagrees with the task. */
import type { DenseInfo, ModelInfo } from '../../model/types';
import { defined, replaceFix, validTaskCount, validUnits } from '../fixes/common';
import {
  activationName,
  diagnostic,
  outputLayer,
  quoted,
  taskRelated,
  taskText,
  unitsSpan,
  unresolved,
} from '../layers';
import type { CheckDef } from '../types';

const code = 'output-units';

/** The unit count the task wants from this output layer, with a word on why; undefined when any count goes. */
function expectedUnits(model: ModelInfo, output: DenseInfo): { units: number; why: string } | undefined {
  const task = model.task;
  if (!task) return undefined;
  switch (task.kind) {
    case 'binary': {
      const name = activationName(output);
      if (name === 'softmax') return { units: 2, why: 'one softmax unit per class' };
      // Two units of another activation: output-activation asks for softmax, which makes 2 right.
      if (name !== 'sigmoid' && output.units === 2) return undefined;
      return { units: 1, why: 'one sigmoid unit' };
    }
    case 'multiclass': {
      const count = validTaskCount(task.kind, task.count);
      return count === undefined ? undefined : { units: count, why: 'one softmax unit per class' };
    }
    case 'multilabel': {
      const count = validTaskCount(task.kind, task.count);
      return count === undefined ? undefined : { units: count, why: 'one sigmoid unit per label' };
    }
    default:
      return undefined;
  }
}

export const outputUnits: CheckDef = {
  code,
  severity: 'error',
  emittedBy: 'check',
  title: 'Output units do not fit the task',
  summary:
    'The output layer has a unit count the task cannot use: binary → 1 (sigmoid) or 2 (softmax), multiclass(K) → K, multilabel(K) → K.',
  template:
    "output layer '{layer}' has {units} units, but task {task} needs {expected} ({why}) — set units to {expected}",
  explanation: [
    'The output layer produces one number per unit, and the task decides how many numbers a prediction is. A binary ' +
      'model predicts one probability (1 sigmoid unit) or a distribution over its two classes (2 softmax units). A ' +
      'multiclass(K) model predicts a distribution over K classes, so K softmax units; a multilabel(K) model predicts ' +
      'K independent probabilities, so K sigmoid units. Regression takes any count: one unit per target value.',
    'With the wrong count the targets and the outputs do not line up, and training stops with a shape error or, ' +
      'worse, learns to predict classes that do not exist.',
  ].join('\n\n'),
  fixes: { units: 'Set the output layer to the expected number of units (preferred).' },
  example: 'model m {\n  task multiclass(3)\n  input 4\n  dense 8 relu\n  dense 4 softmax\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) => {
      const output = outputLayer(model);
      if (!model.task || !output || unresolved(output) || !Number.isFinite(output.units)) return [];
      // On a binary task one unit is a right count, so a one-unit softmax is only softmax-one-unit's finding.
      if (model.task.kind === 'binary' && activationName(output) === 'softmax' && output.units === 1) return [];
      const expected = expectedUnits(model, output);
      if (!expected || expected.units === output.units) return [];
      return [
        diagnostic(
          code,
          'error',
          unitsSpan(output),
          `output layer ${quoted(output)} has ${output.units} unit${output.units === 1 ? '' : 's'}, but task ${taskText(model.task)} needs ` +
            `${expected.units} (${expected.why}) — set units to ${expected.units}`,
          {
            related: [taskRelated(model.task)],
            data: { layer: output.name, unitsSpan: unitsSpan(output), expected: expected.units },
          },
        ),
      ];
    });
  },
  fix(diagnostic) {
    const expected = diagnostic.data?.expected;
    if (!validUnits(expected)) return [];
    return defined([replaceFix(diagnostic, 'unitsSpan', String(expected), 'units', `Set units to ${expected}`, true)]);
  },
};
