/**
 * The check fixtures under test/fixtures/checks/CODE/:
 *
 * - `trip.nn` trips the check. Its expected diagnostics — all of them, not only CODE — are inline markers in the
 *   style of rust-analyzer (test/support/markers.ts): a comment line whose carets point at the line above,
 *   followed by the severity and the code:
 *
 *       dense 8 sigmoid
 *     #         ^^^^^^^ warning sigmoid-hidden
 *
 * - `quiet.nn` holds near misses: it must produce no diagnostic at all.
 * - Any other `NAME.nn` is the input of quick fixes: it has exactly one CODE diagnostic, and each
 *   `NAME.FIX.after.nn` beside it is the document after applying fix FIX (golden; regenerate with
 *   UPDATE_GOLDEN=1), which must then be free of CODE.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'checks');

export interface FixCase {
  input: string;
  fixId: string;
  golden: string;
}

export function fixtureText(code: string, name: string): string | undefined {
  const path = join(FIXTURES, code, name);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The golden fix files of a check: existing ones, plus (with UPDATE_GOLDEN) none are invented here. */
export function fixCases(code: string): FixCase[] {
  const dir = join(FIXTURES, code);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).sort();
  const cases: FixCase[] = [];
  for (const file of files) {
    const match = /^(.+)\.([A-Za-z0-9_-]+)\.after\.nn$/.exec(file);
    if (match) cases.push({ input: `${match[1]}.nn`, fixId: match[2], golden: file });
  }
  return cases;
}

/** Fix inputs (every `.nn` that is not trip, quiet or a golden). */
export function fixInputs(code: string): string[] {
  const dir = join(FIXTURES, code);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.nn') && !f.endsWith('.after.nn') && f !== 'trip.nn' && f !== 'quiet.nn')
    .sort();
}
