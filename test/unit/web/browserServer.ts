/**
 * The web worker language server (dist/web/server.js, built by `node esbuild.mjs`) run in this process: the
 * bundle is evaluated with `self` bound to one end of a MessageChannel, as a Web Worker would run it, and a
 * JSON-RPC client talks to it over the other end. The client answers `nn/host/readFile` and
 * `nn/host/writeFile` from this machine's files, as the web client does from `vscode.workspace.fs`.
 */
import { runInThisContext } from 'node:vm';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { HostReadFileRequest, HostWriteFileRequest } from '../../../server/src/protocol';

export const WEB_SERVER = join(__dirname, '..', '..', '..', 'dist', 'web', 'server.js');

class PortReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  constructor(port: MessagePort) {
    super();
    port.on('message', (message: Message) => this.callback?.(message));
  }
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
}

class PortWriter extends AbstractMessageWriter {
  constructor(private readonly port: MessagePort) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.port.postMessage(message);
  }
  end(): void {}
}

export interface BrowserServer {
  connection: MessageConnection;
  initialize: InitializeResult;
  /** The URIs the server asked the client to read and write. */
  reads: string[];
  writes: string[];
  /** Resolves with the diagnostics published for `uri` at `version`. */
  diagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, version?: number): Promise<void>;
  stop(): void;
}

/** Starts the web server bundle on a fresh MessageChannel and initializes it with `rootUri` as its workspace. */
export async function startBrowserServer(rootUri: string, initializationOptions?: unknown): Promise<BrowserServer> {
  if (!existsSync(WEB_SERVER)) throw new Error(`${WEB_SERVER} is missing: build it first with 'node esbuild.mjs'`);
  const { port1, port2 } = new MessageChannel();
  // The bundle is an IIFE that uses the worker's global `self`; here `self` is the channel's server end.
  const wrapped = runInThisContext(`(function (self) {\n${readFileSync(WEB_SERVER, 'utf8')}\n})`, {
    filename: WEB_SERVER,
  }) as (self: MessagePort) => void;
  wrapped(port1);

  const connection = createMessageConnection(new PortReader(port2), new PortWriter(port2));
  const reads: string[] = [];
  const writes: string[] = [];
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiting = new Map<string, (params: PublishDiagnosticsParams) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const key = `${params.uri}@${params.version}`;
    latest.set(key, params);
    waiting.get(key)?.(params);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest(HostReadFileRequest.type, ({ uri }) => {
    reads.push(uri);
    const path = fileURLToPath(uri);
    if (!existsSync(path)) return { ok: false, message: `no file at ${uri}` };
    return { ok: true, text: readFileSync(path, 'utf8') };
  });
  connection.onRequest(HostWriteFileRequest.type, ({ uri, text }) => {
    writes.push(uri);
    const path = fileURLToPath(uri);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return { ok: true };
  });
  connection.listen();
  const initialize = await connection.sendRequest<InitializeResult>('initialize', {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    initializationOptions,
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    initialize,
    reads,
    writes,
    diagnostics: (uri, version) =>
      new Promise((resolve) => {
        const known = latest.get(`${uri}@${version}`);
        if (known) resolve(known);
        else waiting.set(`${uri}@${version}`, resolve);
      }),
    open: (uri, text, version = 1) =>
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nn', version, text } }),
    stop() {
      connection.dispose();
      port1.close();
      port2.close();
    },
  };
}
