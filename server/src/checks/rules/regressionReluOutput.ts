/** regression-relu-output: a regression output that cannot go below 0. */
import { defined, replaceActivationFix } from '../fixes/common';
import { activationTarget } from '../../model/activationTarget';
import { diagnostic, outputLayer, quoted, taskRelated } from '../layers';
import type { CheckDef } from '../types';

const code = 'regression-relu-output';
const NON_NEGATIVE = new Set(['relu', 'relu6', 'softplus']);

export const regressionReluOutput: CheckDef = {
  code,
  severity: 'info',
  emittedBy: 'check',
  title: 'Regression output cannot go negative',
  summary: 'A regression model ends in relu, relu6 or softplus.',
  template:
    "output layer '{layer}' uses {activation}, whose outputs lie in {range}: negative targets are out of reach — use linear",
  explanation: [
    'relu, relu6 and softplus never output a negative number (relu6 also stops at 6). As the output of a regression ' +
      'model they cap what it can predict: a target below 0 can never be reached, and while the output unit sits in ' +
      "relu's flat region its gradient is 0, so it can stop learning altogether.",
    'A linear output predicts any real number. Keep the bounded activation only when every target really is ' +
      'non-negative (a count, a price) — then silence this hint on that line.',
  ].join('\n\n'),
  fixes: { linear: 'Use linear (preferred).' },
  example: 'model m {\n  task regression\n  input 2\n  dense 8 relu\n  dense 1 relu\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) => {
      const output = outputLayer(model);
      const use = output?.activation;
      if (model.task?.kind !== 'regression' || !output || !use || !NON_NEGATIVE.has(use.def.name)) return [];
      return [
        diagnostic(
          code,
          'info',
          use.nameSpan,
          `output layer ${quoted(output)} uses ${use.def.name}, whose outputs lie in ${use.def.range}: negative targets are out of reach — use linear`,
          { related: [taskRelated(model.task)], data: { layer: output.name, target: activationTarget(output) } },
        ),
      ];
    });
  },
  fix(diagnostic) {
    return defined([replaceActivationFix(diagnostic, 'linear', { preferred: true })]);
  },
};
