/**
 * Exports a model of an analysed `.nn` file: picks the model, refuses one with errors, and finds its
 * trained weights (a saved run, or a fresh run of the file's train block, planned by the run pipeline like
 * every other run). Reading saved runs and training go through the `ExportHost` the caller (CLI or language
 * server) provides.
 */
import type { Analysis } from '../analysis';
import { isIdentityFeatures, type FeatureName } from '../catalog';
import { CHECKS } from '../checks/registry';
import { pickModel } from '../model/pick';
import type { ModelInfo, TrainInfo } from '../model/types';
import { planRun, planRunReading, type RunDataAccess } from '../run/plan';
import type { AsyncCsvReader } from '../train/data/access';
import type { NnSettings } from '../settings';
import { settingsFromTrain, specFromModel } from '../train/fromModel';
import type { DatasetRequest, LayerSpec, NetworkSpec, NetworkWeights, TrainSettings } from '../model/spec';
import { exportModel } from './index';
import { loadJsonExport } from './json';
import { runWeightsPath } from './runsFolder';
import type { ExportResult, ExportTarget } from './types';

export interface ExportHost {
  /** The text of a file, or undefined when it does not exist (or cannot be read). */
  readText(path: string): string | undefined | Promise<string | undefined>;
  /**
   * Reads a CSV file for a fresh run, for hosts whose files arrive asynchronously; without it the run is
   * planned with `FileExportRequest.data` alone (its `readCsv`).
   */
  readCsv?: AsyncCsvReader;
  /** Trains `spec` on `data` (a csv request carries its text) and resolves with the final weights. */
  train(spec: NetworkSpec, settings: TrainSettings, data: DatasetRequest): Promise<NetworkWeights>;
}

export interface FileExportRequest {
  analysis: Analysis;
  /** Absolute path of the `.nn` file (saved runs live next to it). */
  filePath: string;
  target: ExportTarget;
  /** The model to export; the first one in the file when omitted. */
  model?: string;
  /** Export trained weights (from the saved run, or trained now). */
  weights: boolean;
  /** Names the files (`stem.py`, …); the model's name by default. */
  stem?: string;
  /** What a fresh run is planned with: the user's settings, and where data files may be read. */
  settings: NnSettings;
  data: RunDataAccess;
}

export interface FileExportOutcome {
  model: string;
  result: ExportResult;
  /** What happened on the way, for the user (which weights were used, which model was picked). */
  messages: string[];
}

/** A problem the user must fix before the export can run; the message says what and how. */
export class ExportRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportRequestError';
  }
}

/** Codes of the design checks: their findings are advice about a well-defined network, so they never block an export. */
const DESIGN_CHECKS = new Set(CHECKS.filter((c) => c.emittedBy === 'check').map((c) => c.code));

/** The errors inside [start, end) as `line L: message`; `blocking` picks errors that leave the model undefined. */
function errorsIn(analysis: Analysis, start: number, end: number, blocking: boolean): string[] {
  return analysis.diagnostics
    .filter(
      (d) =>
        d.severity === 'error' && d.span.start >= start && d.span.start < end && DESIGN_CHECKS.has(d.code) !== blocking,
    )
    .map((d) => `line ${analysis.lines.positionAt(d.span.start).line + 1}: ${d.message}`);
}

function firstErrorIn(analysis: Analysis, start: number, end: number): string | undefined {
  return errorsIn(analysis, start, end, true)[0];
}

/** The parts of a spec that decide the weights' shapes and meaning. */
function architecture(spec: NetworkSpec, features: readonly FeatureName[] | undefined): string {
  const layer = (l: LayerSpec) =>
    l.kind === 'dense'
      ? ['dense', l.units, l.activation?.name, l.activation?.params]
      : l.kind === 'dropout'
        ? ['dropout']
        : ['activation', l.activation.name, l.activation.params];
  // The features decide what each input weight multiplies, so weights of other features do not fit.
  return JSON.stringify([spec.input, spec.layers.map(layer), isIdentityFeatures(features) ? [] : features]);
}

async function trainedWeights(
  model: ModelInfo,
  spec: NetworkSpec,
  train: TrainInfo | undefined,
  request: FileExportRequest,
  host: ExportHost,
  messages: string[],
): Promise<{ weights: NetworkWeights; settings?: TrainSettings }> {
  const savedPath = runWeightsPath(request.filePath, model.name);
  const savedText = await host.readText(savedPath);
  let why = `no saved run for '${model.name}'`;
  if (savedText !== undefined) {
    try {
      const saved = loadJsonExport(savedText);
      const features = train ? settingsFromTrain(train).features : undefined;
      if (saved.weights && architecture(saved.spec, saved.settings?.features) === architecture(spec, features)) {
        messages.push(`weights: the saved run ${savedPath}`);
        return { weights: saved.weights, settings: saved.settings };
      }
      why = saved.weights
        ? `the saved run of '${model.name}' belongs to an earlier version of the model`
        : `the saved run of '${model.name}' holds no weights`;
    } catch (error) {
      why = `the saved run ${savedPath} cannot be read (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  if (!train)
    throw new ExportRequestError(
      `${why}, and the file has no train block for it to train now — add one, or export without weights`,
    );
  // A run starts from the run pipeline: nothing from a file with errors, data that does not fit, or beyond the size budget.
  const runRequest = {
    text: request.analysis.text,
    path: request.filePath,
    modelName: model.name,
    settings: request.settings,
    data: request.data,
  };
  const plan = host.readCsv ? await planRunReading(runRequest, host.readCsv) : planRun(runRequest);
  if (!plan.ok) throw new ExportRequestError(`${why}, and it cannot be trained now: ${plan.message}`);
  const { settings, data } = plan;
  const weights = await host.train(plan.spec, settings, data);
  messages.push(
    `weights: ${why}, so it was trained now with its train block (${settings.epochs} epochs on '${data.name}', seed ${settings.seed})`,
  );
  return { weights, settings };
}

/** Runs the export of one model of the file. Throws ExportRequestError for problems the user can fix. */
export async function exportFromAnalysis(request: FileExportRequest, host: ExportHost): Promise<FileExportOutcome> {
  const messages: string[] = [];
  const { analysis } = request;
  const picked = pickModel(analysis.semantic.models, request.model, 'this file');
  if (typeof picked === 'string') throw new ExportRequestError(picked);
  if (picked.note) messages.push(`exported ${picked.note}`);
  const { model } = picked;
  const modelError = firstErrorIn(analysis, model.decl.span.start, model.decl.span.end);
  if (modelError) throw new ExportRequestError(`model '${model.name}' has an error (${modelError})`);
  for (const finding of errorsIn(analysis, model.decl.span.start, model.decl.span.end, false)) {
    messages.push(`exported as written, although a check reports an error (${finding})`);
  }
  let spec: NetworkSpec;
  try {
    spec = specFromModel(model);
  } catch (error) {
    throw new ExportRequestError(error instanceof Error ? error.message : String(error));
  }
  const train = analysis.semantic.trains.find((t) => t.model === model || t.modelName === model.name);
  let weights: NetworkWeights | undefined;
  let settings = train ? settingsFromTrain(train) : undefined;
  if (request.weights) {
    const trained = await trainedWeights(model, spec, train, request, host, messages);
    weights = trained.weights;
    settings = trained.settings ?? settings;
  }
  const sourceName = request.filePath.split(/[\\/]/).pop();
  const result = exportModel(request.target, { spec, weights, settings, sourceName }, request.stem ?? model.name);
  return { model: model.name, result, messages };
}
