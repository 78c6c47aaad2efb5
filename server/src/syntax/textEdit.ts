/** Text edits as pure values over UTF-16 offsets: the one edit type of the core, and how to apply a set of them. */
import type { Span } from './span';

/** Replace the text in `span` by `newText` (an empty span inserts). */
export interface TextEdit {
  span: Span;
  newText: string;
}

export function replace(span: Span, newText: string): TextEdit {
  return { span: { start: span.start, end: span.end }, newText };
}

export function insert(offset: number, newText: string): TextEdit {
  return { span: { start: offset, end: offset }, newText };
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
