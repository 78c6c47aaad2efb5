/**
 * Every command the extension contributes, in one list. Add yours here and to `contributes.commands` in
 * package.json (a real-VS-Code test checks that each declared command is registered).
 */
import * as vscode from 'vscode';
import { stringArg } from '../documentArg';
import { runExport } from '../export';
import { openTrainingPanel } from '../panel/register';
import type { ExtensionServices } from '../services';
import { showSummary } from '../summary';
import { openExample } from './openExample';

export interface CommandSpec {
  /** The command id, as in package.json (`nn.…`). */
  readonly id: string;
  run(services: ExtensionServices, ...args: unknown[]): unknown;
}

export const commandRegistry: readonly CommandSpec[] = [
  { id: 'nn.restartServer', run: (services) => services.server.restart() },
  { id: 'nn.openExample', run: (services, name) => openExample(services, stringArg(name)) },
  { id: 'nn.showSummary', run: (services, uri, model) => showSummary(services, uri, model) },
  { id: 'nn.export', run: (services, uri, model, options) => runExport(services, uri, model, options) },
  { id: 'nn.train', run: (services, uri, model) => openTrainingPanel(services, 'train', uri, model) },
  { id: 'nn.compareActivations', run: (services, uri, model) => openTrainingPanel(services, 'compare', uri, model) },
];

export function registerCommands(
  services: ExtensionServices,
  commands: readonly CommandSpec[] = commandRegistry,
): void {
  for (const command of commands) {
    services.context.subscriptions.push(
      vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.run(services, ...args)),
    );
  }
}
