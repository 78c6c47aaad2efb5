/** Building blocks of the quick fixes: read facts from a diagnostic's `data`, turn them into edits. */
import { findTask } from '../../catalog';
import type { ParamDef, ParamValues, TaskKind } from '../../catalog/types';
import type { Diagnostic } from '../../diagnostic';
import type { Span } from '../../syntax/span';
import { setActivation, type ActivationTarget } from '../../model/activationTarget';
import { replace } from '../../syntax/textEdit';
import type { Fix } from '../types';

function isSpan(value: unknown): value is Span {
  const v = value as Span | undefined;
  return !!v && typeof v.start === 'number' && typeof v.end === 'number' && v.start <= v.end;
}

function isTarget(value: unknown): value is ActivationTarget {
  const v = value as ActivationTarget | undefined;
  return !!v && isSpan(v.span) && typeof v.insert === 'boolean';
}

/** The activation targets in `data.target` or `data.targets`. */
function targetsOf(diagnostic: Diagnostic, key: string = 'targets'): ActivationTarget[] {
  const data = diagnostic.data ?? {};
  const value = key === 'targets' && data.targets === undefined ? data.target : data[key];
  const list = Array.isArray(value) ? value : [value];
  return list.filter(isTarget);
}

/** A span stored in `data[key]`, when well formed. */
export function spanOf(diagnostic: Diagnostic, key: string): Span | undefined {
  const value = diagnostic.data?.[key];
  return isSpan(value) ? value : undefined;
}

export function stringOf(diagnostic: Diagnostic, key: string): string | undefined {
  const value = diagnostic.data?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** "Use NAME" over the targets of the diagnostic; undefined when it carries none. */
export function replaceActivationFix(
  diagnostic: Diagnostic,
  name: string,
  options: { preferred?: boolean; title?: string; id?: string; key?: string; note?: string } = {},
): Fix | undefined {
  const targets = targetsOf(diagnostic, options.key);
  if (targets.length === 0) return undefined;
  const layer = stringOf(diagnostic, 'layer');
  return {
    id: options.id ?? name,
    title:
      options.title ??
      (layer ? `Use ${name} in '${layer}'` : `Use ${name}`) + (options.note ? ` (${options.note})` : ''),
    edits: targets.map((t) => setActivation(t, name)),
    preferred: options.preferred,
  };
}

/** Replaces the text at `data[key]` by `newText`. */
export function replaceFix(
  diagnostic: Diagnostic,
  key: string,
  newText: string,
  id: string,
  title: string,
  preferred = false,
): Fix | undefined {
  const span = spanOf(diagnostic, key);
  return span ? { id, title, edits: [replace(span, newText)], preferred } : undefined;
}

/**
 * True when every written value passes its catalog range check (warnings pass). A fix must not carry a number
 * that the analysis would reject, so facts derived from a rejected value count as unknown.
 */
export function paramsValid(defs: readonly ParamDef[], values: ParamValues): boolean {
  return defs.every((def) => {
    const value = values[def.name];
    if (typeof value !== 'number' || !def.validate) return true;
    return def.validate(value)?.severity !== 'error';
  });
}

/** A unit count a fix may write: a whole number of at least 1 (as the analysis requires of `dense N`). */
export function validUnits(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

/**
 * The count of a multiclass(K) or multilabel(K) task when the catalog accepts it (classes ≥ 2, labels ≥ 1);
 * undefined when it is missing or invalid (the task line has its own error then).
 */
export function validTaskCount(kind: TaskKind, count: number | undefined): number | undefined {
  const param = findTask(kind)?.params[0];
  if (!param || count === undefined || !validUnits(count)) return undefined;
  return paramsValid([param], { [param.name]: count }) ? count : undefined;
}

/** Drops the undefined entries of a fix list. */
export function defined(fixes: Array<Fix | undefined>): Fix[] {
  return fixes.filter((f): f is Fix => !!f);
}
