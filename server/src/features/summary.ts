/**
 * A model summary in the spirit of Keras's `model.summary()`: one row per layer (name, type, units,
 * activation, output width, parameters) and the totals. As Markdown for hovers and the Summary command,
 * and as a box-drawn text table for the CLI.
 */
import type { ActivationUse, LayerInfo, ModelInfo } from '../model/types';
import { code, escapeMarkdown, formatNumber, formatValue, table } from './markdown';

export interface SummaryRow {
  name: string;
  type: string;
  /** Units of a dense layer; empty for other layers. */
  units: string;
  activation: string;
  outWidth: number;
  params: number;
}

/** `leaky_relu(alpha: 0.1)`: the activation with the parameters written for it. */
export function activationText(use: ActivationUse | undefined): string {
  if (!use) return 'linear';
  const explicit = Object.entries(use.explicit);
  return explicit.length
    ? `${use.def.name}(${explicit.map(([k, v]) => `${k}: ${formatValue(v)}`).join(', ')})`
    : use.def.name;
}

function rowOf(layer: LayerInfo): SummaryRow {
  const base = { name: layer.name, outWidth: layer.outWidth, params: layer.params };
  switch (layer.kind) {
    case 'dense':
      return {
        ...base,
        type: 'dense',
        units: formatNumber(layer.units),
        activation: activationText(layer.ownActivation),
      };
    case 'dropout':
      return { ...base, type: `dropout(${formatValue(layer.rate)})`, units: '', activation: '' };
    case 'activation':
      return {
        ...base,
        type: 'activation',
        units: '',
        activation: layer.activation ? activationText(layer.activation) : '?',
      };
  }
}

export function summaryRows(model: ModelInfo): SummaryRow[] {
  return model.layers.map(rowOf);
}

/** The optimizer as written with every parameter that differs from its default. */
function optimizerText(model: ModelInfo): string {
  const lr = model.optimizer.params.lr;
  return lr !== undefined ? `${model.optimizer.name}(lr: ${formatValue(lr)})` : model.optimizer.name;
}

function taskText(model: ModelInfo): string {
  const task = model.task;
  if (!task) return 'not set';
  if (task.kind === 'multiclass' || task.kind === 'multilabel') {
    return `${task.kind}(${task.kind === 'multiclass' ? 'classes' : 'labels'}: ${task.count ?? '?'})`;
  }
  return task.kind;
}

/** The facts under the table, as label/value pairs. */
export function summaryFacts(model: ModelInfo): [string, string][] {
  const facts: [string, string][] = [
    ['Total params', formatNumber(model.totalParams)],
    ['Input', model.input !== undefined ? formatNumber(model.input) : 'not set'],
    ['Output', formatNumber(model.outputWidth)],
    ['Task', taskText(model)],
    ['Loss', `${model.loss.name}${model.loss.explicit ? '' : ' (from the task)'}`],
    ['Optimizer', `${optimizerText(model)}${model.optimizer.explicit ? '' : ' (default)'}`],
  ];
  if (model.regularize) facts.push(['Regularize', `${model.regularize.kind}(${formatValue(model.regularize.amount)})`]);
  return facts;
}

/** The summary as Markdown: a heading, the layer table and the facts. */
export function summaryMarkdown(model: ModelInfo, options: { heading?: boolean } = {}): string {
  const rows = summaryRows(model);
  const parts: string[] = [];
  if (options.heading !== false) parts.push(`**model ${escapeMarkdown(model.name || '(unnamed)')}**`);
  if (rows.length === 0) {
    parts.push('No layers yet.');
  } else {
    parts.push(
      table(
        ['Layer', 'Type', 'Units', 'Activation', 'Output', 'Params'],
        rows.map((r) => [
          escapeMarkdown(r.name),
          r.type,
          r.units,
          r.activation ? code(r.activation) : '',
          formatNumber(r.outWidth),
          formatNumber(r.params),
        ]),
        ['left', 'left', 'right', 'left', 'right', 'right'],
      ),
    );
  }
  parts.push(
    summaryFacts(model)
      .map(([label, value]) => `**${label}:** ${escapeMarkdown(value)}`)
      .join('  \n'),
  );
  return parts.join('\n\n');
}

/** The summary as a box-drawn text table for a terminal. */
export function summaryText(model: ModelInfo): string {
  const header = ['Layer', 'Type', 'Units', 'Activation', 'Output', 'Params'];
  const right = [false, false, true, false, true, true];
  const rows = summaryRows(model).map((r) => [
    r.name,
    r.type,
    r.units,
    r.activation,
    formatNumber(r.outWidth),
    formatNumber(r.params),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const cell = (text: string, i: number) => (right[i] ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const rule = (l: string, m: string, r: string, fill: string) => l + widths.map((w) => fill.repeat(w + 2)).join(m) + r;
  const lines = [
    `Model "${model.name}"`,
    rule('┏', '┳', '┓', '━'),
    '┃' + header.map((h, i) => ` ${cell(h, i)} `).join('┃') + '┃',
    rule('┡', '╇', '┩', '━'),
    ...rows.map((r) => '│' + r.map((c, i) => ` ${cell(c, i)} `).join('│') + '│'),
    rule('└', '┴', '┘', '─'),
    ...summaryFacts(model).map(([label, value]) => ` ${label}: ${value}`),
  ];
  if (rows.length === 0) lines.splice(4, 0, '│' + widths.map((w) => ' '.repeat(w + 2)).join('│') + '│');
  return lines.join('\n');
}
