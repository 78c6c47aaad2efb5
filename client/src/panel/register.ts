/** Registers the training panel: `nn.train`, `nn.compareActivations` and the serializer that restores panels after a reload. */
import * as vscode from 'vscode';
import type { PanelMode } from '../../../server/src/protocol';
import type { ExtensionServices } from '../services';
import { TRAINING_PANEL_VIEW_TYPE, TrainingPanel } from './TrainingPanel';

/** The document a command is about: its argument (a URI string or Uri, as the code lenses pass), else the active `.nn` editor. */
function documentUri(arg: unknown): vscode.Uri | undefined {
  if (typeof arg === 'string') {
    try {
      return vscode.Uri.parse(arg, true);
    } catch {
      return undefined;
    }
  }
  if (arg instanceof vscode.Uri) return arg;
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'nn' ? editor.document.uri : undefined;
}

function openPanel(services: ExtensionServices, mode: PanelMode) {
  return async (uriArg?: unknown, model?: unknown): Promise<TrainingPanel | undefined> => {
    const uri = documentUri(uriArg);
    if (!uri) {
      void vscode.window.showInformationMessage('Open a .nn file to train its model.');
      return undefined;
    }
    return TrainingPanel.createOrShow(services, uri, typeof model === 'string' ? model : undefined, mode);
  };
}

export function registerTrainingPanel(services: ExtensionServices): void {
  services.context.subscriptions.push(
    vscode.commands.registerCommand('nn.train', openPanel(services, 'train')),
    vscode.commands.registerCommand('nn.compareActivations', openPanel(services, 'compare')),
    vscode.window.registerWebviewPanelSerializer(TRAINING_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => TrainingPanel.revive(services, panel, state),
    }),
    { dispose: () => TrainingPanel.all().forEach((panel) => panel.dispose()) },
  );
}
