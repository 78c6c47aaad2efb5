/** What every LSP feature module receives: the connection, the open documents and their cached analyses. */
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analysis';
import type { DataAccess } from '../train/hostData';
import type { ClientOptions } from './clientOptions';
import type { NnSettings } from '../settings';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The analysis of the document's current version (computed once per version, then cached). */
  analysisOf(uri: string): Analysis | undefined;
  settings(): NnSettings;
  /** What the client said about itself in `initializationOptions`. */
  clientOptions(): ClientOptions;
  /** Recomputes and publishes the diagnostics of a document. */
  publish(uri: string): void;
  /** Workspace folders as file system paths. */
  workspaceRoots(): string[];
  /** The workspace roots and whether the client trusts the workspace: what reading data files may use. */
  dataAccess(): DataAccess;
}

/** A feature: the capabilities it adds, and how it registers its handlers. */
export interface Feature {
  capabilities: ServerCapabilities;
  register(context: ServerContext): void;
}
