/** Checks a call's arguments against a catalog parameter list (language.md §3: positional first, then named). */
import { didYouMean, resolveParams } from '../catalog';
import type { ParamDef, ParamValue, ParamValues } from '../catalog/types';
import type { Diagnostic } from '../diagnostic';
import type { Arg, Call, Value } from '../syntax/ast';
import type { Span } from '../syntax/span';

export interface CheckedArgs {
  /** Every parameter, defaults filled in. */
  params: ParamValues;
  /** Only what the user wrote, valid values only. */
  explicit: ParamValues;
  /** Where each explicit argument was written. */
  spans: Record<string, Span>;
}

export function checkArgs(
  call: Call,
  defs: readonly ParamDef[],
  owner: string,
  diagnostics: Diagnostic[],
): CheckedArgs {
  const explicit: ParamValues = {};
  const spans: Record<string, Span> = {};
  const seen = new Set<string>();
  let sawNamed = false;
  call.args.forEach((arg, index) => {
    let def: ParamDef | undefined;
    if (arg.name) {
      sawNamed = true;
      def = defs.find((d) => d.name === arg.name!.text);
      if (!def) {
        diagnostics.push(unknownParameter(arg, defs, owner));
        return;
      }
    } else {
      if (sawNamed) {
        diagnostics.push({
          code: 'argument-order',
          severity: 'error',
          span: arg.span,
          message: `positional arguments must come before named ones — write '${defs[index]?.name ?? 'name'}: …' here`,
        });
        return;
      }
      def = defs[index];
      if (!def) {
        diagnostics.push({
          code: 'too-many-arguments',
          severity: 'error',
          span: arg.span,
          message:
            defs.length === 0
              ? `${owner} takes no arguments`
              : `${owner} takes at most ${defs.length} argument${defs.length > 1 ? 's' : ''} (${defs.map((d) => d.name).join(', ')})`,
        });
        return;
      }
    }
    if (seen.has(def.name)) {
      diagnostics.push({
        code: 'duplicate-argument',
        severity: 'error',
        span: arg.span,
        message: `'${def.name}' is given twice in ${owner}`,
      });
      return;
    }
    seen.add(def.name);
    if (!arg.value) return; // The parser already reported the missing value.
    const value = checkValue(arg.value, def, owner, diagnostics);
    if (value !== undefined) {
      explicit[def.name] = value;
      spans[def.name] = arg.span;
    }
  });
  for (const def of defs) {
    if (def.required && !seen.has(def.name)) {
      diagnostics.push({
        code: 'missing-argument',
        severity: 'error',
        span: call.span,
        message: `${owner} needs '${def.name}' — for example ${owner}(${defs
          .filter((d) => d.required)
          .map((d) => `${d.name}: ${example(d)}`)
          .join(', ')})`,
      });
    }
  }
  return { params: resolveParams(defs, explicit), explicit, spans };
}

function unknownParameter(arg: Arg, defs: readonly ParamDef[], owner: string): Diagnostic {
  const name = arg.name!.text;
  const suggestion = didYouMean(
    name,
    defs.map((d) => d.name),
  );
  const hint = suggestion
    ? ` — did you mean '${suggestion}'?`
    : defs.length
      ? ` — its parameters are ${defs.map((d) => `'${d.name}'`).join(', ')}`
      : ' — it takes no parameters';
  return {
    code: 'unknown-parameter',
    severity: 'error',
    span: arg.name!.span,
    message: `${owner} has no parameter '${name}'${hint}`,
    data: suggestion ? { suggestion } : undefined,
  };
}

/** Returns the value when it has the right type, reporting range problems (a value out of range is still kept). */
function checkValue(value: Value, def: ParamDef, owner: string, diagnostics: Diagnostic[]): ParamValue | undefined {
  const invalid = (message: string) => {
    diagnostics.push({ code: 'invalid-value', severity: 'error', span: value.span, message });
    return undefined;
  };
  switch (def.type) {
    case 'number':
    case 'int': {
      if (value.kind !== 'number' || !Number.isFinite(value.value))
        return invalid(`'${def.name}' of ${owner} expects a number, found ${describe(value)}`);
      if (def.type === 'int' && !Number.isInteger(value.value))
        return invalid(`'${def.name}' of ${owner} expects a whole number, found ${value.text}`);
      const problem = def.validate?.(value.value);
      if (problem)
        diagnostics.push({
          code: 'param-range',
          severity: problem.severity,
          span: value.span,
          message: problem.message,
        });
      return value.value;
    }
    case 'enum': {
      const text = value.kind === 'number' ? value.text : value.kind === 'string' ? value.value : value.text;
      if (!def.values?.includes(text)) {
        const suggestion = didYouMean(text, def.values ?? []);
        return invalid(
          `'${def.name}' of ${owner} must be one of ${(def.values ?? []).join(', ')}, found ${describe(value)}${suggestion ? ` — did you mean '${suggestion}'?` : ''}`,
        );
      }
      return text;
    }
    case 'string':
      if (value.kind !== 'string')
        return invalid(`'${def.name}' of ${owner} expects a string in double quotes, found ${describe(value)}`);
      return value.value;
  }
}

function describe(value: Value): string {
  return value.kind === 'string' ? `the string ${value.text}` : `'${value.text}'`;
}

function example(def: ParamDef): string {
  if (def.default !== undefined) return String(def.default);
  if (def.type === 'string') return '"…"';
  if (def.type === 'enum') return def.values?.[0] ?? '…';
  return def.type === 'int' ? '3' : '1.0';
}
