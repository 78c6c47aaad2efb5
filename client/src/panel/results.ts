/**
 * What happens when a training run of the panel completes: the server saves its weights beside the file
 * (where "NN: Export Model…" and `nn export --weights` reuse them) and shows its findings on their layers.
 */
import type * as vscode from 'vscode';
import type { RunFinished } from '../../../server/src/protocol';
import type { PanelServer } from './panelServer';
import type { PanelRun } from './runs';

export async function keepResults(
  server: PanelServer,
  output: vscode.LogOutputChannel,
  run: PanelRun,
  finished: RunFinished,
  documentVersion: number | undefined,
): Promise<void> {
  const { spec, settings } = run.plan;
  if (finished.reason === 'completed' && finished.weights && server.uri.startsWith('file:')) {
    const saved = await server.saveRun({ spec, settings, weights: finished.weights });
    if (saved.ok) output.info(`training panel: saved the weights of '${spec.modelName}' to ${saved.file}`);
    else output.warn(`training panel: could not save the weights of '${spec.modelName}': ${saved.message}`);
  }
  // Findings name layers by index: they are shown only while the text is the one the run started from.
  if (documentVersion !== run.plan.version) return;
  try {
    await server.publishFindings({ model: spec.modelName, version: run.plan.version, findings: finished.findings });
  } catch (error) {
    output.warn(`training panel: could not publish findings: ${String(error)}`);
  }
}
