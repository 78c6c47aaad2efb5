/** Text edits as pure values: build them from the analysis, apply them to a string. */
import type { Analysis } from '../analysis';
import type { Span } from '../syntax/span';
import type { ActivationTarget, TextEdit } from './types';

export function replace(span: Span, newText: string): TextEdit {
  return { span: { start: span.start, end: span.end }, newText };
}

export function insert(offset: number, newText: string): TextEdit {
  return { span: { start: offset, end: offset }, newText };
}

/** Writes `name` as the activation of a layer (replacing the one written, or adding one). */
export function setActivation(target: ActivationTarget, name: string): TextEdit {
  return target.insert ? insert(target.span.start, ` ${name}`) : replace(target.span, name);
}

/** Two edits overlap when they touch the same text (two inserts at one offset count as overlapping). */
export function overlaps(a: TextEdit, b: TextEdit): boolean {
  const aInserts = a.span.start === a.span.end;
  const bInserts = b.span.start === b.span.end;
  if (aInserts && bInserts) return a.span.start === b.span.start;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

export function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;
}

/** Applies non-overlapping edits (all offsets refer to the original text). Throws on overlap: that is a bug in a fix. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let i = 1; i < sorted.length; i++) {
    if (overlaps(sorted[i - 1], sorted[i])) throw new Error(`overlapping edits at ${sorted[i].span.start}`);
  }
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.span.start) + edit.newText;
    at = edit.span.end;
  }
  return out + text.slice(at);
}

/** The whitespace that starts the line holding `offset`. */
export function indentAt(analysis: Pick<Analysis, 'text' | 'lines'>, offset: number): string {
  const line = analysis.lines.positionAt(offset).line;
  const start = analysis.lines.lineStart(line);
  const end = analysis.lines.lineEnd(line);
  return /^[ \t]*/.exec(analysis.text.slice(start, end))![0];
}

/** The line break the document uses (the first one found; `\n` when none). */
export function eol(text: string): string {
  const match = /\r\n|\n|\r/.exec(text);
  return match ? match[0] : '\n';
}

/**
 * Removes a statement. When it is alone on its line (maybe with a trailing comment), the whole line goes;
 * otherwise just the statement and a `;` after it.
 */
export function removeStatement(analysis: Pick<Analysis, 'text' | 'lines'>, span: Span): TextEdit {
  const { text, lines } = analysis;
  const line = lines.positionAt(span.start).line;
  const lastLine = lines.positionAt(span.end).line;
  const start = lines.lineStart(line);
  const end = lines.lineEnd(lastLine);
  const before = text.slice(start, span.start);
  const after = text.slice(span.end, end);
  if (/^[ \t]*$/.test(before) && /^[ \t]*(#.*)?$/.test(after)) {
    const next = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : end;
    return replace({ start, end: next }, '');
  }
  const tail = /^[ \t]*;?[ \t]*/.exec(after)![0];
  return replace({ start: span.start, end: span.end + tail.length }, '');
}
