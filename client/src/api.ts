import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import type { PanelMode, TrainingEvent } from '../../server/src/protocol';

/** One event of a run started by a training panel, as the worker reported it. */
export interface PanelRunEvent {
  /** The document the panel trains (a URI string). */
  readonly uri: string;
  readonly model: string;
  readonly mode: PanelMode;
  /**
   * Ends with `finished`, or with `error` (also when the panel ended the run early: closing the panel,
   * a new run or Reset terminate the worker, reported as the error "the run was terminated").
   */
  readonly event: TrainingEvent;
}

/** What `activate()` returns: `vscode.extensions.getExtension('nn-studio.nn-studio').exports`. */
export interface NnStudioApi {
  /** How long `activate()` took, in milliseconds (the target is under 100). */
  readonly activationMs: number;
  /** Resolves once the language server has answered `initialize` (again after a restart). */
  whenServerReady(): Promise<void>;
  /** The server's answer to `initialize`: its name and capabilities. */
  initializeResult(): InitializeResult | undefined;
  /** The live language client, for features that send their own requests. */
  languageClient(): BaseLanguageClient | undefined;
  /** Every event of every training panel's runs (what the end-to-end tests wait on). */
  readonly onPanelRunEvent: vscode.Event<PanelRunEvent>;
}
