/** The training panel's commands (`nn.train`, `nn.compareActivations`) and the serializer that restores panels after a reload. */
import * as vscode from 'vscode';
import type { PanelMode } from '../../../server/src/protocol';
import { documentArg, stringArg } from '../documentArg';
import type { ExtensionServices } from '../services';
import { requireTrust } from '../trust';
import { TRAINING_PANEL_VIEW_TYPE, TrainingPanel } from './TrainingPanel';

/** Opens the panel for a document's model (the active `.nn` editor's when no document is given) and starts a run or a comparison. */
export async function openTrainingPanel(
  services: ExtensionServices,
  mode: PanelMode,
  uriArg?: unknown,
  model?: unknown,
): Promise<TrainingPanel | undefined> {
  const uri = documentArg(uriArg);
  if (!uri) {
    void vscode.window.showInformationMessage('Open a .nn file to train its model.');
    return undefined;
  }
  if (!requireTrust(mode === 'compare' ? 'Comparing activations' : 'Training')) return undefined;
  return TrainingPanel.createOrShow(services, uri, stringArg(model), mode);
}

/** Restores panels after a reload and closes every panel (ending its runs) when the extension stops. */
export function registerTrainingPanels(services: ExtensionServices): void {
  services.context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(TRAINING_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => Promise.resolve(TrainingPanel.revive(services, panel, state)),
    }),
    { dispose: () => TrainingPanel.all().forEach((panel) => panel.dispose()) },
  );
}
