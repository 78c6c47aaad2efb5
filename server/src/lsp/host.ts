/**
 * What the language server needs of the platform it runs on: where a document lies, how its data files and
 * saved runs are read and written, and where training runs. The Node server (server.ts) passes
 * ./nodeHost.ts, the web worker server (browserServer.ts) passes ./webHost.ts; the LSP layer itself reaches
 * no file system, so the same handlers run on both.
 */
import type { RealPath } from '../model/dataPath';
import type { DatasetRequest, NetworkSpec, NetworkWeights, TrainSettings } from '../model/spec';
import type { RunError, RunFinished, StartRun } from '../protocol';
import type { DataAccess } from '../train/data/access';

export interface ServerHost {
  /**
   * The `/`-separated place of a document or workspace folder URI, for the analysis, the containment check
   * of data files and the saved-run folder; undefined for a URI that names no place (`untitled:`).
   */
  pathOf(uri: string): string | undefined;
  /** How symbolic links resolve (Node: the file system's real paths; the web: paths as written). */
  realPath: RealPath;
  /**
   * Fills in a csv(...) request's text for the document at `documentUri` (whose place is `documentPath`);
   * throws DataError with a sentence, never quoting the file, when it may not or cannot be read.
   */
  readCsv(
    request: DatasetRequest,
    documentPath: string,
    access: DataAccess,
    documentUri: string,
  ): Promise<DatasetRequest>;
  /** The text of the file at `path` (a place `pathOf` gave near `documentUri`); undefined when it cannot be read. */
  readText(path: string, documentUri: string): Promise<string | undefined>;
  /**
   * Saves a completed run's weights as the saved run of `spec` next to the document; resolves with where it
   * went (a path or a URI, for the user) and rejects with the reason it could not be written.
   */
  saveRun(documentUri: string, spec: NetworkSpec, weights: NetworkWeights, settings?: TrainSettings): Promise<string>;
  /** Trains a run to its end off the thread that answers requests (or cooperatively beside it). */
  train(run: Omit<StartRun, 'type'>): Promise<RunFinished | RunError>;
  /** The address of docs/checks.md, which each diagnostic's code links to; undefined for no links. */
  checksDocUrl: string | undefined;
}
