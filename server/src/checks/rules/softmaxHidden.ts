/** softmax-hidden: softmax belongs on the output layer. */
import { defined, replaceActivationFix } from '../fixes/common';
import { activationTarget } from '../../model/activationTarget';
import { diagnostic, hiddenLayers, quoted } from '../layers';
import type { CheckDef } from '../types';

const code = 'softmax-hidden';

export const softmaxHidden: CheckDef = {
  code,
  severity: 'warning',
  emittedBy: 'check',
  title: 'Softmax in a hidden layer',
  summary: 'A hidden layer uses softmax.',
  template: "hidden layer '{layer}' uses softmax, which forces its units to share one total of 1 — use relu",
  explanation: [
    'Softmax turns a layer of scores into a probability distribution: every output is positive and together they ' +
      'sum to 1. That is what an output over mutually exclusive classes needs, and nothing a hidden layer needs: the ' +
      'units must compete for one fixed total, so when one grows the others shrink, and most of them end up near 0 ' +
      'with tiny gradients.',
    'Hidden layers want an elementwise activation such as relu. Keep softmax for the output of a multiclass model.',
  ].join('\n\n'),
  fixes: { relu: 'Use relu (preferred).' },
  example: 'model m {\n  task multiclass(3)\n  input 4\n  dense 8 softmax\n  dense 3 softmax\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) =>
      hiddenLayers(model)
        // A one-unit softmax is reported by softmax-one-unit instead.
        .filter((layer) => layer.activation?.def.name === 'softmax' && layer.units !== 1)
        .map((layer) =>
          diagnostic(
            code,
            'warning',
            layer.activation!.nameSpan,
            `hidden layer ${quoted(layer)} uses softmax, which forces its units to share one total of 1 — use relu`,
            { data: { layer: layer.name, target: activationTarget(layer) } },
          ),
        ),
    );
  },
  fix(diagnostic) {
    return defined([replaceActivationFix(diagnostic, 'relu', { preferred: true })]);
  },
};
