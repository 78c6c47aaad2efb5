/**
 * Go to definition, find references and rename for model names (declared by `model`, used by `train`)
 * and layer labels (declared once, unique in their model).
 */
import type { Analysis } from '../analysis';
import type { ModelDecl } from '../syntax/ast';
import type { Span } from '../syntax/span';
import type { TextEdit } from '../syntax/textEdit';
import { occurrenceAt, type Occurrence } from './locate';

/** A symbol that can be navigated: a model (by its declaration) or a layer label. */
type Target =
  | { kind: 'model'; name: string; decl?: ModelDecl; span: Span }
  | { kind: 'label'; name: string; decl: ModelDecl; span: Span };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function targetOf(analysis: Analysis, o: Occurrence | undefined): Target | undefined {
  if (!o) return undefined;
  const name = analysis.text.slice(o.span.start, o.span.end);
  if (o.kind === 'modelName' && o.decl.kind === 'model') return { kind: 'model', name, decl: o.decl, span: o.span };
  if (o.kind === 'modelRef') return { kind: 'model', name, decl: o.model?.decl, span: o.span };
  if (o.kind === 'label' && o.decl.kind === 'model') return { kind: 'label', name, decl: o.decl, span: o.span };
  return undefined;
}

/** The declaration of the name under the cursor. */
export function definitionAt(analysis: Analysis, offset: number): Span | undefined {
  const target = targetOf(analysis, occurrenceAt(analysis, offset));
  if (!target) return undefined;
  if (target.kind === 'label') return target.span;
  return target.decl?.name?.span;
}

function modelReferences(
  analysis: Analysis,
  name: string,
  decl: ModelDecl | undefined,
  includeDeclaration: boolean,
): Span[] {
  const spans: Span[] = [];
  if (includeDeclaration && decl?.name) spans.push(decl.name.span);
  for (const train of analysis.semantic.trains) {
    if (train.decl.name && train.modelName === name) spans.push(train.decl.name.span);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Every place the name under the cursor is written. */
export function referencesAt(analysis: Analysis, offset: number, includeDeclaration = true): Span[] {
  const target = targetOf(analysis, occurrenceAt(analysis, offset));
  if (!target) return [];
  if (target.kind === 'label') return includeDeclaration ? [target.span] : [];
  return modelReferences(analysis, target.name, target.decl, includeDeclaration);
}

/** The span of the name to rename, or why there is nothing to rename at the cursor. */
export function prepareRename(
  analysis: Analysis,
  offset: number,
): { span: Span; placeholder: string } | { error: string } {
  const target = targetOf(analysis, occurrenceAt(analysis, offset));
  if (!target) return { error: 'Only model names and layer labels can be renamed.' };
  return { span: target.span, placeholder: target.name };
}

/** The edits that rename the model or label under the cursor, or why they cannot be made. */
export function renameAt(
  analysis: Analysis,
  offset: number,
  newName: string,
): { edits: TextEdit[] } | { error: string } {
  const target = targetOf(analysis, occurrenceAt(analysis, offset));
  if (!target) return { error: 'Only model names and layer labels can be renamed.' };
  if (!IDENTIFIER.test(newName))
    return { error: `'${newName}' is not a valid name — use letters, digits and _, not starting with a digit.` };
  if (newName === target.name) return { edits: [] };
  if (target.kind === 'model') {
    if (analysis.semantic.models.some((m) => m.name === newName))
      return { error: `A model named '${newName}' already exists in this file.` };
    return {
      edits: modelReferences(analysis, target.name, target.decl, true).map((span) => ({ span, newText: newName })),
    };
  }
  const model = analysis.semantic.models.find((m) => m.decl === target.decl);
  if (model?.layers.some((l) => l.name === newName))
    return { error: `'${newName}' already names a layer of model '${model.name}'.` };
  return { edits: [{ span: target.span, newText: newName }] };
}
