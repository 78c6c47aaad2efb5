/** What every LSP feature module receives: the connection, the open documents and their cached analyses. */
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analysis';
import type { RunDataAccess } from '../train/data/access';
import type { ClientOptions } from './clientOptions';
import type { ServerHost } from './host';
import type { NnSettings } from '../settings';

export interface ServerContext {
  connection: Connection;
  /** The platform: where documents lie, how files are read and written, where training runs. */
  host: ServerHost;
  documents: TextDocuments<TextDocument>;
  /** The analysis of the document's current version (computed once per version, then cached). */
  analysisOf(uri: string): Analysis | undefined;
  settings(): NnSettings;
  /** What the client said about itself in `initializationOptions`. */
  clientOptions(): ClientOptions;
  /** Recomputes and publishes the diagnostics of a document. */
  publish(uri: string): void;
  /** Workspace folders as paths (the host's `pathOf` of their URIs). */
  workspaceRoots(): string[];
  /**
   * The workspace roots, whether the client trusts the workspace, and how links resolve: what reading data
   * files may use. Files themselves are read through `host.readCsv`.
   */
  dataAccess(): RunDataAccess;
  /** The docs link of a diagnostic code, if any. */
  docsUrl: (code: string) => string | undefined;
}

/** A feature: the capabilities it adds, and how it registers its handlers. */
export interface Feature {
  capabilities: ServerCapabilities;
  register(context: ServerContext): void;
}
