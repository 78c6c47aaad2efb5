/** Links a diagnostic code to its section in the docs shipped with the extension (docs/checks.md). */
import { join } from 'node:path';
import { ALL_CODES } from '../checks';
import { uriOf } from '../documentUri';

/** dist/server.js sits one level below the extension root. */
const CHECKS_DOC = uriOf(join(__dirname, '..', 'docs', 'checks.md'));

/** The docs section of a code; undefined for a code docs/checks.md does not describe. */
export function docsUrl(code: string): string | undefined {
  return ALL_CODES.has(code) ? `${CHECKS_DOC}#${code}` : undefined;
}
