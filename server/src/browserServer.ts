/**
 * The language server in a web worker (VS Code for the Web): the same server as server.ts over the worker's
 * message port, with the web host, which reads and writes files through the client. Bundled to
 * dist/web/server.js; the training worker dist/web/trainWorker.js and the docs sit at fixed places beside it.
 */
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser';
import { MessageGate } from './lsp/gate';
import { startLanguageServer } from './lsp/languageServer';
import { webServerHost } from './lsp/webHost';

/** The worker's global scope, which reads and posts messages like a port. */
const scope = self as unknown as MessagePort;
/** The address of this script, when the scope knows where it was loaded from. */
const scriptHref = (self as unknown as { location?: { href?: string } }).location?.href;

/** An address relative to this script, when the scope knows where it was loaded from. */
function beside(relative: string): string | undefined {
  if (!scriptHref) return undefined;
  try {
    return new URL(relative, scriptHref).href;
  } catch {
    return undefined;
  }
}

const reader = new BrowserMessageReader(scope);
const writer = new BrowserMessageWriter(scope);
const gate = new MessageGate(reader, writer, (message) => connection.console.warn(message));
const connection = createConnection(ProposedFeatures.all, gate, writer);
startLanguageServer(
  connection,
  webServerHost(connection, {
    trainWorkerUrl: beside('trainWorker.js'),
    // dist/web/server.js sits two levels below the extension root.
    checksDocUrl: beside('../../docs/checks.md'),
  }),
);
connection.listen();
