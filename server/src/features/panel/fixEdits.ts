/**
 * The text edits behind the panel's buttons: a new activation on some layers, or a new learning rate in the
 * train block. The language server answers `nn/panelEdits` with them; the extension applies them as one
 * undoable edit.
 */
import type { Analysis } from '../../analysis';
import { findActivation } from '../../catalog';
import { activationTarget, setActivation } from '../../model/activationTarget';
import type { LayerInfo, TrainInfo } from '../../model/types';
import type { PanelFix } from '../../protocol';
import { insert, replace, type TextEdit } from '../../syntax/textEdit';
import { settingEdits } from './settingEdits';

export type FixEditsResult = { edits: TextEdit[] } | { error: string };

/** Writes activation `name` for a layer: where its activation in effect is written, or after its unit count. */
function activationEdit(layer: LayerInfo, name: string): TextEdit | string {
  if (layer.kind === 'dropout') return `layer '${layer.name}' is a dropout layer`;
  const target = activationTarget(layer);
  if (!target) return `layer '${layer.name}' has no activation to change`;
  return setActivation(target, name);
}

/** The edit that makes the train block use learning rate `lr` (its `lr` line overrides the optimizer's). */
function learningRateEdit(analysis: Analysis, train: TrainInfo, lr: number): TextEdit | string {
  const text = String(lr);
  const statement = train.decl.body.find((s) => s.kind === 'lr');
  if (statement && statement.kind === 'lr' && statement.value) return replace(statement.value.span, text);
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
  return onOwnLine ? insert(braceLineStart, `${indent}lr ${text}\n`) : insert(close.start, `\n${indent}lr ${text}\n`);
}

/** The edits that make a change the panel asked for, or why it cannot be made. */
export function fixEdits(analysis: Analysis, modelName: string, fix: PanelFix): FixEditsResult {
  const train = analysis.semantic.trains.find((t) => t.modelName === modelName);
  const model = train?.model ?? analysis.semantic.models.find((m) => m.name === modelName);
  if (!model) return { error: `no model named '${modelName}' in this file` };
  if (fix.kind === 'setTrainSetting') return settingEdits(analysis, modelName, fix.setting);
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
    const edit = activationEdit(layer, def.name);
    if (typeof edit === 'string') return { error: edit };
    edits.push(edit);
  }
  return { edits: edits.sort((a, b) => a.span.start - b.span.start) };
}
