/**
 * Places of documents named by URI, for a host with no file system of its own (the web worker server): a
 * hierarchical URI's path stands for the file's path, so the containment check (model/dataPath.ts) and the
 * saved-run folder work on it as on a Node path, and the result goes back to a URI on the same scheme and
 * authority. Works for any scheme: file:, vscode-vfs:, vscode-remote:, …
 */

/** `scheme://authority/path`, without query and fragment. */
const HIERARCHICAL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;

/** The decoded path of a hierarchical URI; undefined for other URIs (`untitled:Untitled-1`) and bad escapes. */
export function uriPath(uri: string): string | undefined {
  const match = HIERARCHICAL.exec(uri);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[3]) || '/';
  } catch {
    return undefined;
  }
}

/** The URI of `path` (`/`-separated) on the scheme and authority of `near`; undefined when `near` has none. */
export function uriAtPath(near: string, path: string): string | undefined {
  const match = HIERARCHICAL.exec(near);
  if (!match) return undefined;
  const encoded = path.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
  return `${match[1]}://${match[2]}${encoded.startsWith('/') ? encoded : `/${encoded}`}`;
}
