/**
 * What differs between the desktop (Node extension host) and VS Code for the Web (web worker extension host):
 * how the language client reaches its server, how a training worker starts, and whether Python can run.
 * extension.ts and browserExtension.ts each build one and hand it to the shared `activateWith`.
 */
import type * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import type { TrainingPort } from './panel/runs';

export interface ClientPlatform {
  /** The host, for the activation line in the output, e.g. "web worker extension host". */
  readonly hostName: string;
  /** Python can be started (the PyTorch backend); false in the web. */
  readonly canRunPython: boolean;
  /** Whether a Python interpreter can import torch (checked once per interpreter); absent where Python cannot run. */
  hasTorch?(python: string): Promise<boolean>;
  /** The documents the language server handles. */
  readonly documentSelector: DocumentSelector;
  /** A language client for the bundled server (not started). */
  createLanguageClient(context: vscode.ExtensionContext, options: LanguageClientOptions): BaseLanguageClient;
  /** A port to a fresh training worker (a worker thread or a Web Worker). */
  createTrainingPort(context: vscode.ExtensionContext): TrainingPort;
}
