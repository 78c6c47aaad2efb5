/**
 * Activation shared by both hosts: the desktop's Node extension host (./extension.ts) and the web worker
 * extension host of VS Code for the Web (./browserExtension.ts), which differ only in their ClientPlatform.
 */
import * as vscode from 'vscode';
import type { NnStudioApi } from './api';
import { registerCommands } from './commands';
import type { ClientPlatform } from './platform';
import { NnServer } from './server';
import type { ExtensionServices } from './services';
import { registerSummaryDocuments } from './summary';
import { registerTrainingPanels } from './panel/register';
import { TrainingPanel } from './panel/TrainingPanel';

/** The `when` context key that says Python can run here (false in the web, where the PyTorch backend is hidden). */
export const CAN_RUN_PYTHON_CONTEXT = 'nn.canRunPython';

let server: NnServer | undefined;

export function activateWith(context: vscode.ExtensionContext, platform: ClientPlatform): NnStudioApi {
  const t0 = performance.now();
  const output = vscode.window.createOutputChannel('NN Studio', { log: true });
  server = new NnServer(context, output, platform);
  context.subscriptions.push(output, server);
  const services: ExtensionServices = { context, output, server, platform };
  void vscode.commands.executeCommand('setContext', CAN_RUN_PYTHON_CONTEXT, platform.canRunPython);
  registerCommands(services);
  registerSummaryDocuments(services);
  registerTrainingPanels(services);
  server.start();
  const activationMs = performance.now() - t0;
  output.info(`NN Studio activated in ${activationMs.toFixed(1)} ms (${platform.hostName})`);
  const running = server;
  return {
    activationMs,
    whenServerReady: () => running.whenReady(),
    initializeResult: () => running.initializeResult(),
    languageClient: () => running.languageClient(),
    onPanelRunEvent: TrainingPanel.onRunEvent,
  };
}

export function deactivateShared(): Promise<void> | undefined {
  return server?.stop();
}
