/** selu-setup: selu only self-normalizes with LeCun init, selu throughout, and no plain dropout. */
import type { Diagnostic } from '../../diagnostic';
import type { DenseInfo, DropoutInfo, ModelInfo } from '../../model/types';
import { removeStatement } from '../edits';
import { insert, replace } from '../../syntax/textEdit';
import { defined, replaceActivationFix, spanOf } from '../fixes/common';
import { listWords } from '../messageText';
import { activationTarget } from '../../model/activationTarget';
import { activationName, diagnostic, hiddenLayers, isLinear } from '../layers';
import type { CheckDef, Fix } from '../types';

const code = 'selu-setup';

function isSelu(layer: DenseInfo): boolean {
  return !!layer.activation?.def.properties.selfNormalizing;
}

/** Dropout layers directly before or after a selu layer. */
function dropoutsNextTo(model: ModelInfo, layer: DenseInfo): DropoutInfo[] {
  const found: DropoutInfo[] = [];
  for (const step of [-1, 1]) {
    let i = layer.index + step;
    // Skip a standalone activation layer that belongs to this dense layer.
    while (model.layers[i]?.kind === 'activation') i += step;
    const neighbour = model.layers[i];
    if (neighbour?.kind === 'dropout') found.push(neighbour);
  }
  return found;
}

export const seluSetup: CheckDef = {
  code,
  severity: 'warning',
  emittedBy: 'check',
  title: 'SELU set up incompletely',
  summary: 'selu without LeCun init, mixed with other hidden activations, or next to plain dropout.',
  template: "selu in '{layer}' {problem} — {fix}",
  explanation: [
    'SELU (scaled ELU, λ ≈ 1.0507, α ≈ 1.6733) is built so that a stack of dense layers keeps the mean of its ' +
      'activations near 0 and their variance near 1 on its own, without batch normalisation. The proof only holds ' +
      'under its assumptions: LeCun normal init (Var(w) = 1/fan_in), standardised inputs, selu in every hidden ' +
      'layer, and either no dropout at all or alpha-dropout (never plain dropout).',
    'Break one of them and the self-normalisation is gone: He or Glorot init start with the wrong variance, another ' +
      'activation in between shifts the statistics, and plain dropout (zeroing units and scaling the rest by 1/(1 − r)) ' +
      'changes both mean and variance. NN Studio has no alpha-dropout, so the fix removes the dropout layer.',
    'Without an `init` line selu layers already get LeCun normal init.',
  ].join('\n\n'),
  fixes: {
    lecun: 'Use init lecun_normal on the selu layer (preferred).',
    selu: 'Use selu in the other hidden layers too.',
    'remove-dropout': 'Remove the dropout layer.',
  },
  example:
    'model m {\n  task binary\n  input 2\n  dense 8 selu init he\n  dense 8 selu init he\n  dense 1 sigmoid\n}\n',
  check({ analysis }) {
    const out: Diagnostic[] = [];
    for (const model of analysis.semantic.models) {
      const selu = hiddenLayers(model).filter(isSelu);
      if (!selu.length) continue;
      const seluNextTo = new Map<DropoutInfo, DenseInfo[]>();
      for (const layer of selu) {
        const use = layer.activation!;
        const init = layer.init.name;
        const explicitInit = layer.init.explicit || model.init.name !== 'auto';
        if (explicitInit && !init.startsWith('lecun')) {
          const own = layer.node.init?.name;
          out.push(
            diagnostic(
              code,
              'warning',
              use.nameSpan,
              `selu in '${layer.name}' needs LeCun init to keep its self-normalizing property, but it gets ${init} — use init lecun_normal`,
              {
                related: [
                  {
                    span: own?.span ?? model.init.span ?? layer.span,
                    message: own ? 'the init of this layer' : 'the model-wide init',
                  },
                ],
                data: { problem: 'init', layer: layer.name, initSpan: own?.span, layerEnd: layer.node.span.end },
              },
            ),
          );
        }
        for (const dropout of dropoutsNextTo(model, layer)) {
          const neighbours = seluNextTo.get(dropout) ?? [];
          neighbours.push(layer);
          seluNextTo.set(dropout, neighbours);
        }
      }
      // A dropout between two selu layers is one problem: report it once, naming both layers.
      for (const [dropout, layers] of seluNextTo) {
        const names = listWords(layers.map((l) => `'${l.name}'`));
        out.push(
          diagnostic(
            code,
            'warning',
            dropout.span,
            `plain dropout next to selu ${layers.length > 1 ? 'layers' : 'layer'} ${names} upsets the mean and variance selu keeps — ` +
              'remove it (selu wants no dropout, or alpha-dropout)',
            {
              related: layers.map((l) => ({ span: l.activation!.nameSpan, message: `selu layer '${l.name}'` })),
              data: { problem: 'dropout', dropoutSpan: dropout.span },
            },
          ),
        );
      }
      const others = hiddenLayers(model).filter((l) => l.activation && !isSelu(l) && !isLinear(l));
      if (others.length) {
        const first = selu[0];
        out.push(
          diagnostic(
            code,
            'warning',
            first.activation!.nameSpan,
            `selu only self-normalizes when every hidden layer uses it, but ${listWords(others.map((l) => `'${l.name}' uses ${activationName(l)}`))} — use selu throughout`,
            {
              related: others.map((l) => ({
                span: l.activation!.nameSpan,
                message: `'${l.name}': ${activationName(l)}`,
              })),
              data: { problem: 'mixed', layer: first.name, targets: others.map(activationTarget) },
            },
          ),
        );
      }
    }
    return out;
  },
  fix(diagnostic, analysis) {
    const fixes: Array<Fix | undefined> = [];
    switch (diagnostic.data?.problem) {
      case 'init': {
        const initSpan = spanOf(diagnostic, 'initSpan');
        const layerEnd = diagnostic.data?.layerEnd;
        const edit = initSpan
          ? replace(initSpan, 'lecun_normal')
          : typeof layerEnd === 'number'
            ? insert(layerEnd, ' init lecun_normal')
            : undefined;
        if (edit) fixes.push({ id: 'lecun', title: 'Use init lecun_normal', edits: [edit], preferred: true });
        break;
      }
      case 'dropout': {
        const span = spanOf(diagnostic, 'dropoutSpan');
        if (span)
          fixes.push({
            id: 'remove-dropout',
            title: 'Remove the dropout layer',
            edits: [removeStatement(analysis, span)],
          });
        break;
      }
      case 'mixed':
        fixes.push(replaceActivationFix(diagnostic, 'selu', { id: 'selu', title: 'Use selu in every hidden layer' }));
        break;
    }
    return defined(fixes);
  },
};
