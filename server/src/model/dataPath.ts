/**
 * Where a `csv("…")` path points, and whether it is allowed (inside a workspace folder).
 * Pure logic on `/`-separated absolute paths; the host passes how symbolic links resolve.
 */

/** Resolves `relative` against the directory of `documentPath`, normalising `.` and `..`. */
export function resolveDataPath(documentPath: string, relative: string): string {
  const normalized = relative.replace(/\\/g, '/');
  const base =
    normalized.startsWith('/') || /^[A-Za-z]:\//.test(normalized)
      ? normalized
      : documentPath.replace(/\\/g, '/').replace(/\/[^/]*$/, '') + '/' + normalized;
  const parts: string[] = [];
  for (const part of base.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const drive = /^[A-Za-z]:$/.test(parts[0] ?? '');
  return (drive ? '' : '/') + parts.join('/');
}

/** True when `path` is `root` itself or lies below it. */
function isInside(path: string, root: string): boolean {
  const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
  return path === r || path.startsWith(r + '/');
}

/**
 * Where a path really leads once symbolic links are followed (`/`-separated). The host passes one that asks the
 * file system (train/data/realPath.ts); without one, paths are taken as written.
 */
export type RealPath = (path: string) => string;

const asWritten: RealPath = (path) => path;

/** A data path that may be read (`path` is its real path, the one to open), or why not. */
export type DataPathCheck = { ok: true; path: string } | { ok: false; message: string };

/**
 * Checks that a data path resolves inside one of the workspace roots (or, with no workspace open, inside the
 * document's own folder). Both sides are compared as real paths, so a link inside the workspace that leads
 * out of it is refused too. The real path is computed once, and it is the one returned: a host that opens
 * it reads what was checked.
 */
export function checkDataPath(
  documentPath: string,
  relative: string,
  workspaceRoots: readonly string[],
  realPath: RealPath = asWritten,
): DataPathCheck {
  if (relative.trim() === '')
    return { ok: false, message: 'the data file path is empty — give a path relative to this file' };
  const resolved = resolveDataPath(documentPath, relative);
  const roots = (workspaceRoots.length ? workspaceRoots : [resolveDataPath(documentPath, '.')]).map((root) =>
    resolveDataPath(root + '/x', '.'),
  );
  const inside = (path: string, rootList: readonly string[]) => rootList.some((root) => isInside(path, root));
  if (!inside(resolved, roots)) {
    return {
      ok: false,
      message:
        'data files must be inside the workspace — move the file into the workspace folder and give its path relative to this file',
    };
  }
  const real = realPath(resolved);
  if (!inside(real, roots.map(realPath))) {
    return {
      ok: false,
      message: `'${relative}' goes through a symbolic link that leads outside the workspace — data files must be inside the workspace; copy the file into it`,
    };
  }
  return { ok: true, path: real };
}

/** The problem with a data path, if any (see `checkDataPath`). */
export function dataPathProblem(
  documentPath: string,
  relative: string,
  workspaceRoots: readonly string[],
  realPath?: RealPath,
): string | undefined {
  const check = checkDataPath(documentPath, relative, workspaceRoots, realPath);
  return check.ok ? undefined : check.message;
}
