/** Small builders for parameter definitions and their range checks, and default filling. */
import type { ParamDef, ParamValue, ParamValues } from './types';

export type RangeCheck = NonNullable<ParamDef['validate']>;
type Problem = ReturnType<RangeCheck>;

const error = (message: string): Problem => ({ message, severity: 'error' });
const warning = (message: string): Problem => ({ message, severity: 'warning' });

/** Runs the checks in order and returns the first problem. */
export function checks(...all: RangeCheck[]): RangeCheck {
  return (value) => {
    for (const check of all) {
      const problem = check(value);
      if (problem) return problem;
    }
    return undefined;
  };
}

/** value > 0; `hint` says what to write instead. */
export const positive =
  (name: string, hint: string): RangeCheck =>
  (v) =>
    v > 0 ? undefined : error(`${name} must be greater than 0, ${hint}`);

/** value ≥ 0. */
export const nonNegative =
  (name: string, hint: string): RangeCheck =>
  (v) =>
    v >= 0 ? undefined : error(`${name} must be 0 or more, ${hint}`);

/** 0 ≤ value < 1. */
export const unitInterval =
  (name: string, hint: string): RangeCheck =>
  (v) =>
    v >= 0 && v < 1 ? undefined : error(`${name} must be at least 0 and below 1, ${hint}`);

/** A whole number of at least `min`. */
export const wholeAtLeast =
  (name: string, min: number): RangeCheck =>
  (v) =>
    Number.isInteger(v) && v >= min ? undefined : error(`${name} must be a whole number ≥ ${min}`);

/** A warning once the value reaches `limit`. */
export const warnAtLeast =
  (limit: number, message: string): RangeCheck =>
  (v) =>
    v >= limit ? warning(message) : undefined;

export function numberParam(name: string, def: number, doc: string, validate?: RangeCheck): ParamDef {
  return { name, type: 'number', default: def, doc, validate };
}

/** An integer parameter with a default, or `required`, or `optional` (absent unless written). */
export function intParam(name: string, def: number | 'required' | 'optional', doc: string, min: number): ParamDef {
  const p: ParamDef = { name, type: 'int', doc, validate: wholeAtLeast(name, min) };
  if (def === 'required') p.required = true;
  else if (def !== 'optional') p.default = def;
  return p;
}

/**
 * All parameters with defaults filled in: the explicit values win, then each definition's default.
 * Parameters without a default that were not written stay absent.
 */
export function resolveParams(defs: readonly ParamDef[], explicit: ParamValues = {}): ParamValues {
  const out: ParamValues = {};
  for (const def of defs) {
    const value: ParamValue | undefined = Object.prototype.hasOwnProperty.call(explicit, def.name)
      ? explicit[def.name]
      : def.default;
    if (value !== undefined) out[def.name] = value;
  }
  return out;
}

/** Reads a numeric parameter, falling back to its definition's default when it is missing or not a number. */
export function numberValue(params: ParamValues, def: ParamDef): number {
  return numberOf(params, def.name, typeof def.default === 'number' ? def.default : NaN);
}

/** Reads a numeric parameter, falling back to `fallback` when it is missing or not a number. */
export function numberOf(params: ParamValues, name: string, fallback: number): number {
  const v = params[name];
  return typeof v === 'number' && !Number.isNaN(v) ? v : fallback;
}
