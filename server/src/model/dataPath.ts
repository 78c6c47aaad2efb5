/**
 * Where a `csv("…")` path points, and whether it is allowed (inside a workspace folder).
 * Pure string logic on `/`-separated absolute paths, so it runs anywhere and is easy to test.
 */

/** Resolves `relative` against the directory of `documentPath`, normalising `.` and `..`. */
export function resolveDataPath(documentPath: string, relative: string): string {
  const normalized = relative.replace(/\\/g, '/');
  const base = normalized.startsWith('/') || /^[A-Za-z]:\//.test(normalized)
    ? normalized
    : documentPath.replace(/\\/g, '/').replace(/\/[^/]*$/, '') + '/' + normalized;
  const parts: string[] = [];
  for (const part of base.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop(); else parts.push(part);
  }
  const drive = /^[A-Za-z]:$/.test(parts[0] ?? '');
  return (drive ? '' : '/') + parts.join('/');
}

/** True when `path` is `root` itself or lies below it. */
export function isInside(path: string, root: string): boolean {
  const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
  return path === r || path.startsWith(r + '/');
}

/**
 * The problem with a data path, if any: it must resolve inside one of the workspace roots
 * (or, with no workspace open, inside the document's own folder).
 */
export function dataPathProblem(documentPath: string, relative: string, workspaceRoots: readonly string[]): string | undefined {
  if (relative.trim() === '') return 'the data file path is empty — give a path relative to this file';
  const resolved = resolveDataPath(documentPath, relative);
  const roots = workspaceRoots.length ? workspaceRoots : [resolveDataPath(documentPath, '.')];
  if (!roots.some((root) => isInside(resolved, resolveDataPath(root + '/x', '.')))) {
    return 'data files must be inside the workspace — move the file into the workspace folder and give its path relative to this file';
  }
  return undefined;
}
