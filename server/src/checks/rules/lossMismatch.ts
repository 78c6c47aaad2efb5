/** loss-mismatch: the loss disagrees with the output layer or the task. */
import { findLoss, findTask } from '../../catalog';
import type { ModelInfo } from '../../model/types';
import { defined, replaceFix } from '../fixes/common';
import { activationName, diagnostic, outputLayer, taskRelated, taskText, unresolved } from '../layers';
import type { CheckDef } from '../types';

const code = 'loss-mismatch';
const CLASSIFICATION = new Set(['binary', 'multiclass', 'multilabel']);

interface Problem {
  expected: string;
  why: string;
}

/** What is wrong with an explicitly written loss, if anything. */
function lossProblem(model: ModelInfo): Problem | undefined {
  const loss = model.loss;
  const output = outputLayer(model);
  if (!loss.explicit || !output || unresolved(output)) return undefined;
  const task = model.task;
  const taskDefault = task ? findTask(task.kind)?.defaultLoss : undefined;
  // With the task's own loss the output activation is what is off; output-activation reports that.
  if (taskDefault === loss.name) return undefined;
  const crossEntropy = findLoss(loss.name)?.crossEntropy ?? false;
  const activation = activationName(output);
  if (task && CLASSIFICATION.has(task.kind) && !crossEntropy) {
    return { expected: taskDefault!, why: `${loss.name} on a ${task.kind} task learns slowly: through a saturated output its gradient fades, while cross-entropy's does not` };
  }
  if (task?.kind === 'regression' && crossEntropy) {
    return { expected: taskDefault!, why: `${loss.name} reads the outputs as probabilities, but regression targets are real numbers` };
  }
  if (loss.name === 'bce' && activation === 'softmax' && output.units > 2) {
    return { expected: taskDefault ?? 'cce', why: `bce scores each of the ${output.units} softmax outputs as a separate yes/no, but softmax makes them one distribution` };
  }
  if (loss.name === 'cce' && activation === 'sigmoid') {
    return { expected: taskDefault ?? 'bce', why: 'cce expects one distribution over the classes, but sigmoid outputs are independent' };
  }
  return undefined;
}

export const lossMismatch: CheckDef = {
  code,
  severity: 'warning',
  emittedBy: 'check',
  title: 'Loss does not fit the output',
  summary: 'bce with softmax over K > 2 units, cce with sigmoid, mse/mae/huber on a classification task, cross-entropy on a regression task.',
  template: '{loss} does not fit this model: {why} — use {expected}',
  explanation: [
    'Each output activation has a loss that belongs to it. Sigmoid outputs are independent probabilities and go with ' +
      'binary cross-entropy (bce); a softmax output is one distribution over classes and goes with categorical ' +
      'cross-entropy (cce); a linear regression output goes with mse (or mae, huber).',
    'Squared error on a classifier is a classic slow start: when a sigmoid or softmax unit is saturated and wrong, the ' +
      'gradient of mse carries the factor σ′ and nearly vanishes, while the gradient of cross-entropy is simply ' +
      'ŷ − y and stays large exactly when the model is confidently wrong. Cross-entropy on a regression target, the ' +
      'other way round, treats real numbers as probabilities.',
    "The fix sets the task's default loss: bce for binary and multilabel, cce for multiclass, mse for regression.",
  ].join('\n\n'),
  fixes: { loss: "Set the task's default loss (preferred)." },
  example: 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 sigmoid\n  loss mse\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) => {
      const problem = lossProblem(model);
      if (!problem || !model.loss.span) return [];
      const output = outputLayer(model)!;
      return [diagnostic(code, 'warning', model.loss.span, `${model.loss.name} does not fit this model: ${problem.why} — use ${problem.expected}`, {
        related: [
          ...(model.task ? [taskRelated(model.task)] : []),
          { span: output.activation?.nameSpan ?? output.span, message: `output layer '${output.name}': ${activationName(output)}` },
        ],
        data: { lossSpan: model.loss.span, expected: problem.expected, task: model.task ? taskText(model.task) : undefined },
      })];
    });
  },
  fix(diagnostic) {
    const expected = diagnostic.data?.expected;
    if (typeof expected !== 'string') return [];
    return defined([replaceFix(diagnostic, 'lossSpan', expected, 'loss', `Use loss ${expected}`, true)]);
  },
};
