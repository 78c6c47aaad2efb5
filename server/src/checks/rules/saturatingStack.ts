/** saturating-stack: several saturating hidden layers in a row shrink the gradient geometrically. */
import type { DenseInfo, ModelInfo } from '../../model/types';
import { formatNumber, formatPowers, listWords } from '../messageText';
import { defined, replaceActivationFix } from '../fixes/common';
import { activationTarget } from '../../model/activationTarget';
import { diagnostic, hiddenLayers, slopeAt } from '../layers';
import type { CheckDef } from '../types';

const code = 'saturating-stack';

/** Saturating but trainable (step has its own error). */
function saturates(layer: DenseInfo): boolean {
  const props = layer.activation?.def.properties;
  return !!props && props.saturating && !props.notTrainable;
}

/** Runs of consecutive saturating hidden layers, at least `depth` long. */
function runs(model: ModelInfo, depth: number): DenseInfo[][] {
  const found: DenseInfo[][] = [];
  let run: DenseInfo[] = [];
  for (const layer of [...hiddenLayers(model), undefined]) {
    if (layer && saturates(layer)) {
      run.push(layer);
      continue;
    }
    if (run.length >= depth) found.push(run);
    run = [];
  }
  return found;
}

/** The slope of the layer's activation at `x` (the catalog's own derivative). */
function slope(layer: DenseInfo, x: number): number {
  return slopeAt(layer.activation!, x);
}

/** What the message says about the gradient through the run. */
function gradientClause(run: DenseInfo[]): string {
  const peaks = run.map((l) => slope(l, 0));
  const bound = peaks.reduce((a, b) => a * b, 1);
  if (bound < 0.999) {
    return (
      `their activation slopes multiply to at most ${formatPowers(peaks)} ≈ ${formatNumber(bound)}, ` +
      'so the gradient fades unless the weights amplify it'
    );
  }
  const names = [...new Set(run.map((l) => l.activation!.def.name))];
  const atOne = run.map((l) => slope(l, 1));
  const typical = atOne.reduce((a, b) => a * b, 1);
  return (
    `${listWords(names)}'s slope of 1 per layer is only its best case (at x = 0); at |x| = 1 the factor is already ` +
    `${formatPowers(atOne)} ≈ ${formatNumber(typical)}`
  );
}

export const saturatingStack: CheckDef = {
  code,
  severity: 'warning',
  emittedBy: 'check',
  title: 'Saturating layers stacked',
  summary:
    'nn.saturatingDepth (default 3) or more hidden layers in a row use saturating activations (sigmoid, tanh, hard_sigmoid, softsign).',
  template:
    '{n} saturating hidden layers in a row ({first} to {last}): their activation slopes multiply to at most {bound}, so the gradient fades unless the weights amplify it — switch them to relu',
  settings: ['nn.saturatingDepth'],
  explanation: [
    'A saturating activation has a slope that falls to 0 on its tails. Backpropagation multiplies the slopes of all the ' +
      'layers a gradient passes through, so a stack of them multiplies many numbers below 1 and the early layers ' +
      'receive almost nothing: the vanishing-gradient problem.',
    'The bound in the message is on the product of the activation slopes, not on the whole gradient: the weights ' +
      'multiply in too, and weights large enough could amplify it again (at the price of saturating the units). For ' +
      'sigmoid, whose slope never exceeds 0.25, the slopes of four layers multiply to at most 0.25⁴ ≈ 0.0039, and that ' +
      "is the best case. tanh and softsign reach a slope of 1, but only at x = 0; at |x| = 1 tanh's slope is already " +
      '0.42 (three layers: ≈ 0.074), and it keeps falling as units saturate. hard_sigmoid is capped at 1/6 per layer.',
    'ReLU-family activations have a slope of exactly 1 for positive inputs, so depth does not shrink the gradient. ' +
      'The depth at which this check fires is the setting `nn.saturatingDepth`.',
  ].join('\n\n'),
  fixes: { relu: 'Switch every layer of the run to relu (preferred).' },
  example:
    'model m {\n  task binary\n  input 2\n  dense 8 tanh\n  dense 8 tanh\n  dense 8 tanh\n  dense 1 sigmoid\n}\n',
  check({ analysis, thresholds }) {
    return analysis.semantic.models.flatMap((model) =>
      runs(model, thresholds.saturatingDepth).map((run) => {
        const first = run[0];
        const last = run[run.length - 1];
        return diagnostic(
          code,
          'warning',
          first.span,
          `${run.length} saturating hidden layers in a row ('${first.name}' to '${last.name}'): ${gradientClause(run)} — switch them to relu`,
          {
            related: run.slice(1).map((l, i) => ({
              span: l.activation!.nameSpan,
              message: `saturating layer ${i + 2} of ${run.length}: ${l.activation!.def.name}`,
            })),
            data: { layers: run.map((l) => l.name), targets: run.map(activationTarget) },
          },
        );
      }),
    );
  },
  fix(diagnostic) {
    const layers = diagnostic.data?.layers as string[] | undefined;
    return defined([
      replaceActivationFix(diagnostic, 'relu', {
        preferred: true,
        title: layers?.length ? `Switch ${layers.map((l) => `'${l}'`).join(', ')} to relu` : 'Switch the stack to relu',
      }),
    ]);
  },
};
