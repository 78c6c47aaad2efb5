/**
 * The one entry point of the core: text in, everything the features need out.
 * Pure and synchronous; callers cache the result per document version.
 */
import { runChecks, type CheckSettings } from './checks';
import type { Diagnostic } from './diagnostic';
import { analyzeSemantics, type SemanticOptions } from './model/analyze';
import type { Analysis } from './model/types';
import { LineIndex } from './syntax/lineIndex';
import { parse } from './syntax/parser';

export interface AnalyzeOptions extends SemanticOptions {
  /** Severity overrides and thresholds of the checks (editor settings). */
  checks?: Partial<CheckSettings>;
}

export type { Analysis };

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const file = parse(text);
  const { semantic, diagnostics: semanticDiagnostics } = analyzeSemantics(file, options);
  const base: Analysis = {
    text,
    file,
    semantic,
    lines: new LineIndex(text),
    diagnostics: [...file.errors.map((e): Diagnostic => ({ ...e, severity: 'error' })), ...semanticDiagnostics],
  };
  base.diagnostics = runChecks(base, options.checks ?? {});
  base.diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (const d of base.diagnostics) d.source ??= 'nn';
  return base;
}
