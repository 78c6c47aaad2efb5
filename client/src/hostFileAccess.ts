/**
 * Which files the client reads and writes for the language server (`nn/host/readFile`, `nn/host/writeFile`):
 * files inside a workspace folder of the same scheme and authority, reached through no symbolic link, in a
 * trusted workspace, within the size limit. Without VS Code: the caller passes the folders and how to look at a
 * path, so the rules are tested on a real folder. The web has no real-path resolution, so every component from
 * the workspace folder down is looked at and a link anywhere on the way is refused.
 */

/** The parts of a URI that name a resource (query and fragment are not used). */
export interface UriParts {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
}

/** What the file system says a path is; `link` wins over what the link points to. */
export type EntryKind = 'file' | 'folder' | 'link' | 'other' | 'missing';

export interface EntryStat {
  kind: EntryKind;
  /** In bytes (files only). */
  size?: number;
}

export interface HostFileEnvironment {
  readonly folders: readonly UriParts[];
  readonly trusted: boolean;
  readonly maxBytes: number;
  stat(uri: UriParts): Promise<EntryStat>;
}

export type HostFileVerdict = { ok: true; uri: UriParts } | { ok: false; message: string };

/** A `/`-separated path with `.` and `..` resolved and no trailing slash (the root stays `/`). */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function sameRoot(a: UriParts, b: UriParts): boolean {
  return a.scheme.toLowerCase() === b.scheme.toLowerCase() && a.authority.toLowerCase() === b.authority.toLowerCase();
}

/** The path components of `path` below `folder` (both normalized), or undefined when it is not below it. */
function componentsBelow(folder: string, path: string): string[] | undefined {
  const prefix = folder === '/' ? '/' : `${folder}/`;
  if (!path.startsWith(prefix) || path.length === prefix.length) return undefined;
  return path.slice(prefix.length).split('/');
}

/** The workspace folder that holds `target`, with the path components from it down to the target. */
export function containingFolder(
  target: UriParts,
  folders: readonly UriParts[],
): { folder: UriParts; components: string[] } | undefined {
  const path = normalizePath(target.path);
  for (const folder of folders) {
    if (!sameRoot(folder, target)) continue;
    const components = componentsBelow(normalizePath(folder.path), path);
    if (components) return { folder: { ...folder, path: normalizePath(folder.path) }, components };
  }
  return undefined;
}

function describe(components: readonly string[]): string {
  return `'${components.join('/')}'`;
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Decides whether the file at `target` may be read (`read`) or written (`write`: it may not exist yet, but no
 * component on its way may be a link or a non-folder). Looks at the file system only inside a workspace folder.
 */
export async function checkHostFile(
  target: UriParts,
  purpose: 'read' | 'write',
  env: HostFileEnvironment,
): Promise<HostFileVerdict> {
  const verb = purpose === 'read' ? 'read' : 'written';
  if (!env.trusted)
    return { ok: false, message: `files are not ${verb} in an untrusted workspace — trust it to go on` };
  const inside = containingFolder(target, env.folders);
  if (!inside)
    return {
      ok: false,
      message: 'the file is outside the workspace folders — data files must be inside the workspace',
    };
  const { folder, components } = inside;
  const shown = describe(components);
  let path = folder.path === '/' ? '' : folder.path;
  for (const [index, component] of components.entries()) {
    path = `${path}/${component}`;
    const last = index === components.length - 1;
    const stat = await env.stat({ scheme: folder.scheme, authority: folder.authority, path });
    if (stat.kind === 'link')
      return {
        ok: false,
        message: `${shown} goes through a symbolic link, which NN Studio does not follow here — copy the file into the workspace`,
      };
    if (stat.kind === 'missing') {
      if (purpose === 'write')
        return {
          ok: true,
          uri: { scheme: folder.scheme, authority: folder.authority, path: normalizePath(target.path) },
        };
      return { ok: false, message: `${shown} does not exist` };
    }
    if (!last && stat.kind !== 'folder') return { ok: false, message: `${shown} is not inside a folder` };
    if (last && stat.kind !== 'file') return { ok: false, message: `${shown} is not a regular file` };
    if (last && purpose === 'read' && (stat.size ?? 0) > env.maxBytes)
      return {
        ok: false,
        message: `${shown} is ${formatSize(stat.size ?? 0)}, more than the ${formatSize(env.maxBytes)} NN Studio reads`,
      };
  }
  return { ok: true, uri: { scheme: folder.scheme, authority: folder.authority, path } };
}
