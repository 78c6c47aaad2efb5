import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { WorkspaceTrustedNotification, type ClientInitializationOptions } from '../../server/src/protocol';
import { registerHostFiles } from './hostFiles';
import type { ClientPlatform } from './platform';

/** Owns the language client; `restart()` replaces it with a fresh one. */
export class NnServer implements vscode.Disposable {
  private client: BaseLanguageClient | undefined;
  private clientHandlers: vscode.Disposable[] = [];
  private starting: Promise<void> = Promise.resolve();

  /** Tells the running server when the user trusts the workspace (it started knowing it was not trusted). */
  private readonly trustListener = vscode.workspace.onDidGrantWorkspaceTrust(() => {
    void this.client?.sendNotification(WorkspaceTrustedNotification.type).catch(() => undefined);
  });

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly platform: ClientPlatform,
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
  languageClient(): BaseLanguageClient | undefined {
    return this.client;
  }

  initializeResult(): InitializeResult | undefined {
    return this.client?.initializeResult;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const handler of this.clientHandlers.splice(0)) handler.dispose();
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

  private createClient(): BaseLanguageClient {
    const clientOptions: LanguageClientOptions = {
      documentSelector: this.platform.documentSelector,
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
    const client = this.platform.createLanguageClient(this.context, clientOptions);
    // A server without a file system (the web's) reads and writes workspace files through these.
    this.clientHandlers = registerHostFiles(client);
    return client;
  }
}
