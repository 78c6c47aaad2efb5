/** Inlay hints: after each layer its output width and parameter count, after the model header its total. */
import type { Analysis } from '../analysis';
import type { LayerInfo, ModelInfo } from '../model/types';
import type { Span } from '../syntax/span';
import { paramArithmetic } from './layerDoc';
import { formatNumber } from './markdown';

export interface InlayHintInfo {
  /** Where the hint sits (it is shown before the character at this offset). */
  offset: number;
  label: string;
  tooltip?: string;
  kind: 'layer' | 'model';
}

const known = (n: number) => Number.isFinite(n);

function params(n: number): string {
  return `${formatNumber(n)} param${n === 1 ? '' : 's'}`;
}

function layerHint(layer: LayerInfo): InlayHintInfo | undefined {
  if (!known(layer.outWidth)) return undefined;
  let label = `→ ${formatNumber(layer.outWidth)}`;
  let tooltip: string | undefined;
  if (layer.kind === 'dense' && known(layer.params)) {
    label += ` · ${params(layer.params)}`;
    const arithmetic = paramArithmetic(layer);
    if (arithmetic) tooltip = `${layer.name}: ${arithmetic} parameters`;
  } else if (layer.kind === 'activation' && layer.params > 0) {
    label += ` · ${params(layer.params)}`;
  }
  return { offset: layer.node.span.end, label, tooltip, kind: 'layer' };
}

function modelHint(model: ModelInfo): InlayHintInfo | undefined {
  const decl = model.decl;
  if (!decl.open || model.layers.length === 0 || !known(model.totalParams)) return undefined;
  return {
    offset: decl.open.end,
    label: `${params(model.totalParams)} in total`,
    kind: 'model',
    tooltip: `model ${model.name}: ${model.layers.length} layer${model.layers.length === 1 ? '' : 's'}, ${formatNumber(model.totalParams)} trainable parameters`,
  };
}

/** The hints of the whole file, or of those inside `range`. */
export function inlayHints(analysis: Analysis, range?: Span): InlayHintInfo[] {
  const hints: InlayHintInfo[] = [];
  for (const model of analysis.semantic.models) {
    if (range && (model.decl.span.end < range.start || model.decl.span.start > range.end)) continue;
    const header = modelHint(model);
    if (header) hints.push(header);
    for (const layer of model.layers) {
      const hint = layerHint(layer);
      if (hint) hints.push(hint);
    }
  }
  return range ? hints.filter((h) => h.offset >= range.start && h.offset <= range.end) : hints;
}
