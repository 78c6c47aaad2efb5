/** softmax-one-unit: softmax over a single unit always outputs 1. */
import { defined, replaceActivationFix } from '../fixes/common';
import { activationTarget, diagnostic, quoted } from '../layers';
import type { CheckDef } from '../types';

const code = 'softmax-one-unit';

export const softmaxOneUnit: CheckDef = {
  code,
  severity: 'error',
  emittedBy: 'check',
  title: 'Softmax over one unit',
  summary: 'A 1-unit layer uses softmax, which always outputs 1.0.',
  template: "softmax over the single unit of '{layer}' always outputs 1.0, so it cannot learn — use sigmoid",
  explanation: [
    'Softmax divides e^z of each unit by the sum over all units of the layer. With one unit that is e^z / e^z = 1, ' +
      'whatever z is: the output is constant, its gradient is 0, and the model predicts the same thing for every input.',
    'A single probability (a binary output) is what sigmoid gives: σ(z) = 1/(1 + e^(−z)). Sigmoid on one unit is the ' +
      'same model as softmax over two units, with half the output weights. In a hidden layer, use relu.',
  ].join('\n\n'),
  fixes: { sigmoid: 'On the output layer: use sigmoid (preferred).', relu: 'On a hidden layer: use relu (preferred).' },
  example: 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 softmax\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) =>
      model.dense
        .filter((layer) => layer.activation?.def.name === 'softmax' && layer.units === 1)
        .map((layer) => {
          const replacement = layer.role === 'output' ? 'sigmoid' : 'relu';
          return diagnostic(code, 'error', layer.activation!.nameSpan,
            `softmax over the single unit of ${quoted(layer)} always outputs 1.0, so it cannot learn — use ${replacement}`,
            { data: { layer: layer.name, role: layer.role, target: activationTarget(layer) } });
        }));
  },
  fix(diagnostic) {
    return defined([replaceActivationFix(diagnostic, diagnostic.data?.role === 'output' ? 'sigmoid' : 'relu', { preferred: true })]);
  },
};
