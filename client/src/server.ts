import * as path from 'node:path';
import * as vscode from 'vscode';
import { SERVER_NODE_FLAGS } from '../../server/src/serverFlags';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { WorkspaceTrustedNotification, type ClientInitializationOptions } from '../../server/src/protocol';

/** The documents the language server handles: `.nn` files on disk and unsaved ones. */
export const documentSelector = [
  { scheme: 'file', language: 'nn' },
  { scheme: 'untitled', language: 'nn' },
];

/** Owns the language client; `restart()` replaces it with a fresh one. */
export class NnServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> = Promise.resolve();

  /** Tells the running server when the user trusts the workspace (it started knowing it was not trusted). */
  private readonly trustListener = vscode.workspace.onDidGrantWorkspaceTrust(() => {
    void this.client?.sendNotification(WorkspaceTrustedNotification.type).catch(() => undefined);
  });

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** Starts the server without waiting for it; `whenReady()` resolves once it has answered `initialize`. */
  start(): void {
    const client = this.createClient();
    this.client = client;
    const t0 = performance.now();
    this.starting = client.start().then(
      () => this.output.info(`language server ready in ${(performance.now() - t0).toFixed(0)} ms`),
      (error: unknown) => {
        this.output.error(`language server failed to start: ${String(error)}`);
        throw error;
      },
    );
    this.starting.catch(() => undefined);
  }

  whenReady(): Promise<void> {
    return this.starting;
  }

  async restart(): Promise<void> {
    this.output.info('restarting the language server');
    await this.stop();
    this.start();
    await this.whenReady();
  }

  /** The running client, for features that send their own requests or notifications. */
  languageClient(): LanguageClient | undefined {
    return this.client;
  }

  initializeResult(): InitializeResult | undefined {
    return this.client?.initializeResult;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    await this.starting.catch(() => undefined);
    try {
      if (client.isRunning()) await client.stop(2000);
    } catch (error) {
      this.output.warn(`stopping the language server failed: ${String(error)}`);
    }
    await client.dispose().catch(() => undefined);
  }

  dispose(): void {
    this.trustListener.dispose();
    void this.stop();
  }

  private createClient(): LanguageClient {
    const module = this.context.asAbsolutePath(path.join('dist', 'server.js'));
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
      debug: {
        module,
        transport: TransportKind.ipc,
        options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] },
      },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      outputChannel: this.output,
      synchronize: { configurationSection: 'nn' },
      initializationOptions: {
        workspaceTrusted: vscode.workspace.isTrusted,
        hoverImages: true,
      } satisfies ClientInitializationOptions,
      middleware: {
        provideInlayHints: (document, range, token, next) =>
          vscode.workspace.getConfiguration('nn', document).get<boolean>('inlayHints.enabled', true)
            ? next(document, range, token)
            : [],
      },
    };
    // The id 'nn' makes the client honour the `nn.trace.server` setting.
    return new LanguageClient('nn', 'NN Language Server', serverOptions, clientOptions);
  }
}
