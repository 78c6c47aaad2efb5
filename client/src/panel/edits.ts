/**
 * The text edits behind the panel's "Apply" buttons, computed from the analysis (pure: no VS Code import).
 * The panel host turns them into one WorkspaceEdit, so a single undo reverts them.
 */
import type { Analysis } from '../../../server/src/analysis';
import { findActivation } from '../../../server/src/catalog';
import type { LayerInfo, ModelInfo, TrainInfo } from '../../../server/src/model/types';
import type { PanelFix } from '../../../server/src/protocol';
import type { Span } from '../../../server/src/syntax/span';

export interface TextEdit {
  span: Span;
  newText: string;
}

export type EditResult = { edits: TextEdit[] } | { error: string };

/** The span of the activation in effect for a layer, or where to insert one. */
function activationEdit(model: ModelInfo, layer: LayerInfo, name: string): TextEdit | string {
  if (layer.kind === 'activation') {
    return layer.activation ? { span: layer.activation.span, newText: name } : `layer '${layer.name}' has no activation to change`;
  }
  if (layer.kind !== 'dense') return `layer '${layer.name}' is a dropout layer`;
  if (layer.ownActivation) return { span: layer.ownActivation.span, newText: name };
  // The activation may come from a standalone `activation` layer merged into this one.
  const merged = model.layers.find((l) => l.kind === 'activation' && l.mergedInto === layer.index);
  if (merged?.kind === 'activation' && merged.activation) return { span: merged.activation.span, newText: name };
  const units = layer.node.units;
  if (!units) return `layer '${layer.name}' has no unit count`;
  return { span: { start: units.span.end, end: units.span.end }, newText: ` ${name}` };
}

/** The edit that makes the train block use learning rate `lr` (its `lr` line overrides the optimizer's). */
function learningRateEdit(analysis: Analysis, train: TrainInfo, lr: number): TextEdit | string {
  const text = String(lr);
  const statement = train.decl.body.find((s) => s.kind === 'lr');
  if (statement && statement.kind === 'lr' && statement.value) return { span: statement.value.span, newText: text };
  const close = train.decl.close;
  if (!close) return `the train block of '${train.modelName}' is not closed`;
  // Insert a line before the closing brace, indented like the block's other statements.
  const source = analysis.text;
  const first = train.decl.body[0];
  const lineStart = first ? source.lastIndexOf('\n', first.span.start - 1) + 1 : -1;
  const before = first ? source.slice(lineStart, first.span.start) : '';
  const indent = first && before.trim() === '' ? before : '  ';
  const braceLineStart = source.lastIndexOf('\n', close.start - 1) + 1;
  const onOwnLine = source.slice(braceLineStart, close.start).trim() === '';
  return onOwnLine
    ? { span: { start: braceLineStart, end: braceLineStart }, newText: `${indent}lr ${text}\n` }
    : { span: { start: close.start, end: close.start }, newText: `\n${indent}lr ${text}\n` };
}

export function fixEdits(analysis: Analysis, modelName: string, fix: PanelFix): EditResult {
  const train = analysis.semantic.trains.find((t) => t.modelName === modelName);
  const model = train?.model ?? analysis.semantic.models.find((m) => m.name === modelName);
  if (!model) return { error: `no model named '${modelName}' in this file` };
  if (fix.kind === 'setLearningRate') {
    if (!train) return { error: `model '${modelName}' has no train block` };
    if (!(fix.lr > 0) || !Number.isFinite(fix.lr)) return { error: 'the learning rate must be a positive number' };
    const edit = learningRateEdit(analysis, train, fix.lr);
    return typeof edit === 'string' ? { error: edit } : { edits: [edit] };
  }
  const def = findActivation(fix.activation);
  if (!def) return { error: `unknown activation '${fix.activation}'` };
  const edits: TextEdit[] = [];
  for (const index of new Set(fix.sourceIndices)) {
    const layer = model.layers[index];
    if (!layer) return { error: `model '${modelName}' has no layer number ${index + 1}` };
    const edit = activationEdit(model, layer, def.name);
    if (typeof edit === 'string') return { error: edit };
    edits.push(edit);
  }
  return { edits: edits.sort((a, b) => b.span.start - a.span.start) };
}

/** Applies edits to a string (for tests and previews); edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  }
  return out;
}
