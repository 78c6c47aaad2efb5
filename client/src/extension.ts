import * as vscode from 'vscode';
import type { NnStudioApi } from './api';
import { registerCommands } from './commands';
import { NnServer } from './server';
import type { ExtensionServices } from './services';
import { registerSummaryDocuments } from './summary';
import { registerTrainingPanels } from './panel/register';
import { TrainingPanel } from './panel/TrainingPanel';

let server: NnServer | undefined;

export function activate(context: vscode.ExtensionContext): NnStudioApi {
  const t0 = performance.now();
  const output = vscode.window.createOutputChannel('NN Studio', { log: true });
  server = new NnServer(context, output);
  context.subscriptions.push(output, server);
  const services: ExtensionServices = { context, output, server };
  registerCommands(services);
  registerSummaryDocuments(services);
  registerTrainingPanels(services);
  server.start();
  const activationMs = performance.now() - t0;
  output.info(`NN Studio activated in ${activationMs.toFixed(1)} ms`);
  const running = server;
  return {
    activationMs,
    whenServerReady: () => running.whenReady(),
    initializeResult: () => running.initializeResult(),
    languageClient: () => running.languageClient(),
    onPanelRunEvent: TrainingPanel.onRunEvent,
  };
}

export function deactivate(): Promise<void> | undefined {
  return server?.stop();
}
