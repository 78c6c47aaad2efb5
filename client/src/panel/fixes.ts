/**
 * The panel's "Apply" buttons: the language server computes the edits of a change (`nn/panelEdits`) and the
 * host applies them as one WorkspaceEdit, so a single undo reverts them.
 */
import * as vscode from 'vscode';
import type { PanelFix } from '../../../server/src/protocol';
import { lspRange } from './navigate';
import type { PanelServer } from './panelServer';

/** Applies a change to the document; says why when it cannot, and returns whether it was applied. */
export async function applyFix(
  server: PanelServer,
  document: vscode.TextDocument,
  modelName: string,
  fix: PanelFix,
): Promise<boolean> {
  const result = await server.panelEdits(modelName, fix);
  if (!result.ok) {
    void vscode.window.showErrorMessage(`NN Studio could not apply the change: ${result.message}.`);
    return false;
  }
  if (result.version !== document.version) {
    void vscode.window.showErrorMessage(
      'NN Studio could not apply the change: the document changed meanwhile. Try again.',
    );
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) edit.replace(document.uri, lspRange(e.range), e.newText);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage('NN Studio could not apply the change to the document.');
    return false;
  }
  return true;
}
