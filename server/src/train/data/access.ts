/**
 * Where a host may read data files from, and how: shared by the Node hosts (CLI, language server) and the web
 * worker server, so it imports nothing of either.
 */
import type { RealPath } from '../../model/dataPath';
import type { DatasetRequest } from '../../model/spec';

/** Where a host may read data files from, and whether it may read them at all. */
export interface DataAccess {
  workspaceRoots: readonly string[];
  /**
   * False in a workspace the user has not trusted (VS Code's Restricted Mode): no data file is read and no run
   * starts. The command line is always trusted: the user ran it on purpose.
   */
  trusted: boolean;
}

/** Why nothing is read or trained in an untrusted workspace. */
export const UNTRUSTED_MESSAGE =
  'this workspace is not trusted, so NN Studio does not read data files or train here (Restricted Mode) — ' +
  'trust the folder to train; analysis, hovers and checks keep working';

/**
 * Fills in a csv(...) request's text (other requests pass through); throws DataError with a sentence when the
 * file may not or cannot be read.
 */
export type CsvReader = (request: DatasetRequest, documentPath: string, access: DataAccess) => DatasetRequest;

/** The same, for hosts whose files arrive asynchronously (the web worker server asks its client). */
export type AsyncCsvReader = (
  request: DatasetRequest,
  documentPath: string,
  access: DataAccess,
) => DatasetRequest | Promise<DatasetRequest>;

/** Where a run may read data files from: `realPath` resolves links, `readCsv` reads a CSV file's text. */
export interface RunDataAccess extends DataAccess {
  realPath?: RealPath;
  readCsv?: CsvReader;
}
