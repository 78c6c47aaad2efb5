/** linear-hidden: a hidden layer without an activation merges with its neighbour. */
import { defined, replaceActivationFix, stringOf } from '../fixes/common';
import { activationTarget } from '../../model/activationTarget';
import { activationSpan, diagnostic, hiddenLayers, isLinear, quoted } from '../layers';
import type { CheckDef } from '../types';
import { allHiddenLinear } from './allLinear';

const code = 'linear-hidden';

export const linearHidden: CheckDef = {
  code,
  severity: 'warning',
  emittedBy: 'check',
  title: 'Linear hidden layer',
  summary: 'A hidden layer has no activation (or linear), so it folds into the next layer.',
  template:
    "hidden layer '{layer}' is linear, so it folds into the next layer (their matrices multiply into one) — add relu",
  explanation: [
    'Without an activation a dense layer is a plain matrix product plus a bias. The next layer multiplies by its own ' +
      'matrix, and the product of two matrices is one matrix (M = M₁M₂), so the pair does what a single layer could. ' +
      'The linear layer adds weights but no new shapes the network can represent.',
    'A nonlinear activation between the two layers is what makes depth useful; relu is the usual choice. A narrow ' +
      'linear layer can still be intended as a bottleneck — silence the check on that line if so.',
    'When every hidden layer of a model is linear, the single all-linear finding replaces these per-layer ones.',
  ].join('\n\n'),
  fixes: { relu: 'Add relu to the layer (preferred).' },
  example: 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 8\n  dense 1 sigmoid\n}\n',
  check({ analysis }) {
    return analysis.semantic.models
      .filter((model) => !allHiddenLinear(model))
      .flatMap((model) =>
        hiddenLayers(model)
          .filter(isLinear)
          .map((layer) =>
            diagnostic(
              code,
              'warning',
              activationSpan(layer),
              `hidden layer ${quoted(layer)} is linear, so it folds into the next layer (their matrices multiply into one) — add relu`,
              { data: { layer: layer.name, target: activationTarget(layer) } },
            ),
          ),
      );
  },
  fix(diagnostic) {
    return defined([
      replaceActivationFix(diagnostic, 'relu', {
        preferred: true,
        title: `Add relu to '${stringOf(diagnostic, 'layer') ?? 'the layer'}'`,
      }),
    ]);
  },
};
