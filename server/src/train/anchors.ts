/**
 * Ties training findings to lines of the document they came from, so they can be shown as diagnostics
 * until that line changes. A finding follows its line when lines are inserted or removed above it.
 */
import type { Diagnostic } from '../diagnostic';
import type { ModelInfo, TrainInfo } from '../model/types';
import type { TrainingFinding } from '../protocol';

export interface AnchoredFinding {
  finding: TrainingFinding;
  /** Zero-based line the finding sits on. */
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

/** Anchors each finding on its layer's line, or on the train block's first line for run-wide findings. */
export function anchorFindings(findings: TrainingFinding[], model: ModelInfo, train: TrainInfo, text: string): AnchoredFinding[] {
  const starts = lineStarts(text);
  const lines = splitLines(text);
  const lineOf = (offset: number): number => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return line;
  };
  return findings.map((finding) => {
    const layer = finding.sourceIndex !== undefined ? model.layers[finding.sourceIndex] : undefined;
    const line = lineOf(layer ? layer.span.start : train.decl.span.start);
    return { finding, line, lineText: lines[line] ?? '' };
  });
}

/**
 * Finds each anchored line in the current text: the same line if its text is unchanged, otherwise the
 * nearest line with exactly that text; findings whose line is gone are dropped. Returns the survivors and
 * their diagnostics (spanning the line's text without its indentation).
 */
export function relocate(anchored: AnchoredFinding[], text: string): { kept: AnchoredFinding[]; diagnostics: Diagnostic[] } {
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
    const start = starts[line] + indent;
    diagnostics.push({
      code: a.finding.code,
      severity: a.finding.severity,
      message: a.finding.message,
      span: { start, end: starts[line] + a.lineText.trimEnd().length },
      source: 'nn-train',
      data: { epoch: a.finding.epoch, layer: a.finding.layer },
    });
  }
  return { kept, diagnostics };
}
