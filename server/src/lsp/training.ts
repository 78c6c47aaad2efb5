/**
 * Training from the language server: `nn/train` starts a worker run, `nn/trainProgress` streams its events,
 * `nn/stopTraining` stops it. When a run ends, its findings become `nn-train` diagnostics on their layers'
 * lines; each one stays while its line's text is unchanged (following the line when lines move).
 */
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostic';
import {
  STOP_TRAINING_NOTIFICATION, TRAIN_PROGRESS_NOTIFICATION, TRAIN_REQUEST, TRAINING_FINDINGS_NOTIFICATION,
  type StopTrainingParams, type TrainParams, type TrainProgressParams, type TrainResult,
  type TrainingFindingsParams,
} from '../protocol';
import { DEFAULT_THRESHOLDS, type TrainingThresholds } from '../train/checks/thresholds';
import { prepareRun } from '../train/prepare';
import { startRun, type RunHandle } from '../train/runner';
import { anchorDiagnostics, anchorFindings, relocate, type AnchoredFinding } from '../train/anchors';
import { pickTrain } from '../model/pick';
import type { Feature, ServerContext } from './context';

let runCounter = 0;

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The training thresholds among the numeric `nn.*` settings. */
function thresholdsFrom(settings: Record<string, unknown>): Partial<TrainingThresholds> {
  const out: Partial<TrainingThresholds> = {};
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof TrainingThresholds)[]) {
    const value = settings[key];
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

/** Findings of finished runs, per document, anchored to their lines. */
const anchored = new Map<string, AnchoredFinding[]>();

/**
 * The `nn-train` diagnostics of a document for its current text: the server merges them with the static
 * diagnostics every time it publishes. Findings whose line changed are dropped for good.
 */
export function trainingDiagnostics(uri: string, text: string): Diagnostic[] {
  const list = anchored.get(uri);
  if (!list || list.length === 0) return [];
  const { kept, diagnostics } = relocate(list, text);
  anchored.set(uri, kept);
  return diagnostics;
}

export function createTrainingFeature(options: { workerPath?: string } = {}): Feature {
  return {
    capabilities: {},
    register(context: ServerContext) {
      const runs = new Map<string, { uri: string; handle: RunHandle }>();

      context.documents.onDidClose((event) => {
        anchored.delete(event.document.uri);
        for (const run of runs.values()) if (run.uri === event.document.uri) run.handle.stop();
      });

      context.connection.onRequest(TRAIN_REQUEST, (params: TrainParams): TrainResult => {
        const analysis = context.analysisOf(params.uri);
        const document = context.documents.get(params.uri);
        if (!analysis || !document) return { ok: false, message: 'the document is not open' };
        const train = pickTrain(analysis.semantic.trains, params.model);
        if (typeof train === 'string') return { ok: false, message: train };
        const text = document.getText();
        const documentPath = pathOf(params.uri) ?? '/untitled.nn';
        const prepared = prepareRun(train, documentPath, context.workspaceRoots(), { epochs: params.epochs, seed: params.seed, lr: params.lr });
        if (!prepared.ok) {
          // Problems with the data file stay on its line until that line changes.
          if (prepared.diagnostics.length > 0) {
            anchored.set(params.uri, anchorDiagnostics(prepared.diagnostics, text));
            context.publish(params.uri);
          }
          return { ok: false, message: prepared.message };
        }
        const model = train.model!;
        const runId = `lsp-${++runCounter}`;
        let handle: RunHandle;
        try {
          handle = startRun({
            runId, spec: prepared.spec, settings: prepared.settings, data: prepared.data,
            progressIntervalMs: params.progressIntervalMs ?? 200,
            gridSize: params.gridSize ?? 0,
            thresholds: thresholdsFrom(context.settings().checks),
          }, options);
        } catch (error) {
          return { ok: false, message: error instanceof Error ? error.message : String(error) };
        }
        // One run per document: a new request replaces the one still going.
        for (const run of runs.values()) if (run.uri === params.uri) run.handle.stop();
        runs.set(runId, { uri: params.uri, handle });
        handle.onEvent((event) => {
          const notification: TrainProgressParams = { uri: params.uri, event };
          void context.connection.sendNotification(TRAIN_PROGRESS_NOTIFICATION, notification);
          if (event.type === 'finished' || event.type === 'error') runs.delete(runId);
          if (event.type === 'finished') {
            anchored.set(params.uri, anchorFindings(event.findings, model, train, text));
            context.publish(params.uri);
          }
        });
        return { ok: true, runId };
      });

      // Runs started by the client (the training panel) report their findings here; findings of a run whose
      // document has changed since it started are dropped, as their layer indices may point elsewhere now.
      context.connection.onNotification(TRAINING_FINDINGS_NOTIFICATION, (params: TrainingFindingsParams) => {
        const document = context.documents.get(params.uri);
        if (!document || (params.version !== undefined && params.version !== document.version)) return;
        const analysis = context.analysisOf(params.uri);
        const train = analysis?.semantic.trains.find((t) => t.modelName === params.model);
        if (!train?.model || !Array.isArray(params.findings)) return;
        anchored.set(params.uri, anchorFindings(params.findings, train.model, train, document.getText()));
        context.publish(params.uri);
      });

      context.connection.onNotification(STOP_TRAINING_NOTIFICATION, (params: StopTrainingParams) => {
        for (const [id, run] of runs) {
          if (id === params.runId || (params.uri !== undefined && run.uri === params.uri)) run.handle.stop();
        }
      });
    },
  };
}

export const trainingFeature: Feature = createTrainingFeature();
