/** Helpers shared by the model and train analyses. */
import type { Diagnostic } from '../diagnostic';
import type { NumberValue } from '../syntax/ast';
import type { Span } from '../syntax/span';

/** Reports the second and later occurrences of a statement that may appear once per block. */
export class SingletonTracker {
  private readonly first = new Map<string, Span>();

  constructor(
    private readonly blockName: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** True when this is the first `keyword` in the block. */
  accept(keyword: string, span: Span): boolean {
    const earlier = this.first.get(keyword);
    if (!earlier) {
      this.first.set(keyword, span);
      return true;
    }
    this.diagnostics.push({
      code: 'duplicate-statement',
      severity: 'error',
      span,
      message: `'${keyword}' is already set in ${this.blockName} — keep one`,
      related: [{ span: earlier, message: `first '${keyword}' here` }],
    });
    return false;
  }
}

export interface NumberRule {
  what: string;
  integer?: boolean;
  min?: number;
  /** Exclusive upper bound. */
  below?: number;
  /** Exclusive lower bound. */
  above?: number;
}

/** Checks a number against a rule; returns it when usable (out-of-range values are reported and still returned). */
export function checkNumber(
  value: NumberValue | undefined,
  rule: NumberRule,
  diagnostics: Diagnostic[],
): number | undefined {
  if (!value || !Number.isFinite(value.value)) return undefined;
  const n = value.value;
  if (rule.integer && !Number.isInteger(n)) {
    diagnostics.push({
      code: 'invalid-value',
      severity: 'error',
      span: value.span,
      message: `${rule.what} must be a whole number, found ${value.text}`,
    });
    return undefined;
  }
  const outOfRange =
    (rule.min !== undefined && n < rule.min) ||
    (rule.above !== undefined && n <= rule.above) ||
    (rule.below !== undefined && n >= rule.below);
  if (outOfRange) {
    diagnostics.push({
      code: 'param-range',
      severity: 'error',
      span: value.span,
      message: `${rule.what} must be ${describeRange(rule)}, found ${value.text}`,
    });
  }
  return n;
}

function describeRange(rule: NumberRule): string {
  if (rule.min !== undefined && rule.below !== undefined) return `in [${rule.min}, ${rule.below})`;
  const bounds: string[] = [];
  if (rule.min !== undefined) bounds.push(`≥ ${rule.min}`);
  if (rule.above !== undefined) bounds.push(`> ${rule.above}`);
  if (rule.below !== undefined) bounds.push(`< ${rule.below}`);
  return bounds.join(' and ');
}
