/**
 * Inline expected-diagnostic markers, in the style of rust-analyzer's fixtures.
 *
 * A marker is a comment line whose carets point at the line above it (the nearest line that is not a marker):
 *
 *     dense 16 rleu
 *   #          ^^^^ error unknown-activation
 *
 * The carets give the columns (a zero-width diagnostic is marked with one caret at its position); then come
 * the severity and the code. A diagnostic that spans several lines is compared on its first line, up to that
 * line's end. Markers are comments, so they do not change what the file means.
 */
import assert from 'node:assert/strict';
import { analyze, type AnalyzeOptions } from '../../server/src/analysis';
import type { Diagnostic } from '../../server/src/diagnostic';

const MARKER = /^(\s*#\s*)(\^+)\s+(error|warning|info|hint)\s+([a-z0-9-]+)\s*$/;

export interface Expected {
  line: number;
  start: number;
  end: number;
  severity: string;
  code: string;
}

export function readMarkers(text: string): Expected[] {
  const lines = text.split(/\r\n|\r|\n/);
  const expected: Expected[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const match = MARKER.exec(line);
    if (!match) {
      target = index;
      return;
    }
    const start = match[1].length;
    expected.push({ line: target, start, end: start + match[2].length, severity: match[3], code: match[4] });
  });
  return expected;
}

export function render(e: Expected): string {
  return `${e.line + 1}:${e.start}-${e.end} ${e.severity} ${e.code}`;
}

/** Analyses the fixture and asserts that its diagnostics are exactly the ones its markers describe. */
export function check(
  text: string,
  options: AnalyzeOptions = { documentPath: '/ws/test.nn', workspaceRoots: ['/ws'] },
  filter?: (d: Diagnostic) => boolean,
): Diagnostic[] {
  const analysis = analyze(text, options);
  const diagnostics = analysis.diagnostics.filter(filter ?? (() => true));
  const actual = diagnostics.map((d) => {
    const start = analysis.lines.positionAt(d.span.start);
    const end = analysis.lines.positionAt(d.span.end);
    const lineEnd = analysis.lines.lineEnd(start.line) - analysis.lines.lineStart(start.line);
    const endColumn =
      end.line === start.line ? Math.max(end.character, start.character + 1) : Math.max(lineEnd, start.character + 1);
    return render({ line: start.line, start: start.character, end: endColumn, severity: d.severity, code: d.code });
  });
  const expected = readMarkers(text).map(render);
  assert.deepEqual(
    [...actual].sort(),
    [...expected].sort(),
    `diagnostics differ:\n${diagnostics.map((d) => `  ${d.code}: ${d.message}`).join('\n')}`,
  );
  for (const d of diagnostics) assert.ok(d.message.length > 10, `message of ${d.code} says what is wrong`);
  return diagnostics;
}
