/**
 * The text edits that write one train setting into the file, so the panel's fields edit the `.nn` file
 * instead of keeping a copy of their own. An existing statement is replaced; a missing one is inserted in the
 * order the spec's examples use, indented like its block and with the file's line ends. A change is refused
 * when its value is out of range or when the edited file would have more errors than before.
 */
import { analyze, type Analysis } from '../../analysis';
import { DATASETS, findDataset, isFeatureName } from '../../catalog';
import type { Call, ModelDecl, TrainDecl } from '../../syntax/ast';
import type { Span } from '../../syntax/span';
import { applyEdits, insert, replace, type TextEdit } from '../../syntax/textEdit';
import type { TrainSettingChange } from '../../protocol';

export type SettingEditsResult = { edits: TextEdit[] } | { error: string };

/** Where a missing train statement goes: after the statements listed before it here. */
const TRAIN_ORDER = ['data', 'features', 'epochs', 'batch', 'lr', 'validation', 'seed', 'normalize'] as const;

const MAX_COUNT = 1_000_000;
const MAX_SEED = 2 ** 31 - 1;

/** Why the value does not fit its setting, or undefined when it does. */
function valueProblem(change: TrainSettingChange): string | undefined {
  const isInt = (v: number, min: number, max: number): boolean => Number.isInteger(v) && v >= min && v <= max;
  switch (change.key) {
    case 'epochs':
    case 'batch':
      return isInt(change.value, 1, MAX_COUNT)
        ? undefined
        : `${change.key} must be a whole number from 1 to ${MAX_COUNT}`;
    case 'seed':
      return isInt(change.value, 0, MAX_SEED) ? undefined : `the seed must be a whole number from 0 to ${MAX_SEED}`;
    case 'lr':
      return change.value > 0 && Number.isFinite(change.value)
        ? undefined
        : 'the learning rate must be a positive number';
    case 'validation':
      return change.value >= 0 && change.value < 1
        ? undefined
        : 'the validation fraction must be at least 0 and below 1';
    case 'normalize':
      return typeof change.value === 'boolean' ? undefined : 'normalize is on or off';
    case 'features': {
      const names = change.value;
      if (names.length === 0) return 'at least one feature is needed';
      const unknown = names.find((n) => !isFeatureName(n));
      if (unknown !== undefined) return `unknown feature '${unknown}'`;
      return new Set(names).size === names.length ? undefined : 'each feature may be listed once';
    }
    case 'data': {
      const def = findDataset(change.value.name);
      if (!def || def.kind !== 'toy') return `'${change.value.name}' is not a toy dataset`;
      for (const [name, value] of Object.entries(change.value.args)) {
        if (!def.params.some((p) => p.name === name)) return `${def.name} has no parameter '${name}'`;
        if (!Number.isFinite(value)) return `${name} must be a number`;
      }
      return undefined;
    }
    case 'regularize':
      if (change.value === null) return undefined;
      return change.value.amount >= 0 && Number.isFinite(change.value.amount)
        ? undefined
        : 'the amount must be 0 or more';
  }
}

/** The names of a call's arguments as written (positional ones named after the dataset's parameters). */
function writtenArgs(call: Call | undefined, params: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  call?.args.forEach((arg, i) => {
    const name = arg.name?.text ?? params[i];
    if (name && arg.value) out.set(name, arg.value.text);
  });
  return out;
}

/** The `data` call with the new name and arguments, keeping the arguments the new dataset also takes. */
function dataText(decl: TrainDecl, change: Extract<TrainSettingChange, { key: 'data' }>): string {
  const def = findDataset(change.value.name)!;
  const statement = decl.body.find((s) => s.kind === 'data');
  const oldCall = statement?.kind === 'data' ? statement.call : undefined;
  const oldDef = oldCall && DATASETS.find((d) => d.name === oldCall.name.text);
  const kept = writtenArgs(oldCall, oldDef?.params.map((p) => p.name) ?? []);
  const args: string[] = [];
  for (const param of def.params) {
    const value = Object.prototype.hasOwnProperty.call(change.value.args, param.name)
      ? String(change.value.args[param.name])
      : kept.get(param.name);
    if (value !== undefined) args.push(`${param.name}: ${value}`);
  }
  return args.length > 0 ? `${def.name}(${args.join(', ')})` : def.name;
}

