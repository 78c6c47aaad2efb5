/**
 * A half-open range [start, end) of UTF-16 code unit offsets into the document text.
 * JavaScript strings are UTF-16, so string indices are already what LSP positions count.
 */
export interface Span {
  start: number;
  end: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

export function contains(outer: Span, offset: number): boolean {
  return offset >= outer.start && offset <= outer.end;
}
