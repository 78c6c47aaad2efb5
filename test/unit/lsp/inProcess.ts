/**
 * The language server in this process, over in-memory streams, with a JSON-RPC client on the other end.
 * For tests that need to look inside the server (its cache, what it retains). Never send `exit`: the LSP
 * library ends the process on it.
 */
import { PassThrough } from 'node:stream';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { MessageGate } from '../../../server/src/lsp/gate';
import { startLanguageServer, type RunningServer } from '../../../server/src/lsp/languageServer';
import { nodeServerHost } from '../../../server/src/lsp/nodeHost';

export interface InProcessServer {
  client: MessageConnection;
  server: RunningServer;
  /** Resolves with the next diagnostics published for `uri` at `version`. */
  diagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  /** Messages the server logged (window/logMessage), with their type (1 = error). */
  logs: { type: number; message: string }[];
  /** Sends any JSON value as a message, well framed, bypassing the client's checks. */
  raw(message: unknown): Promise<void>;
  dispose(): void;
}

export async function startInProcess(initializationOptions?: unknown): Promise<InProcessServer> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const writer = new StreamMessageWriter(toClient);
  const gate = new MessageGate(new StreamMessageReader(toServer), writer, (message) =>
    connection.console.warn(message),
  );
  const connection = createConnection(ProposedFeatures.all, gate, writer);
  const server = startLanguageServer(connection, nodeServerHost());
  connection.listen();

  // One writer for the client and raw messages: it sends one whole message at a time.
  const clientWriter = new StreamMessageWriter(toServer);
  const client = createMessageConnection(new StreamMessageReader(toClient), clientWriter);
  const logs: { type: number; message: string }[] = [];
  const waiting = new Map<string, (params: PublishDiagnosticsParams) => void>();
  client.onNotification('window/logMessage', (params: { type: number; message: string }) => {
    logs.push(params);
  });
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const key = `${params.uri}@${params.version}`;
    waiting.get(key)?.(params);
    waiting.delete(key);
  });
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  client.listen();
  await client.sendRequest<InitializeResult>('initialize', {
    processId: null,
    rootUri: null,
    capabilities: {},
    initializationOptions,
  });
  await client.sendNotification('initialized', {});
  return {
    client,
    server,
    logs,
    raw: (message) => clientWriter.write(message as never),
    diagnostics: (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve)),
    dispose() {
      client.dispose();
      connection.dispose();
      toServer.end();
      toClient.end();
    },
  };
}
