/** output-activation: the output activation disagrees with the task. */
import type { DenseInfo, ModelInfo } from '../../model/types';
import { defined, replaceActivationFix } from '../fixes/common';
import { activationTarget } from '../../model/activationTarget';
import {
  activationName,
  activationSpan,
  diagnostic,
  outputLayer,
  quoted,
  taskRelated,
  taskText,
  unresolved,
} from '../layers';
import type { CheckDef } from '../types';

const code = 'output-activation';

interface Problem {
  expected: 'sigmoid' | 'softmax' | 'linear';
  why: string;
}

/** What is wrong with the output activation for the model's task, if anything. */
function outputProblem(model: ModelInfo, output: DenseInfo): Problem | undefined {
  const task = model.task;
  const use = output.activation;
  const name = activationName(output);
  if (!task || unresolved(output) || use?.def.properties.notTrainable) return undefined; // step is step-activation's finding.
  const logits = name === 'linear' && model.loss.name === 'bce';
  switch (task.kind) {
    case 'binary':
      if (name === 'sigmoid' || name === 'softmax' || logits) return undefined;
      return output.units === 2
        ? { expected: 'softmax', why: 'two units need softmax to become a distribution over the two classes' }
        : { expected: 'sigmoid', why: 'a binary output is one probability for the positive class' };
    case 'multiclass':
      if (name === 'softmax') return undefined;
      return {
        expected: 'softmax',
        why:
          name === 'sigmoid'
            ? 'sigmoid outputs are independent and need not sum to 1'
            : 'one probability per class, summing to 1, is what softmax gives',
      };
    case 'multilabel':
      if (name === 'sigmoid' || logits) return undefined;
      return {
        expected: 'sigmoid',
        why:
          name === 'softmax'
            ? 'the labels are not exclusive, but softmax makes them compete for one total of 1'
            : 'each label needs its own probability',
      };
    case 'regression':
      if (!use || !(use.def.properties.saturating || name === 'softmax')) return undefined;
      return {
        expected: 'linear',
        why: `its outputs are bounded to ${use.def.range}, but regression targets can be any real number`,
      };
  }
}

export const outputActivation: CheckDef = {
  code,
  severity: 'warning',
  emittedBy: 'check',
  title: 'Output activation does not fit the task',
  summary:
    'binary without sigmoid/softmax(2)/linear-with-bce; multiclass without softmax; multilabel with softmax; regression with a bounded output (sigmoid, tanh, softmax).',
  template: "output layer '{layer}' uses {activation}, but task {task} wants {expected}: {why} — use {expected}",
  explanation: [
    'The output activation decides what the numbers a model predicts can mean. The rule of thumb: sigmoid for a ' +
      'binary output (one probability), softmax for one-of-K classes (K probabilities that sum to 1), sigmoid for ' +
      'independent labels (any subset can be on), and linear for regression (any real number).',
    'Softmax over independent labels makes them compete: raising one lowers the others, although several may be true ' +
      'at once. Sigmoid over exclusive classes gives numbers that need not sum to 1. A bounded output (sigmoid, tanh, ' +
      'softmax) can never reach a regression target outside its range.',
    'A linear output with bce is accepted for binary and multilabel tasks: the loss then reads the outputs as logits ' +
      '(numerically the same as sigmoid followed by bce).',
  ].join('\n\n'),
  fixes: {
    sigmoid: 'Use sigmoid (binary, multilabel).',
    softmax: 'Use softmax (multiclass; binary with 2 units).',
    linear: 'Use linear (regression).',
  },
  example: 'model m {\n  task multiclass(3)\n  input 4\n  dense 8 relu\n  dense 3 sigmoid\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) => {
      const output = outputLayer(model);
      if (!output || !model.task) return [];
      const problem = outputProblem(model, output);
      if (!problem) return [];
      return [
        diagnostic(
          code,
          'warning',
          activationSpan(output),
          `output layer ${quoted(output)} uses ${activationName(output)}, but task ${taskText(model.task)} wants ${problem.expected}: ${problem.why} — use ${problem.expected}`,
          {
            related: [taskRelated(model.task)],
            data: { layer: output.name, expected: problem.expected, target: activationTarget(output) },
          },
        ),
      ];
    });
  },
  fix(diagnostic) {
    const expected = diagnostic.data?.expected;
    if (expected !== 'sigmoid' && expected !== 'softmax' && expected !== 'linear') return [];
    return defined([replaceActivationFix(diagnostic, expected, { preferred: true })]);
  },
};
