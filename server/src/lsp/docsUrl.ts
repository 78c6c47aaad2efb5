/** Links a diagnostic code to its section in the docs shipped with the extension (docs/checks.md). */
import { ALL_CODES } from '../checks';

/** The link of each code to its section of `checksDoc` (the host knows where that file is); none without it. */
export function docsLinker(checksDoc: string | undefined): (code: string) => string | undefined {
  return (code) => (checksDoc !== undefined && ALL_CODES.has(code) ? `${checksDoc}#${code}` : undefined);
}
