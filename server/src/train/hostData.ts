/** Reads a csv(...) file for a run on the host side (worker, CLI, language server). Uses Node's file system. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { checkCsvFile } from './data/file';
import { DataError } from './data/types';
import type { DatasetRequest } from './spec';

/** Returns the request with `csvText` filled in; throws DataError when the file is outside the workspace or missing. */
export function withCsvText(request: DatasetRequest, documentPath: string, workspaceRoots: readonly string[]): DatasetRequest {
  if (request.name !== 'csv' || request.csvText !== undefined) return request;
  const relative = request.csvPath ?? String(request.params.path ?? '');
  const check = checkCsvFile(documentPath, relative, workspaceRoots, (p) => existsSync(p) && statSync(p).isFile());
  if (!check.ok) throw new DataError(check.message);
  return { ...request, csvText: readFileSync(check.path, 'utf8'), csvPath: relative };
}
