/**
 * The longer explanation of a check, shown when the cursor rests on one of its findings (rules.md: the
 * explanation is shown on hover of the diagnostic; the editor itself shows the one-line message).
 */
import type { Analysis } from '../analysis';
import { findCheck } from '../checks';
import type { Span } from '../syntax/span';
import { code } from './markdown';

export interface DiagnosticExplanation {
  markdown: string;
  /** The range of the first finding under the cursor. */
  span: Span;
}

export function diagnosticExplanation(analysis: Analysis, offset: number): DiagnosticExplanation | undefined {
  const seen = new Set<string>();
  const parts: string[] = [];
  let span: Span | undefined;
  for (const diagnostic of analysis.diagnostics) {
    if (offset < diagnostic.span.start || offset > diagnostic.span.end || seen.has(diagnostic.code)) continue;
    const check = findCheck(diagnostic.code);
    if (!check) continue;
    seen.add(check.code);
    span ??= diagnostic.span;
    parts.push(`**Why ${code(check.code)}** — ${check.title}\n\n${check.explanation}`);
  }
  return span ? { markdown: parts.join('\n\n'), span } : undefined;
}
