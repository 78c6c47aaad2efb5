/** all-linear: every hidden layer is linear, so the whole network is one linear map (then the output activation). */
import type { ModelInfo } from '../../model/types';
import { defined, replaceActivationFix } from '../fixes/common';
import { activationTarget } from '../../model/activationTarget';
import { activationName, activationSpan, diagnostic, hiddenLayers, isLinear, outputLayer } from '../layers';
import type { CheckDef } from '../types';

const code = 'all-linear';

/** True when the model has hidden layers and none of them bends: all-linear replaces linear-hidden then. */
export function allHiddenLinear(model: ModelInfo): boolean {
  const hidden = hiddenLayers(model);
  return hidden.length > 0 && hidden.every(isLinear);
}

/** What such a network really is, named by its output activation. */
function disguise(model: ModelInfo): string {
  const output = outputLayer(model);
  const name = output ? activationName(output) : 'linear';
  if (name === 'linear') return 'one linear map (a linear regression in disguise)';
  if (name === 'sigmoid') return 'one linear map followed by sigmoid (a logistic regression in disguise)';
  if (name === 'softmax') return 'one linear map followed by softmax (a multinomial logistic regression in disguise)';
  return `one linear map followed by ${name}`;
}

export const allLinear: CheckDef = {
  code,
  severity: 'warning',
  emittedBy: 'check',
  title: 'Every hidden layer is linear',
  summary:
    'The model has hidden layers and none of them has a nonlinear activation (reported once, instead of linear-hidden per layer).',
  template: "every hidden layer of '{model}' is linear, so the network is {what} — add relu to the hidden layers",
  explanation: [
    'A dense layer computes Wx + b. Two of them in a row with nothing in between compute W₂(W₁x + b₁) + b₂, which is ' +
      'again a single layer with the matrix M = W₂W₁. However many linear layers are stacked, M = M₁M₂⋯Mₙ is one ' +
      'matrix: the hidden layers add parameters and training time but no power to bend a decision boundary.',
    'So a model whose hidden layers are all linear is exactly as expressive as one without hidden layers: a linear ' +
      'regression (linear output), a logistic regression (sigmoid output) or a softmax regression (softmax output). ' +
      'It cannot learn XOR, circles or spirals.',
    'Give the hidden layers a nonlinear activation; relu is the usual choice. This check is reported once on the ' +
      'model name, with each linear layer listed, and replaces the per-layer linear-hidden findings.',
  ].join('\n\n'),
  fixes: { relu: 'Add relu to every hidden layer (preferred).' },
  example: 'model m {\n  task binary\n  input 2\n  dense 8\n  dense 8\n  dense 1 sigmoid\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.filter(allHiddenLinear).map((model) => {
      const hidden = hiddenLayers(model);
      return diagnostic(
        code,
        'warning',
        model.nameSpan,
        `every hidden layer of '${model.name}' is linear, so the network is ${disguise(model)} — add relu to the hidden layers`,
        {
          related: hidden.map((l) => ({ span: activationSpan(l), message: `linear hidden layer '${l.name}'` })),
          data: { model: model.name, targets: hidden.map(activationTarget) },
        },
      );
    });
  },
  fix(diagnostic) {
    return defined([
      replaceActivationFix(diagnostic, 'relu', { preferred: true, title: 'Add relu to every hidden layer' }),
    ]);
  },
};
