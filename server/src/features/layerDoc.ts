/** Hover text of a layer: its widths, parameter count with the arithmetic, role and init. */
import type { ActivationLayerInfo, DenseInfo, DropoutInfo, LayerInfo, ModelInfo } from '../model/types';
import { code, escapeMarkdown, formatNumber, formatValue } from './markdown';
import { activationText } from './summary';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ordinal = (n: number) => ORDINALS[n] ?? `#${n + 1}`;

/** `2×16 + 16 = 48`, with the maxout and prelu extras; undefined when a width is unknown. */
export function paramArithmetic(layer: DenseInfo): string | undefined {
  const w = layer.inWidth,
    u = layer.units;
  if (!Number.isFinite(w) || !Number.isFinite(u)) return undefined;
  const base = `${w}×${u} + ${u}`;
  const pieces = layer.activation?.def.shape === 'maxout' ? Number(layer.activation.params.pieces) || 1 : 1;
  const slopes = layer.ownActivation?.def.name === 'prelu' ? u : 0;
  let expression = pieces > 1 ? `(${base}) × ${pieces}` : base;
  if (slopes) expression += ` + ${slopes}`;
  return `${expression} = ${formatNumber(layer.params)}`;
}

function arithmeticNote(layer: DenseInfo): string {
  const notes = ['weights + biases'];
  if (layer.activation?.def.shape === 'maxout')
    notes.push(`× ${formatValue(layer.activation.params.pieces)} maxout pieces`);
  if (layer.ownActivation?.def.name === 'prelu') notes.push('+ one learned slope per unit');
  return notes.join(' ');
}

function width(n: number): string {
  return Number.isFinite(n) ? formatNumber(n) : '?';
}

function denseMarkdown(layer: DenseInfo, model: ModelInfo): string {
  const role =
    layer.role === 'output'
      ? 'output layer'
      : `hidden layer, ${ordinal(layer.denseIndex)} of ${model.dense.length - 1}`;
  const lines: string[] = [`**${escapeMarkdown(layer.name)}** — dense · ${role}`];
  const merged = layer.activation && layer.activation !== layer.ownActivation;
  const activation = `${code(activationText(layer.activation))}${merged ? ' (from the activation layer after it)' : layer.activation ? '' : ' (no activation: linear)'}`;
  lines.push(`**Width:** ${width(layer.inWidth)} → ${width(layer.outWidth)} · **activation** ${activation}`);
  const arithmetic = paramArithmetic(layer);
  lines.push(
    arithmetic
      ? `**Parameters:** ${code(arithmetic)} (${arithmeticNote(layer)})`
      : `**Parameters:** unknown until the input width is known — add ${code('input N')} before the first layer`,
  );
  const how = layer.init.explicit
    ? 'set on this layer'
    : model.init.name !== 'auto'
      ? 'from the model’s init line'
      : `chosen to match ${layer.activation ? layer.activation.def.name : 'a linear layer'}`;
  lines.push(`**Init:** ${code(layer.init.name)} (${how}); biases start at 0`);
  return lines.join('  \n');
}

function previousName(layer: LayerInfo, model: ModelInfo): string {
  const previous = model.layers[layer.index - 1];
  return previous ? `${code(previous.name)}` : 'the input';
}

function dropoutMarkdown(layer: DropoutInfo, model: ModelInfo): string {
  const rate = layer.rate;
  const scale = rate < 1 ? formatNumber(1 / (1 - rate)) : '∞';
  return [
    `**${escapeMarkdown(layer.name)}** — dropout`,
    `During training, sets ${formatNumber(rate * 100)}% of the ${width(layer.inWidth)} values from ${previousName(layer, model)} to 0 ` +
      `and multiplies the others by 1/(1 − ${formatValue(rate)}) = ${scale}; at prediction time it passes them through unchanged.`,
    `**Width:** ${width(layer.outWidth)} · **Parameters:** 0`,
  ].join('  \n');
}

function activationLayerMarkdown(layer: ActivationLayerInfo, model: ModelInfo): string {
  const name = layer.activation ? code(activationText(layer.activation)) : 'an unknown activation';
  const lines = [`**${escapeMarkdown(layer.name)}** — activation layer · ${name}`];
  if (layer.mergedInto !== undefined) {
    lines.push(
      `Applies it to the output of ${code(model.layers[layer.mergedInto].name)}, exactly as if it were written on that layer.`,
    );
  } else {
    lines.push(`Applies it to the output of ${previousName(layer, model)}.`);
  }
  lines.push(
    `**Width:** ${width(layer.outWidth)} · **Parameters:** ${formatNumber(layer.params)}${layer.params ? ' (one learned slope per unit)' : ''}`,
  );
  return lines.join('  \n');
}

export function layerMarkdown(layer: LayerInfo, model: ModelInfo): string {
  switch (layer.kind) {
    case 'dense':
      return denseMarkdown(layer, model);
    case 'dropout':
      return dropoutMarkdown(layer, model);
    case 'activation':
      return activationLayerMarkdown(layer, model);
  }
}
