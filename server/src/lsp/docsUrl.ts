/** Links a diagnostic code to its section in the docs shipped with the extension (docs/checks.md). */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** dist/server.js sits one level below the extension root. */
const CHECKS_DOC = pathToFileURL(join(__dirname, '..', 'docs', 'checks.md')).href;

export function docsUrl(code: string): string | undefined {
  return `${CHECKS_DOC}#${code}`;
}
