/**
 * Where a csv(...) file is and whether the host may read it: inside the workspace once links are followed, and
 * a regular file. Pure: the host passes what its file system says (train/hostData.ts uses Node's).
 */
import { checkDataPath, resolveDataPath, type RealPath } from '../../model/dataPath';

/** What is at a path, links followed. */
export type PathKind = 'file' | 'folder' | 'other' | 'missing';

/** The two questions the check asks the host's file system. */
export interface DataFileSystem {
  realPath: RealPath;
  kind(path: string): PathKind;
}

/** A file that may be read, by its real path, or why not (never with anything read from the file). */
export type CsvFileCheck = { ok: true; path: string } | { ok: false; message: string };

export function checkCsvFile(
  documentPath: string,
  relative: string,
  workspaceRoots: readonly string[],
  fs: DataFileSystem,
): CsvFileCheck {
  const check = checkDataPath(documentPath, relative, workspaceRoots, fs.realPath);
  if (!check.ok) return check;
  switch (fs.kind(check.path)) {
    case 'file':
      return check;
    case 'folder':
      return {
        ok: false,
        message: `'${relative}' is a folder, not a data file — give the path of a CSV file, e.g. '${relative.replace(/[\\/]+$/, '')}/data.csv'`,
      };
    case 'other':
      return { ok: false, message: `'${relative}' is not a regular file — give the path of a CSV file` };
    default:
      return {
        ok: false,
        message: `data file not found: '${relative}' (looked for ${resolveDataPath(documentPath, relative)})`,
      };
  }
}
