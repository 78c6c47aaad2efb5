/** Edits that depend on the document's layout: indentation, line breaks, removing a whole statement. */
import type { Analysis } from '../model/types';
import type { Span } from '../syntax/span';
import { replace, type TextEdit } from '../syntax/textEdit';

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
