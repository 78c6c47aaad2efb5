/** Reads a csv(...) file for a run on the host side (worker, CLI, language server). Uses Node's file system. */
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { checkCsvFile, type DataFileSystem, type PathKind } from './data/file';
import { nodeRealPath } from './data/realPath';
import { UNTRUSTED_MESSAGE, type DataAccess } from './data/access';
import { DataError } from './data/types';
import type { DatasetRequest } from '../model/spec';

export { UNTRUSTED_MESSAGE, type DataAccess } from './data/access';

function kindOf(stats: Stats): PathKind {
  return stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'other';
}

/** Node's answers to the containment check's questions. */
export const nodeDataFileSystem: DataFileSystem = {
  realPath: nodeRealPath,
  kind(path) {
    try {
      return kindOf(statSync(path));
    } catch {
      return 'missing';
    }
  },
};

/**
 * Reads the file at a checked real path. It is opened without following a final link and without blocking
 * (a FIFO would otherwise hang the host), and after opening the path must still resolve to itself and name the
 * very file that was opened; so a link or folder swapped in after the check is refused, not followed.
 */
function readChecked(path: string, relative: string): string {
  const changed = (): DataError => new DataError(`'${relative}' changed while it was being opened — try again`);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new DataError(`'${relative}' cannot be read: permission denied`);
    throw changed();
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw new DataError(`'${relative}' is not a regular file — give the path of a CSV file`);
    const now = statSync(path);
    if (nodeRealPath(path) !== path || now.ino !== opened.ino || now.dev !== opened.dev) throw changed();
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Returns the request with `csvText` filled in; throws DataError when the workspace is untrusted, or the file
 * is outside the workspace (links followed), missing or not a regular file. No message quotes a refused file.
 */
export function withCsvText(request: DatasetRequest, documentPath: string, access: DataAccess): DatasetRequest {
  if (request.name !== 'csv' || request.csvText !== undefined) return request;
  if (!access.trusted) throw new DataError(UNTRUSTED_MESSAGE);
  const relative = request.csvPath ?? String(request.params.path ?? '');
  const check = checkCsvFile(documentPath, relative, access.workspaceRoots, nodeDataFileSystem);
  if (!check.ok) throw new DataError(check.message);
  return { ...request, csvText: readChecked(check.path, relative), csvPath: relative };
}
