/** Shared helpers for the editor feature tests: cursor markers and fixture files with expectations in comments. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../../server/src/analysis';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'features');

/** Text with a `$0` cursor marker → the text without it, its analysis and the cursor offset. */
export function atCursor(marked: string): { text: string; offset: number; analysis: Analysis } {
  const offset = marked.indexOf('$0');
  if (offset < 0) throw new Error(`no $0 cursor marker in:\n${marked}`);
  const text = marked.slice(0, offset) + marked.slice(offset + 2);
  return { text, offset, analysis: analyze(text) };
}

/** The offset of the `n`-th occurrence (from 0) of `needle`, plus `delta`. */
export function offsetOf(text: string, needle: string, n = 0, delta = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' #${n} not found`);
  }
  return at + delta;
}

export interface Fixture {
  name: string;
  /** The text with the marker removed. */
  text: string;
  offset: number;
  analysis: Analysis;
  /** Directive lines: `#<sigil> rest` at the start of a line, by sigil. */
  directives: { sigil: string; value: string }[];
}

/**
 * Every `.nn` file of a fixture folder. Expectations are comment lines that start with `#` and a sigil
 * character from `sigils` (e.g. `#> regex`); the cursor is `$0`.
 */
export function loadFixtures(folder: string, sigils: string): Fixture[] {
  const dir = join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.nn'))
    .sort()
    .map((name) => {
      const marked = readFileSync(join(dir, name), 'utf8');
      const { text, offset, analysis } = atCursor(marked);
      const directives: Fixture['directives'] = [];
      for (const line of text.split('\n')) {
        const match = /^#(.) ?(.*)$/.exec(line);
        if (match && sigils.includes(match[1])) directives.push({ sigil: match[1], value: match[2].trim() });
      }
      return { name, text, offset, analysis, directives };
    });
}

export const SPIRALS = `# Two spirals: no linear model separates them.
model spirals {
  task binary
  input 2

  dense 16 relu
  dense 16 leaky_relu(alpha: 0.1)
  dropout 0.2
  out: dense 1 sigmoid

  loss bce
  optimizer adam(lr: 0.01)
}

train spirals {
  data spiral(points: 400, noise: 0.1)
  epochs 300
  batch 32
  validation 0.2
  seed 7
}
`;
