/** loss-mismatch: the loss disagrees with the output layer or the task. */
import { findLoss, findTask } from '../../catalog';
import type { ModelInfo } from '../../model/types';
import { defined, replaceActivationFix, replaceFix } from '../fixes/common';
import { activationTarget } from '../../model/activationTarget';
import { activationName, diagnostic, outputLayer, quoted, taskRelated, taskText, unresolved } from '../layers';
import type { CheckDef } from '../types';

const code = 'loss-mismatch';
const CLASSIFICATION = new Set(['binary', 'multiclass', 'multilabel']);

interface Problem {
  /** What to change: the loss, or (when the loss is already the task's own) the output activation. */
  change: 'loss' | 'activation';
  expected: string;
  why: string;
}

/** The loss/output pairs that never fit, whatever the task: bce over a softmax of K > 2, cce over sigmoid. */
function outputClash(
  loss: string,
  activation: string,
  units: number,
): { why: string; activation: string; loss: string } | undefined {
  if (loss === 'bce' && activation === 'softmax' && units > 2) {
    return {
      activation: 'sigmoid',
      loss: 'cce',
      why: `bce scores each of the ${units} softmax outputs as a separate yes/no, but softmax makes them one distribution`,
    };
  }
  if (loss === 'cce' && activation === 'sigmoid') {
    return {
      activation: 'softmax',
      loss: 'bce',
      why: 'cce expects one distribution over the classes, but sigmoid outputs are independent',
    };
  }
  return undefined;
}

/** What is wrong with an explicitly written loss, if anything. */
function lossProblem(model: ModelInfo): Problem | undefined {
  const loss = model.loss;
  const output = outputLayer(model);
  if (!loss.explicit || !output || unresolved(output)) return undefined;
  const task = model.task;
  const taskDefault = task ? findTask(task.kind)?.defaultLoss : undefined;
  const crossEntropy = findLoss(loss.name)?.crossEntropy ?? false;
  const clash = outputClash(loss.name, activationName(output), output.units);
  // The task's own loss is right for the task, so a clash with the output is fixed on the output (where
  // output-activation reports the task's side of it); without a clash the loss is fine.
  if (taskDefault === loss.name) return clash && { change: 'activation', expected: clash.activation, why: clash.why };
  if (task && CLASSIFICATION.has(task.kind) && !crossEntropy) {
    return {
      change: 'loss',
      expected: taskDefault!,
      why: `${loss.name} on a ${task.kind} task learns slowly: through a saturated output its gradient fades, while cross-entropy's does not`,
    };
  }
  if (task?.kind === 'regression' && crossEntropy) {
    return {
      change: 'loss',
      expected: taskDefault!,
      why: `${loss.name} reads the outputs as probabilities, but regression targets are real numbers`,
    };
  }
  if (clash) return { change: 'loss', expected: taskDefault ?? clash.loss, why: clash.why };
  return undefined;
}

export const lossMismatch: CheckDef = {
  code,
  severity: 'warning',
  emittedBy: 'check',
  title: 'Loss does not fit the output',
  summary:
    'bce with softmax over K > 2 units, cce with sigmoid, mse/mae/huber on a classification task, cross-entropy on a regression task.',
  template: '{loss} does not fit this model: {why} — use {expected}',
  explanation: [
    'Each output activation has a loss that belongs to it. Sigmoid outputs are independent probabilities and go with ' +
      'binary cross-entropy (bce); a softmax output is one distribution over classes and goes with categorical ' +
      'cross-entropy (cce); a linear regression output goes with mse (or mae, huber).',
    'Squared error on a classifier is a classic slow start: when a sigmoid or softmax unit is saturated and wrong, the ' +
      'gradient of mse carries the factor σ′ and nearly vanishes, while the gradient of cross-entropy is simply ' +
      'ŷ − y and stays large exactly when the model is confidently wrong. Cross-entropy on a regression target, the ' +
      'other way round, treats real numbers as probabilities.',
    "The fix sets the task's default loss: bce for binary and multilabel, cce for multiclass, mse for regression. " +
      "When the loss already is the task's own (cce on a multiclass model with a sigmoid output), the output is " +
      'what is off, and the fix gives it the activation that belongs to the loss.',
  ].join('\n\n'),
  fixes: {
    loss: "Set the task's default loss (preferred).",
    output: "When the loss already is the task's own, set the output activation that goes with it (preferred).",
  },
  example: 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 sigmoid\n  loss mse\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) => {
      const problem = lossProblem(model);
      if (!problem || !model.loss.span) return [];
      const output = outputLayer(model)!;
      const remedy =
        problem.change === 'loss'
          ? `use ${problem.expected}`
          : `use ${problem.expected} on output layer ${quoted(output)}`;
      return [
        diagnostic(
          code,
          'warning',
          model.loss.span,
          `${model.loss.name} does not fit this model: ${problem.why} — ${remedy}`,
          {
            related: [
              ...(model.task ? [taskRelated(model.task)] : []),
              {
                span: output.activation?.nameSpan ?? output.span,
                message: `output layer '${output.name}': ${activationName(output)}`,
              },
            ],
            data:
              problem.change === 'loss'
                ? {
                    lossSpan: model.loss.span,
                    expected: problem.expected,
                    task: model.task ? taskText(model.task) : undefined,
                  }
                : { layer: output.name, activation: problem.expected, target: activationTarget(output) },
          },
        ),
      ];
    });
  },
  fix(diagnostic) {
    const expected = diagnostic.data?.expected;
    const activation = diagnostic.data?.activation;
    return defined([
      typeof expected === 'string'
        ? replaceFix(diagnostic, 'lossSpan', expected, 'loss', `Use loss ${expected}`, true)
        : undefined,
      activation === 'softmax' || activation === 'sigmoid'
        ? replaceActivationFix(diagnostic, activation, { id: 'output', preferred: true })
        : undefined,
    ]);
  },
};
