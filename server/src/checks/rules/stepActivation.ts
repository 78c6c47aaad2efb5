/** step-activation: step has a zero derivative, so gradient descent cannot train through it. */
import { defined, replaceActivationFix } from '../fixes/common';
import { activationTarget } from '../../model/activationTarget';
import { activationUses, diagnostic } from '../layers';
import type { CheckDef } from '../types';

const code = 'step-activation';

export const stepActivation: CheckDef = {
  code,
  severity: 'error',
  emittedBy: 'check',
  title: 'Step activation',
  summary: 'A layer uses step (binary_step); its derivative is 0, so nothing below it learns.',
  template: "'{layer}' uses step, whose slope is 0 everywhere, so no gradient flows through it — use {relu|sigmoid}",
  explanation: [
    'The step function jumps from 0 to 1 at its threshold and is flat everywhere else. Its derivative is 0 wherever ' +
      'it is defined, so backpropagation multiplies the gradient by 0 at this layer: the layer itself and every layer ' +
      'before it receive no signal and never change.',
    'Step belongs to the perceptron era, when weights were set by other rules. NN Studio trains every model by ' +
      'gradient descent, so a step layer makes the model untrainable. Use sigmoid for a 0/1 output (it is a smooth ' +
      'step) and relu for a hidden layer.',
  ].join('\n\n'),
  fixes: { relu: 'In a hidden layer: use relu (preferred).', sigmoid: 'In the output layer: use sigmoid (preferred).' },
  example: 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 step\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) =>
      activationUses(model)
        .filter(({ use }) => use.def.properties.notTrainable)
        .map(({ use, layer }) => {
          const role = layer?.role ?? 'hidden';
          const replacement = role === 'output' ? 'sigmoid' : 'relu';
          const name = layer?.name;
          return diagnostic(
            code,
            'error',
            use.nameSpan,
            `${name ? `'${name}'` : 'this layer'} uses ${use.written}, whose slope is 0 everywhere, so no gradient flows through it — use ${replacement}`,
            {
              data: { layer: name, role, target: layer ? activationTarget(layer) : { span: use.span, insert: false } },
            },
          );
        }),
    );
  },
  fix(diagnostic) {
    const replacement = diagnostic.data?.role === 'output' ? 'sigmoid' : 'relu';
    return defined([replaceActivationFix(diagnostic, replacement, { preferred: true })]);
  },
};
