/**
 * Hover: the product's teaching surface. Activations get their formulas, properties, advice and a plot;
 * layers their widths and parameter arithmetic; model names a summary table; keywords and catalog values
 * what they mean and take.
 */
import type { Analysis } from '../analysis';
import { findActivation } from '../catalog';
import type { ActivationUse, DenseInfo, LayerInfo, ModelInfo } from '../model/types';
import type { Arg } from '../syntax/ast';
import type { Span } from '../syntax/span';
import { activationMarkdown } from './activationDoc';
import {
  calleeMarkdown,
  calleeParams,
  defaultText,
  featureMarkdown,
  initMarkdown,
  keywordDoc,
  keywordMarkdown,
  paramType,
  switchMarkdown,
  writtenArgs,
  type KeywordBlock,
} from './catalogDocs';
import { diagnosticExplanation } from './diagnosticHover';
import { layerMarkdown } from './layerDoc';
import { occurrenceAt, type CalleeKind, type Occurrence } from './locate';
import { code, escapeMarkdown, formatValue, RULE } from './markdown';
import { summaryMarkdown } from './summary';

export interface HoverResult {
  markdown: string;
  /** The text the hover is about (highlighted by the editor). */
  span: Span;
}

export interface HoverOptions {
  /** Include images (the activation plots); off for editors that show Markdown images as their source text. */
  images?: boolean;
}

export function hoverAt(analysis: Analysis, offset: number, options: HoverOptions = {}): HoverResult | undefined {
  const occurrence = occurrenceAt(analysis, offset);
  const markdown = occurrence ? hoverMarkdown(occurrence, options.images !== false) : undefined;
  const explanation = diagnosticExplanation(analysis, offset);
  if (markdown && occurrence) {
    return { markdown: explanation ? `${markdown}${RULE}${explanation.markdown}` : markdown, span: occurrence.span };
  }
  return explanation;
}

function blockOf(o: Occurrence): KeywordBlock {
  if (o.kind === 'keyword' && (o.word === 'model' || o.word === 'train') && !o.stmt) return 'top';
  return o.decl.kind;
}

function hoverMarkdown(o: Occurrence, images: boolean): string | undefined {
  switch (o.kind) {
    case 'keyword': {
      const isLayerInit = o.word === 'init' && o.stmt?.kind === 'dense';
      const doc = keywordDoc(o.word, isLayerInit ? 'layer' : blockOf(o));
      const keyword = doc ? keywordMarkdown(doc) : undefined;
      if (o.layer && o.model && !isLayerInit)
        return [layerMarkdown(o.layer, o.model), keyword].filter(Boolean).join(RULE);
      return keyword;
    }
    case 'modelName':
    case 'modelRef':
      return modelMarkdown(o);
    case 'label':
      return o.layer && o.model ? layerMarkdown(o.layer, o.model) : undefined;
    case 'number':
      if (o.layer && o.model) return layerMarkdown(o.layer, o.model);
      return o.stmt ? keywordHover(o.stmt.keyword.text, o.decl.kind) : undefined;
    case 'callee':
      if (o.callee === 'activation') return activationHover(o.call.name.text, o.span, images, o.layer, o.model);
      return calleeMarkdown(o.callee, o.call.name.text, o.call.args);
    case 'initName':
      return initMarkdown(o.name);
    case 'argName':
    case 'argValue':
      return parameterMarkdown(o.callee, o.call.name.text, o.call.args, o.arg.name?.text, o.call.args.indexOf(o.arg));
    case 'switch':
      return switchMarkdown(o.word);
    case 'feature':
      return featureMarkdown(o.name);
  }
}

function keywordHover(word: string, block: KeywordBlock): string | undefined {
  const doc = keywordDoc(word, block);
  return doc ? keywordMarkdown(doc) : undefined;
}

function modelMarkdown(o: Occurrence): string | undefined {
  if (o.kind === 'modelRef' && !o.model) {
    const name = o.train?.modelName ?? '';
    return `No model named ${code(name)} in this file.`;
  }
  if (!o.model) return undefined;
  const prefix = o.kind === 'modelRef' ? 'Trains ' : '';
  return `${prefix}${summaryMarkdown(o.model)}`;
}

/** The activation use written at `span`, and the dense layer it acts on. */
function activationContext(
  span: Span,
  layer?: LayerInfo,
  model?: ModelInfo,
): { use?: ActivationUse; dense?: DenseInfo } {
  if (!layer || !model) return {};
  if (layer.kind === 'dense') {
    const use = layer.ownActivation?.nameSpan.start === span.start ? layer.ownActivation : undefined;
    return { use, dense: layer };
  }
  if (layer.kind === 'activation') {
    const dense = layer.mergedInto !== undefined ? model.layers[layer.mergedInto] : undefined;
    return { use: layer.activation, dense: dense?.kind === 'dense' ? dense : undefined };
  }
  return {};
}

function activationHover(
  name: string,
  span: Span,
  images: boolean,
  layer?: LayerInfo,
  model?: ModelInfo,
): string | undefined {
  const def = findActivation(name);
  if (!def) return undefined;
  const { use, dense } = activationContext(span, layer, model);
  return activationMarkdown(def, { use, layer: dense, plot: images });
}

function parameterMarkdown(
  kind: CalleeKind,
  callee: string,
  args: readonly Arg[],
  name: string | undefined,
  index: number,
): string | undefined {
  const defs = calleeParams(kind, callee);
  if (!defs) return undefined;
  const def = name !== undefined ? defs.find((d) => d.name === name) : defs[index];
  if (!def) return undefined;
  const written = writtenArgs(args, defs).get(def.name);
  const lines = [
    `**${def.name}** — parameter of ${code(callee)} · ${paramType(def)}, ${defaultText(def)}`,
    escapeMarkdown(def.doc),
  ];
  if (written !== undefined)
    lines.push(
      `Here: ${code(`${def.name} = ${written}`)}${def.default !== undefined ? ` (default ${formatValue(def.default)})` : ''}`,
    );
  return lines.join('\n\n');
}
