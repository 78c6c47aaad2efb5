/**
 * The quick fixes of a diagnostic, and "fix all". Fixes dispatch on the diagnostic's code and read its `data`;
 * every check also gets "ignore on this line". All of it is pure: edits over the analysed text.
 */
import type { Analysis } from '../model/types';
import type { Diagnostic } from '../diagnostic';
import { insert, overlaps, replace, sameEdit, type TextEdit } from '../syntax/textEdit';
import { eol, indentAt } from './edits';
import { CORE_CODES } from './knownCodes';
import { findCheck } from './registry';
import { parseDirectives } from './suppression';
import type { Fix } from './types';
import type { Span } from '../syntax/span';

const CORE = new Set(CORE_CODES.map((c) => c.code));

/** Every fix for one diagnostic: the check's own, then "ignore on this line". */
export function fixesFor(diagnostic: Diagnostic, analysis: Analysis): Fix[] {
  const def = findCheck(diagnostic.code);
  const fixes: Fix[] = [];
  try {
    if (def?.fix) fixes.push(...def.fix(diagnostic, analysis));
  } catch {
    // A broken fix is left out; the others are still offered.
  }
  const suggestion = diagnostic.data?.suggestion;
  if (CORE.has(diagnostic.code) && typeof suggestion === 'string') {
    fixes.push({
      id: 'suggestion',
      title: `Change to '${suggestion}'`,
      edits: [replace(spanOfData(diagnostic.data?.suggestionSpan) ?? diagnostic.span, suggestion)],
      preferred: true,
    });
  }
  if (def && def.emittedBy !== 'suppression') {
    const ignore = ignoreFix(diagnostic, analysis);
    if (ignore) fixes.push(ignore);
  }
  return fixes;
}

/**
 * "Ignore CODE on this line": extends an `nn-ignore` comment already on the line, or adds one at its end. A line
 * that already ends in another comment gets `# nn-ignore-next-line: CODE` above it instead.
 */
function ignoreFix(diagnostic: Diagnostic, analysis: Analysis): Fix | undefined {
  const { lines, text } = analysis;
  const line = lines.positionAt(diagnostic.span.start).line;
  const code = diagnostic.code;
  const title = `Ignore ${code} on this line`;
  const directives = parseDirectives(analysis);
  const own = directives.find((d) => d.kind === 'line' && d.targetLine === line && d.codes.length > 0);
  const above = directives.find((d) => d.kind === 'next-line' && d.targetLine === line && d.codes.length > 0);
  for (const directive of [own, above]) {
    if (!directive) continue;
    if (directive.codes.some((c) => c.code === code)) return undefined;
    return { id: 'ignore', title, edits: [insert(directive.codes[directive.codes.length - 1].span.end, `, ${code}`)] };
  }
  const lineStart = lines.lineStart(line);
  const lineEnd = lines.lineEnd(line);
  const comment = analysis.file.comments.find((c) => c.span.start >= lineStart && c.span.start <= lineEnd);
  if (comment) {
    return {
      id: 'ignore',
      title,
      edits: [insert(lineStart, `${indentAt(analysis, lineStart)}# nn-ignore-next-line: ${code}${eol(text)}`)],
    };
  }
  const content = text.slice(lineStart, lineEnd).replace(/[ \t]+$/, '');
  return { id: 'ignore', title, edits: [insert(lineStart + content.length, `  # nn-ignore: ${code}`)] };
}

/**
 * The preferred fix of every diagnostic, as one list of edits. Fixes are taken whole, in document order; one
 * that would touch text an earlier one already changes is left for a later run (identical edits are shared).
 */
export function fixAll(analysis: Analysis, diagnostics: readonly Diagnostic[] = analysis.diagnostics): TextEdit[] {
  const accepted: TextEdit[] = [];
  for (const diagnostic of diagnostics) {
    const fix = fixesFor(diagnostic, analysis).find((f) => f.preferred);
    if (!fix) continue;
    const fresh = fix.edits.filter((e) => !accepted.some((a) => sameEdit(a, e)));
    if (fresh.some((e) => accepted.some((a) => overlaps(a, e)))) continue;
    if (fresh.some((e, i) => fresh.some((f, j) => i !== j && overlaps(e, f)))) continue;
    accepted.push(...fresh);
  }
  return accepted.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** A span carried in a diagnostic's data, when it is one. */
function spanOfData(value: unknown): Span | undefined {
  const span = value as Partial<Span> | undefined;
  return typeof span?.start === 'number' && typeof span.end === 'number'
    ? { start: span.start, end: span.end }
    : undefined;
}
