/** sigmoid-hidden: a hidden layer uses sigmoid (or hard_sigmoid). */
import { formatNumber } from '../messageText';
import { defined, replaceActivationFix } from '../fixes/common';
import { activationTarget } from '../../model/activationTarget';
import { diagnostic, hiddenLayers, quoted, slopeAt } from '../layers';
import type { CheckDef } from '../types';

const code = 'sigmoid-hidden';

export const sigmoidHidden: CheckDef = {
  code,
  severity: 'warning',
  emittedBy: 'check',
  title: 'Sigmoid in a hidden layer',
  summary: 'A hidden layer uses sigmoid or hard_sigmoid.',
  template:
    "hidden layer '{layer}' uses {activation}: its slope is at most {peak} and its output is never negative — use relu",
  explanation: [
    'Sigmoid squashes every input into (0, 1). Its slope σ′(x) = σ(x)(1 − σ(x)) is largest at x = 0, where it is only 0.25, ' +
      'and it falls towards 0 on both tails. Backpropagation multiplies one such slope per layer, together with that ' +
      "layer's weights. The slopes multiply to at most 0.25 per sigmoid layer (hard_sigmoid: 1/6), so they cut the " +
      'gradient that reaches the early layers by a factor of at least 4 per layer; only weights large enough to amplify ' +
      'it could make up for that, and large weights push the units into the flat tails.',
    'Its outputs are also all positive, never centred on 0. Every weight that feeds the next layer then gets an update of ' +
      'the same sign, so the weights zig-zag towards their target instead of heading straight for it.',
    'ReLU (or a variant such as leaky_relu) keeps a slope of 1 for positive inputs and is the usual choice for hidden ' +
      'layers. Sigmoid still belongs on the output of a binary or multilabel model, where a probability is wanted. ' +
      'If you prefer a zero-centred squashing function, tanh is the better of the two classics, though it saturates too.',
  ].join('\n\n'),
  fixes: { relu: 'Use relu (preferred).', tanh: 'Use tanh, which is zero-centred but still saturates.' },
  example: 'model m {\n  task binary\n  input 2\n  dense 8 sigmoid\n  dense 1 sigmoid\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) =>
      hiddenLayers(model)
        .filter((layer) => layer.activation?.def.family === 'sigmoid')
        .map((layer) => {
          const use = layer.activation!;
          const peak = slopeAt(use, 0);
          return diagnostic(
            code,
            'warning',
            use.nameSpan,
            `hidden layer ${quoted(layer)} uses ${use.def.name}: its slope is at most ${formatNumber(peak)} and its output is never negative — use relu`,
            { data: { layer: layer.name, target: activationTarget(layer) } },
          );
        }),
    );
  },
  fix(diagnostic) {
    return defined([
      replaceActivationFix(diagnostic, 'relu', { preferred: true }),
      replaceActivationFix(diagnostic, 'tanh', { note: 'zero-centred, still saturating' }),
    ]);
  },
};
