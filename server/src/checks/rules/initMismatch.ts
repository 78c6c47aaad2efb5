/** init-mismatch: an explicit weight init that does not suit the layer's activation. */
import type { Diagnostic } from '../../diagnostic';
import type { InitName } from '../../catalog/types';
import type { DenseInfo, ModelInfo } from '../../model/types';
import type { Ident } from '../../syntax/ast';
import { removeStatement } from '../edits';
import { defined, replaceFix, spanOf } from '../fixes/common';
import { listWords } from '../messageText';
import { diagnostic } from '../layers';
import type { CheckDef, Fix } from '../types';

const code = 'init-mismatch';

type InitFamily = 'he' | 'glorot';

/** The init family the layer's activation wants, when the written init is the wrong one. */
function wantedFamily(layer: DenseInfo, init: InitName): InitFamily | undefined {
  const def = layer.activation?.def;
  if (!def || def.properties.selfNormalizing) return undefined; // selu is selu-setup's business.
  if (def.properties.reluFamily && init.startsWith('glorot')) return 'he';
  if ((def.family === 'sigmoid' || def.family === 'tanh') && init.startsWith('he')) return 'glorot';
  return undefined;
}

/** The replacement, spelled like the original: a short alias stays short, `_uniform` stays uniform. */
function replacementInit(written: string, canonical: InitName, family: InitFamily): string {
  if (!written.includes('_')) return family;
  return `${family}_${canonical.endsWith('uniform') ? 'uniform' : 'normal'}`;
}

function why(family: InitFamily): string {
  return family === 'he'
    ? 'Glorot init is scaled for symmetric activations, so behind relu, which zeroes half its inputs, the signal shrinks layer by layer'
    : 'He init doubles the variance to make up for relu zeroing half its inputs, so sigmoid and tanh start out saturated';
}

function modelInitName(model: ModelInfo): Ident | undefined {
  for (const stmt of model.decl.body) if (stmt.kind === 'init' && stmt.name) return stmt.name;
  return undefined;
}

export const initMismatch: CheckDef = {
  code,
  severity: 'info',
  emittedBy: 'check',
  title: 'Init does not suit the activation',
  summary: 'An explicit init that does not match the activation: glorot with the ReLU family, he with sigmoid or tanh.',
  template: "'{layer}' uses {activation} with {init} init: {why} — use init {replacement}",
  explanation: [
    'Weight init sets the scale of the random starting weights so that the signal keeps roughly the same size from ' +
      'layer to layer. Glorot (Xavier) init, Var(w) = 2/(fan_in + fan_out), is derived for activations that behave ' +
      'like the identity near 0 (centred on 0, slope 1 there), as tanh and linear do. Sigmoid does not: σ(0) = 0.5 and ' +
      'σ′(0) = 0.25. Glorot is still its usual init, a rough fit that keeps it out of its flat tails. He init, ' +
      'Var(w) = 2/fan_in, doubles the variance because ReLU-like activations zero out about half of their inputs.',
    'With the wrong one the signal shrinks (glorot behind relu) or grows (he behind tanh, pushing units into their ' +
      'flat tails) through every layer, and training starts slowly. Without an `init`, NN Studio picks the matching ' +
      'init per layer (He for the ReLU family, LeCun for SELU, Glorot otherwise), so the simplest fix for a model-wide ' +
      '`init` line is often to remove it.',
  ].join('\n\n'),
  fixes: {
    init: 'Switch to the matching init, keeping normal/uniform (preferred on a layer).',
    auto: 'Remove the model-wide init line so each layer gets its match (preferred on the model line).',
  },
  example: 'model m {\n  task binary\n  input 2\n  dense 8 relu init glorot\n  dense 1 sigmoid\n}\n',
  check({ analysis }) {
    const out: Diagnostic[] = [];
    for (const model of analysis.semantic.models) {
      const inherited: Array<{ layer: DenseInfo; family: InitFamily }> = [];
      for (const layer of model.dense) {
        const family = wantedFamily(layer, layer.init.name);
        if (!family) continue;
        const name = layer.node.init?.name;
        if (layer.init.explicit && name) {
          const replacement = replacementInit(name.text, layer.init.name, family);
          out.push(
            diagnostic(
              code,
              'info',
              name.span,
              `'${layer.name}' uses ${layer.activation!.def.name} with ${layer.init.name} init: ${why(family)} — use init ${replacement}`,
              { data: { layer: layer.name, initSpan: name.span, replacement } },
            ),
          );
        } else if (!layer.init.explicit && model.init.name !== 'auto') {
          inherited.push({ layer, family });
        }
      }
      const name = modelInitName(model);
      if (!inherited.length || !name || !model.init.span) continue;
      const families = new Set(inherited.map((i) => i.family));
      const family = families.size === 1 ? inherited[0].family : undefined;
      const replacement = family ? replacementInit(name.text, model.init.name as InitName, family) : undefined;
      const layers = listWords(inherited.map((i) => `'${i.layer.name}'`));
      out.push(
        diagnostic(
          code,
          'info',
          name.span,
          `the model-wide init ${model.init.name} does not suit ${layers}: ${why(inherited[0].family)} — remove the init line so each layer gets its match` +
            (replacement ? `, or use init ${replacement}` : ''),
          {
            related: inherited.map(({ layer }) => ({
              span: layer.activation!.nameSpan,
              message: `'${layer.name}' uses ${layer.activation!.def.name}`,
            })),
            data: { model: model.name, initSpan: name.span, statementSpan: model.init.span, replacement },
          },
        ),
      );
    }
    return out;
  },
  fix(diagnostic, analysis) {
    const replacement = diagnostic.data?.replacement;
    const statement = spanOf(diagnostic, 'statementSpan');
    const fixes: Array<Fix | undefined> = [];
    if (statement) {
      fixes.push({
        id: 'auto',
        title: 'Remove the model-wide init (each layer gets its matching init)',
        edits: [removeStatement(analysis, statement)],
        preferred: true,
      });
    }
    if (typeof replacement === 'string')
      fixes.push(replaceFix(diagnostic, 'initSpan', replacement, 'init', `Use init ${replacement}`, !statement));
    return defined(fixes);
  },
};
