/** Converts core values (offset spans, core diagnostics) to LSP values. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import type { Diagnostic } from '../diagnostic';
import type { LineIndex } from '../syntax/lineIndex';
import type { Span } from '../syntax/span';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toLspDiagnostic(
  diagnostic: Diagnostic,
  lines: LineIndex,
  uri: string,
  docsUrl?: (code: string) => string | undefined,
): LspDiagnostic {
  const href = docsUrl?.(diagnostic.code);
  return {
    range: toRange(lines, diagnostic.span),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    codeDescription: href ? { href } : undefined,
    source: diagnostic.source ?? 'nn',
    message: diagnostic.message,
    relatedInformation: diagnostic.related?.map((r) => ({
      location: { uri, range: toRange(lines, r.span) },
      message: r.message,
    })),
    tags: diagnostic.tags?.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)),
    data: diagnostic.data,
  };
}
