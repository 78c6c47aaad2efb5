/** Document URIs and file system paths: the one place the core converts between them. */
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file system path of a `file:` URI; undefined for other schemes (`untitled:`) and malformed URIs. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The `file:` URI of an absolute path (a folder's URI ends in `/` when the path ends in a separator). */
export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}
