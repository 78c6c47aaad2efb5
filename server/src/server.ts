/**
 * The language server process: LSP wiring only. The server itself is lsp/languageServer.ts; each feature's
 * handlers live in lsp/*.ts and are listed in lsp/features.ts.
 * Run as `node dist/server.js --stdio` (any LSP editor) or over IPC (the VS Code client).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { MessageGate } from './lsp/gate';
import { startLanguageServer } from './lsp/languageServer';
import { nodeServerHost } from './lsp/nodeHost';
import { processTransport, watchFraming } from './lsp/transport';

const transport = processTransport(process.argv.slice(2));
if (transport.stdio) {
  // stdout carries the protocol; anything printed goes to stderr instead.
  console.log = console.info = console.debug = console.error;
}

// A stream that lost its framing cannot recover: exit, so that the editor starts a fresh server.
watchFraming(transport.reader, (reason) => {
  process.stderr.write(`nn language server: ${reason}. Exiting so that the editor can restart the server.\n`);
  process.exit(1);
});

const gate = new MessageGate(transport.reader, transport.writer, (message) => connection.console.warn(message));
gate.onClose(() => process.exit(gate.shutdownReceived ? 0 : 1));
const connection = createConnection(ProposedFeatures.all, gate, transport.writer);
startLanguageServer(connection, nodeServerHost());
connection.listen();
