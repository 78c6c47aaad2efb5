import type { LanguageClient } from 'vscode-languageclient/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';

/** What `activate()` returns: `vscode.extensions.getExtension('nn-studio.nn-studio').exports`. */
export interface NnStudioApi {
  /** How long `activate()` took, in milliseconds (the target is under 100). */
  readonly activationMs: number;
  /** Resolves once the language server has answered `initialize` (again after a restart). */
  whenServerReady(): Promise<void>;
  /** The server's answer to `initialize`: its name and capabilities. */
  initializeResult(): InitializeResult | undefined;
  /** The live language client, for features that send their own requests. */
  languageClient(): LanguageClient | undefined;
}
