/**
 * Host side: where a path really leads once the file system has followed every symbolic link. The containment
 * check of data files (model/dataPath.ts) compares these real paths, so a link cannot lead out of the workspace.
 */
import { realpathSync } from 'node:fs';
import type { RealPath } from '../../model/dataPath';

function slashes(path: string): string {
  return path.replace(/\\/g, '/');
}

/**
 * The real path of `path` (`/`-separated). A path that does not exist resolves its deepest existing folder and
 * keeps the rest as written, so a missing file below a linked folder is still judged by where that folder leads.
 */
export const nodeRealPath: RealPath = (path) => {
  const parts = slashes(path).split('/');
  for (let keep = parts.length; keep > 0; keep--) {
    const head = parts.slice(0, keep).join('/') || '/';
    try {
      const real = slashes(realpathSync.native(head)).replace(/\/+$/, '');
      return [real, ...parts.slice(keep)].join('/');
    } catch {
      // Not there (or not reachable): try its folder.
    }
  }
  return slashes(path);
};
