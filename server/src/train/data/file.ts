/**
 * Where a csv(...) file is and whether the host may read it: inside the workspace, and present. Pure: the
 * host passes a function that tells whether a path exists.
 */
import { dataPathProblem, resolveDataPath } from '../../model/dataPath';

export type CsvFileCheck = { ok: true; path: string } | { ok: false; message: string };

export function checkCsvFile(
  documentPath: string, relative: string, workspaceRoots: readonly string[], exists: (path: string) => boolean,
): CsvFileCheck {
  const problem = dataPathProblem(documentPath, relative, workspaceRoots);
  if (problem) return { ok: false, message: problem };
  const path = resolveDataPath(documentPath, relative);
  if (!exists(path)) return { ok: false, message: `data file not found: '${relative}' (looked for ${path})` };
  return { ok: true, path };
}
