import type * as vscode from 'vscode';
import type { ClientPlatform } from './platform';
import type { NnServer } from './server';

/** What every client-side feature (commands, panels, views) gets to work with. */
export interface ExtensionServices {
  readonly context: vscode.ExtensionContext;
  /** The "NN Studio" output channel, shared with the language client. */
  readonly output: vscode.LogOutputChannel;
  /** The language server connection; survives restarts. */
  readonly server: NnServer;
  /** What differs between the desktop and the web. */
  readonly platform: ClientPlatform;
}