/** The statement as the formatter writes it. */
function statementText(decl: TrainDecl, change: TrainSettingChange): string {
  switch (change.key) {
    case 'normalize':
      return `normalize ${change.value ? 'on' : 'off'}`;
    case 'features':
      return `features ${change.value.join(', ')}`;
    case 'data':
      return `data ${dataText(decl, change)}`;
    case 'regularize':
      return change.value ? `regularize ${change.value.kind}(${change.value.amount})` : '';
    default:
      return `${change.key} ${String(change.value)}`;
  }
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The whitespace before a statement when it starts its line; otherwise two spaces. */
function indentOf(text: string, span: Span | undefined): string {
  if (!span) return '  ';
  const before = text.slice(lineStartOf(text, span.start), span.start);
  return before.trim() === '' && before.length > 0 ? before : '  ';
}

/** Inserts a new statement line: after `after` when given, else as the block's first statement. */
function insertLine(
  text: string,
  block: { open?: Span; close?: Span; body: readonly { span: Span }[] },
  after: Span | undefined,
  line: string,
): TextEdit | string {
  if (!block.open || !block.close) return 'the block is not closed';
  const eol = eolOf(text);
  const indent = indentOf(text, block.body[0]?.span);
  if (after) return insert(after.end, `${eol}${indent}${line}`);
  const first = block.body[0];
  if (first) {
    const start = lineStartOf(text, first.span.start);
    return start > block.open.end
      ? insert(start, `${indent}${line}${eol}`)
      : insert(first.span.start, `${line}${eol}${indent}`);
  }
  const between = text.slice(block.open.end, block.close.start);
  if (!between.includes('\n'))
    return replace({ start: block.open.end, end: block.close.start }, `${eol}${indent}${line}${eol}`);
  return insert(block.open.end, `${eol}${indent}${line}`);
}

/** Removes a statement with its line when it has the line to itself. */
function removeLine(text: string, span: Span): TextEdit {
  const start = lineStartOf(text, span.start);
  const lineEnd = text.indexOf('\n', span.end);
  const end = lineEnd < 0 ? text.length : lineEnd + 1;
  const alone = text.slice(start, span.start).trim() === '' && text.slice(span.end, end).trim() === '';
  return alone ? replace({ start, end }, '') : replace(span, '');
}

function trainEdit(
  text: string,
  decl: TrainDecl,
  change: Exclude<TrainSettingChange, { key: 'regularize' }>,
): TextEdit | string {
  const line = statementText(decl, change);
  const existing = decl.body.find((s) => s.kind === change.key);
  if (existing) return replace(existing.span, line);
  const rank = TRAIN_ORDER.indexOf(change.key);
  const before = decl.body.filter((s) => TRAIN_ORDER.indexOf(s.kind) < rank).at(-1);
  return insertLine(text, decl, before?.span, line);
}

function regularizeEdit(
  text: string,
  decl: ModelDecl,
  change: Extract<TrainSettingChange, { key: 'regularize' }>,
): TextEdit | string | undefined {
  const existing = decl.body.find((s) => s.kind === 'regularize');
  if (!change.value) return existing ? removeLine(text, existing.span) : undefined;
  const line = statementText({} as TrainDecl, change);
  if (existing) return replace(existing.span, line);
  // After the optimizer (or the loss), else at the end of the model.
  const anchor =
    decl.body.find((s) => s.kind === 'optimizer') ?? decl.body.find((s) => s.kind === 'loss') ?? decl.body.at(-1);
  return insertLine(text, decl, anchor?.span, line);
}

/**
 * The model's `input` set to the number of features, so a toggled feature keeps the file valid (Playground's
 * feature checkboxes change the network's inputs the same way). None when `input` is not written or already fits.
 */
function inputEdit(text: string, decl: ModelDecl | undefined, count: number): TextEdit | undefined {
  const input = decl?.body.find((s) => s.kind === 'input');
  if (input?.kind !== 'input' || !input.value || Number(input.value.text) === count) return undefined;
  return replace(input.span, `input ${count}`);
}

function errorCount(analysis: Analysis): number {
  return analysis.diagnostics.filter((d) => d.severity === 'error').length;
}

/**
 * The edits that write `change` into the train block of model `modelName` (its model block for `regularize`;
 * `features` also sets the model's `input` to their number).
 */
export function settingEdits(analysis: Analysis, modelName: string, change: TrainSettingChange): SettingEditsResult {
  const problem = valueProblem(change);
  if (problem) return { error: problem };
  const text = analysis.text;
  let edit: TextEdit | string | undefined;
  let widthEdit: TextEdit | undefined;
  if (change.key === 'regularize') {
    const model = analysis.semantic.models.find((m) => m.name === modelName);
    if (!model) return { error: `no model named '${modelName}' in this file` };
    edit = regularizeEdit(text, model.decl, change);
  } else {
    const train = analysis.semantic.trains.find((t) => t.modelName === modelName);
    if (!train) return { error: `model '${modelName}' has no train block` };
    edit = trainEdit(text, train.decl, change);
    if (change.key === 'features') widthEdit = inputEdit(text, train.model?.decl, change.value.length);
  }
  if (edit === undefined) return { edits: [] };
  if (typeof edit === 'string') return { error: edit };
  const edits = widthEdit ? [widthEdit, edit] : [edit];
  // Never write a file with more errors than it had: both texts are analysed the same way (no data paths).
  const after = analyze(applyEdits(text, edits));
  if (errorCount(after) > errorCount(analyze(text))) {
    const first = after.diagnostics.find((d) => d.severity === 'error');
    return { error: `that change would make the file invalid${first ? `: ${first.message}` : ''}` };
  }
  return { edits };
}
