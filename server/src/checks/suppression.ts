/**
 * Suppression comments: `# nn-ignore: CODE[, CODE]` silences those codes on its own line,
 * `# nn-ignore-next-line: CODE[, CODE]` on the next line that holds code (blank and comment-only lines are skipped). Text after the list is free (a reason, say).
 * A listed code that silences nothing, or that NN Studio does not know, is itself reported as a hint.
 */
import type { Analysis } from '../model/types';
import { didYouMean } from '../catalog';
import type { Diagnostic } from '../diagnostic';
import type { Span } from '../syntax/span';

export interface SuppressedCode {
  code: string;
  span: Span;
}

export interface Directive {
  kind: 'line' | 'next-line';
  /** The line (0-based) whose diagnostics it silences. */
  targetLine: number;
  /** The whole comment, `#` included. */
  commentSpan: Span;
  codes: SuppressedCode[];
}

const DIRECTIVE = /^\s*nn-ignore(-next-line)?\s*:/;
const FIRST_CODE = /^\s*([A-Za-z0-9_-]+)/;
const NEXT_CODE = /^\s*,\s*([A-Za-z0-9_-]+)/;

/** The first line after `line` that holds code: blank and comment-only lines are skipped. */
function nextCodeLine(analysis: Pick<Analysis, 'text' | 'lines'>, line: number): number {
  let next = line + 1;
  while (
    next < analysis.lines.lineCount - 1 &&
    /^\s*(#.*)?$/.test(analysis.text.slice(analysis.lines.lineStart(next), analysis.lines.lineEnd(next)))
  )
    next++;
  return next;
}

/** Reads every suppression directive of the file. */
export function parseDirectives(analysis: Pick<Analysis, 'file' | 'lines' | 'text'>): Directive[] {
  const directives: Directive[] = [];
  for (const comment of analysis.file.comments) {
    const head = DIRECTIVE.exec(comment.text);
    if (!head) continue;
    const textStart = comment.span.start + 1;
    const codes: SuppressedCode[] = [];
    let at = head[0].length;
    let match = FIRST_CODE.exec(comment.text.slice(at));
    while (match) {
      const start = textStart + at + match[0].length - match[1].length;
      codes.push({ code: match[1], span: { start, end: start + match[1].length } });
      at += match[0].length;
      match = NEXT_CODE.exec(comment.text.slice(at));
    }
    const line = analysis.lines.positionAt(comment.span.start).line;
    directives.push({
      kind: head[1] ? 'next-line' : 'line',
      targetLine: head[1] ? nextCodeLine(analysis, line) : line,
      commentSpan: comment.span,
      codes,
    });
  }
  return directives;
}

export interface SuppressionResult {
  /** The diagnostics that are not silenced. */
  kept: Diagnostic[];
  /** unused-suppression and unknown-suppression hints. */
  hints: Diagnostic[];
}

/**
 * Drops the diagnostics that a directive silences and reports the directives that do nothing.
 * `known` tells which codes exist; `off` lists codes turned off in settings (never called unused).
 */
export function applySuppressions(
  analysis: Pick<Analysis, 'file' | 'lines' | 'text'>,
  diagnostics: Diagnostic[],
  known: ReadonlySet<string>,
  off: ReadonlySet<string>,
): SuppressionResult {
  const directives = parseDirectives(analysis);
  if (!directives.length) return { kept: diagnostics, hints: [] };
  const byLine = new Map<number, Array<{ directive: Directive; entry: SuppressedCode }>>();
  for (const directive of directives) {
    for (const entry of directive.codes) {
      const list = byLine.get(directive.targetLine) ?? [];
      list.push({ directive, entry });
      byLine.set(directive.targetLine, list);
    }
  }
  const used = new Set<SuppressedCode>();
  const kept = diagnostics.filter((d) => {
    const matches = (byLine.get(analysis.lines.positionAt(d.span.start).line) ?? []).filter(
      ({ entry }) => entry.code === d.code,
    );
    for (const { entry } of matches) used.add(entry);
    return matches.length === 0;
  });
  const hints: Diagnostic[] = [];
  const knownList = [...known];
  for (const directive of directives) {
    if (directive.codes.length === 0) {
      hints.push({
        code: 'unknown-suppression',
        severity: 'hint',
        span: directive.commentSpan,
        source: 'nn',
        message: `this ${directive.kind === 'line' ? 'nn-ignore' : 'nn-ignore-next-line'} comment names no code — write one, e.g. '# nn-ignore: sigmoid-hidden'`,
        data: { remove: removalOf(analysis, directive, undefined) },
      });
      continue;
    }
    for (const entry of directive.codes) {
      if (!known.has(entry.code)) {
        const suggestion = didYouMean(entry.code, knownList);
        hints.push({
          code: 'unknown-suppression',
          severity: 'hint',
          span: entry.span,
          source: 'nn',
          message:
            `'${entry.code}' is not a code NN Studio reports` +
            (suggestion ? ` — did you mean '${suggestion}'?` : ' — see docs/checks.md for the list'),
          data: { suggestion, span: entry.span, remove: removalOf(analysis, directive, entry) },
        });
      } else if (!used.has(entry) && !off.has(entry.code)) {
        const where = directive.kind === 'line' ? 'on this line' : 'on the next line';
        hints.push({
          code: 'unused-suppression',
          severity: 'hint',
          span: entry.span,
          source: 'nn',
          tags: ['unnecessary'],
          message: `nothing reports '${entry.code}' ${where}, so this suppression does nothing — remove it`,
          data: { remove: removalOf(analysis, directive, entry) },
        });
      }
    }
  }
  return { kept, hints };
}

/** The span to delete to take `entry` out of its directive (the whole comment when it is the only code). */
function removalOf(
  analysis: Pick<Analysis, 'text' | 'lines'>,
  directive: Directive,
  entry: SuppressedCode | undefined,
): Span {
  const { codes, commentSpan } = directive;
  const index = entry ? codes.indexOf(entry) : -1;
  if (codes.length <= 1 || index < 0) return removeComment(analysis, commentSpan);
  if (index > 0) return { start: codes[index - 1].span.end, end: entry!.span.end };
  return { start: entry!.span.start, end: codes[1].span.start };
}

/** The comment with the blanks before it; the whole line when nothing else is on it. */
function removeComment(analysis: Pick<Analysis, 'text' | 'lines'>, comment: Span): Span {
  const { text, lines } = analysis;
  const line = lines.positionAt(comment.start).line;
  const lineStart = lines.lineStart(line);
  const before = text.slice(lineStart, comment.start);
  if (/^[ \t]*$/.test(before)) {
    const next = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : lines.lineEnd(line);
    return { start: lineStart, end: next };
  }
  const blanks = /[ \t]*$/.exec(before)![0].length;
  return { start: comment.start - blanks, end: comment.end };
}
