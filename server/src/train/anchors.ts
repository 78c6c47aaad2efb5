/**
 * Ties diagnostics found by a training run (its findings, and problems with data read for it) to lines
 * of the document they came from, so they stay visible until that line changes. A diagnostic follows its
 * line when lines are inserted or removed above it.
 */
import type { Diagnostic } from '../diagnostic';
import type { ModelInfo, TrainInfo } from '../model/types';
import type { TrainingFinding } from '../protocol';

export interface AnchoredFinding {
  /** Everything but the span, which is recomputed from the line. */
  diagnostic: Omit<Diagnostic, 'span'>;
  /** Zero-based line the diagnostic sits on. */
  line: number;
  /** The text of that line when the run started. */
  lineText: string;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Anchors diagnostics (with spans in `text`) on the lines where they start. */
export function anchorDiagnostics(diagnostics: Diagnostic[], text: string): AnchoredFinding[] {
  const starts = lineStarts(text);
  const lines = splitLines(text);
  return diagnostics.map(({ span, ...rest }) => {
    const line = lineOf(starts, span.start);
    return { diagnostic: rest, line, lineText: lines[line] ?? '' };
  });
}

/** Anchors training findings on their layer's line, or on the train block's first line for run-wide findings. */
export function anchorFindings(
  findings: TrainingFinding[],
  model: ModelInfo,
  train: TrainInfo,
  text: string,
): AnchoredFinding[] {
  return anchorDiagnostics(
    findings.map((finding) => {
      const layer = finding.sourceIndex !== undefined ? model.layers[finding.sourceIndex] : undefined;
      const start = layer ? layer.span.start : train.decl.span.start;
      return {
        code: finding.code,
        severity: finding.severity,
        message: finding.message,
        span: { start, end: start },
        source: 'nn-train' as const,
        data: { epoch: finding.epoch, layer: finding.layer },
      };
    }),
    text,
  );
}

/**
 * Finds each anchored line in the current text: the same line if its text is unchanged, otherwise the
 * nearest line with exactly that text; diagnostics whose line is gone are dropped. Returns the survivors
 * and their diagnostics (spanning the line's text without its indentation).
 */
export function relocate(
  anchored: AnchoredFinding[],
  text: string,
): { kept: AnchoredFinding[]; diagnostics: Diagnostic[] } {
  const lines = splitLines(text);
  const starts = lineStarts(text);
  const kept: AnchoredFinding[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const a of anchored) {
    let line = lines[a.line] === a.lineText ? a.line : -1;
    for (let d = 1; line < 0 && (a.line - d >= 0 || a.line + d < lines.length); d++) {
      if (lines[a.line - d] === a.lineText) line = a.line - d;
      else if (lines[a.line + d] === a.lineText) line = a.line + d;
    }
    if (line < 0 || a.lineText.trim() === '') continue;
    kept.push({ ...a, line });
    const indent = a.lineText.length - a.lineText.trimStart().length;
    diagnostics.push({
      ...a.diagnostic,
      span: { start: starts[line] + indent, end: starts[line] + a.lineText.trimEnd().length },
    });
  }
  return { kept, diagnostics };
}
