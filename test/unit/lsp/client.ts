/**
 * A small LSP client for protocol tests: spawns `node dist/server.js --stdio` and talks real JSON-RPC.
 * Build first (`npm run build`; `npm test` does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  type RequestType,
} from 'vscode-jsonrpc/node';
import type {
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

export const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server.js');

/** How to run the server: another build (benchmarks compare builds) and Node flags (the client's own). */
export interface ServerProcessOptions {
  serverPath?: string;
  nodeFlags?: string[];
}

export class LspClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly versions = new Map<string, number>();
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: Array<() => void> = [];
  capabilities: InitializeResult['capabilities'] = {};
  /** Every window/logMessage the server sent. */
  readonly logs: { type: number; message: string }[] = [];
  /** Settings returned for `workspace/configuration` requests, by section. */
  configuration: Record<string, unknown> = {};

  constructor(options: ServerProcessOptions = {}) {
    this.process = spawn(process.execPath, [...(options.nodeFlags ?? []), options.serverPath ?? SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => this.configuration[item.section ?? ''] ?? null),
    );
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.logs.push(params);
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  static async start(
    rootPath = '/ws',
    initializationOptions?: unknown,
    options?: ServerProcessOptions,
  ): Promise<LspClient> {
    const client = new LspClient(options);
    const result = await client.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      initializationOptions,
      rootUri: pathToFileURL(rootPath).href,
      workspaceFolders: [{ uri: pathToFileURL(rootPath).href, name: 'ws' }],
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
    client.capabilities = result.capabilities;
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'nn', version: 1, text },
    });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  /** Waits for the diagnostics of the document's current version. */
  async diagnostics(uri: string, timeoutMs = 10000): Promise<Diagnostic[]> {
    const version = this.versions.get(uri);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const params = this.latest.get(uri);
      if (params && (params.version === undefined || params.version === version)) return params.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} version ${version}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the latest publication for `uri` satisfies `accept`. */
  async waitForPublication(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean,
    timeoutMs = 10000,
  ): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const params = this.latest.get(uri);
      if (params && accept(params)) return params;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends a request: a typed protocol object (checked by the compiler) or a plain method name. */
  request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  request<R>(method: string, params: unknown): Promise<R>;
  request(method: string | RequestType<unknown, unknown, void>, params: unknown): Promise<unknown> {
    return typeof method === 'string'
      ? this.connection.sendRequest(method, params)
      : this.connection.sendRequest(method, params);
  }

  /** The server's process id (to read its memory use). */
  get pid(): number | undefined {
    return this.process.pid;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    this.process.kill();
  }
}
