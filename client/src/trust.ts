/**
 * Workspace trust: in Restricted Mode the extension analyses and checks `.nn` files, but reads no data file and
 * starts no run. `package.json` declares this (`capabilities.untrustedWorkspaces`: limited).
 */
import * as vscode from 'vscode';

const MANAGE = 'Manage Workspace Trust';

/**
 * True when the workspace is trusted. Otherwise says why `action` (e.g. "Training") cannot run, offers to
 * manage trust, and returns false.
 */
export function requireTrust(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window
    .showWarningMessage(
      `${action} needs a trusted workspace: in Restricted Mode NN Studio reads no data files and runs no training. Trust this folder to go on.`,
      MANAGE,
    )
    .then((choice) => {
      if (choice === MANAGE) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}
