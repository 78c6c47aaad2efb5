import * as vscode from 'vscode';
import type { ExtensionServices } from './services';
import { openExample } from './commands/openExample';

/** A command the extension contributes. Add yours to `commandRegistry` and to `contributes.commands`. */
export interface CommandSpec {
  /** The command id, as in package.json (`nn.…`). */
  readonly id: string;
  run(services: ExtensionServices, ...args: unknown[]): unknown;
}

export const commandRegistry: CommandSpec[] = [
  { id: 'nn.restartServer', run: (services) => services.server.restart() },
  { id: 'nn.openExample', run: (services, name) => openExample(services, typeof name === 'string' ? name : undefined) },
];

export function registerCommands(services: ExtensionServices, commands: readonly CommandSpec[] = commandRegistry): void {
  for (const command of commands) {
    services.context.subscriptions.push(
      vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.run(services, ...args)),
    );
  }
}
