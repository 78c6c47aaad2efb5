/**
 * The one run pipeline: a document, a model name, the user's settings and one-off overrides become the
 * specification of a run, or the problems that stop it. The CLI (`nn train`, `nn export` with training), the
 * language server and the training panel (through the server) all start their runs from here, so they refuse
 * the same files for the same reasons. Pure: the host passes how links resolve and how a CSV file is read
 * (./pipeline.ts passes Node's; the web worker server reads through its client before planning).
 */
import { analyze, type Analysis } from '../analysis';
import { findDataset } from '../catalog';
import { csvDatasetFacts, dataTaskProblems } from '../checks';
import type { Diagnostic } from '../diagnostic';
import type { NnSettings } from '../settings';
import { pickTrain } from '../model/pick';
import { knownRows, runSizeRefusal } from '../model/size';
import type { TrainInfo } from '../model/types';
import { MAX_RUN_PROBLEMS, type PlannedRun, type RunProblem } from '../protocol';
import { withTrainingDefaults } from '../thresholds';
import { loadDataset } from '../train/data/load';
import { DataError } from '../train/data/types';
import { datasetRequestFromTrain, settingsFromTrain, specFromModel } from '../train/fromModel';
import { UNTRUSTED_MESSAGE, type AsyncCsvReader, type CsvReader, type RunDataAccess } from '../train/data/access';
import type { DatasetRequest, NetworkSpec, TrainSettings } from '../model/spec';
import { withHiddenActivation } from './hiddenActivation';

export type { NnSettings, RunDataAccess, RunProblem };

/** A toy data set chosen in place of the file's (the panel's data picker). */
export interface ToyDataChoice {
  name: string;
  points: number;
  noise: number;
}

export interface RunRequest {
  /** The document's text. */
  text: string;
  /** The document's file system path; empty for a document not saved to disk. */
  path: string;
  /** Which model; the first train block when absent. */
  modelName?: string;
  /** The user's settings (check severities and thresholds, training thresholds). */
  settings: NnSettings;
  /** One-off overrides (CLI flags such as --epochs, the panel's fields). */
  overrides?: Partial<TrainSettings>;
  /** A toy data set in place of the file's (the panel's data picker); ignored unless it names a toy set. */
  toyData?: ToyDataChoice;
  /** Compare runs: this activation (default parameters) on every hidden dense layer. */
  hiddenActivation?: string;
  /** The workspace roots and whether the workspace is trusted. */
  data: RunDataAccess;
  /** Decision-boundary resolution, part of the size budget. */
  gridSize?: number;
}

export type RunPlan =
  | (PlannedRun & { ok: true })
  | {
      ok: false;
      message: string;
      problems: RunProblem[];
      /** The file itself stops the run (its errors, or a model too large to train); the CLI exits 1 for these. */
      errorsInFile?: boolean;
    };

/** A diagnostic with its place, as every caller shows it. */
export function runProblem(
  analysis: Analysis,
  d: Pick<Diagnostic, 'code' | 'severity' | 'message' | 'span'>,
): RunProblem {
  const { line, character } = analysis.lines.positionAt(d.span.start);
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    line: line + 1,
    column: character + 1,
    start: d.span.start,
    end: d.span.end,
  };
}

function refuse(message: string, problems: RunProblem[] = [], errorsInFile = false): RunPlan {
  return errorsInFile ? { ok: false, message, problems, errorsInFile } : { ok: false, message, problems };
}

/** The errors of a file (severities after the user's settings) as one sentence, naming the first few lines. */
function fileErrorsMessage(analysis: Analysis, errors: Diagnostic[]): string {
  const shown = errors.slice(0, 3).map((d) => `line ${analysis.lines.positionAt(d.span.start).line + 1}: ${d.message}`);
  if (errors.length > shown.length) shown.push(`${errors.length - shown.length} more`);
  const one = errors.length === 1;
  return `the file has ${one ? 'an error' : `${errors.length} errors`} (${shown.join('; ')}); fix ${one ? 'it' : 'them'} before training`;
}

/** Without a reader, a CSV file must come with its text (a run request built elsewhere). */
const textGiven: CsvReader = (request) => {
  if (request.name !== 'csv' || request.csvText !== undefined) return request;
  throw new DataError('the data file was not read (this host reads no files)');
};

/** Turns a run request into the plan of a run, or the problems that stop it. */
export function planRun(request: RunRequest): RunPlan {
  const analysis = analyze(request.text, {
    documentPath: request.path || undefined,
    workspaceRoots: request.data.workspaceRoots,
    realPath: request.data.realPath,
    checks: request.settings.checks,
  });
  const train = pickTrain(analysis.semantic.trains, request.modelName);
  if (typeof train === 'string') return refuse(train);
  // Nothing runs from a file with errors, after the user's severity settings.
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    return refuse(
      fileErrorsMessage(analysis, errors),
      errors.slice(0, MAX_RUN_PROBLEMS).map((d) => runProblem(analysis, d)),
      true,
    );
  }
  // In an untrusted workspace nothing runs and no data file is read, so CSV data stays unknown (no data-task).
  if (!request.data.trusted) return refuse(UNTRUSTED_MESSAGE);
  return planTrain(analysis, train, request);
}

/** The plan for one train block of a file without errors. */
function planTrain(analysis: Analysis, train: TrainInfo, request: RunRequest): RunPlan {
  const model = train.model;
  if (!model) return refuse(`no model named '${train.modelName}'`);
  const fileData = datasetRequestFromTrain(train);
  if (!fileData) return refuse(`the train block for '${train.modelName}' has no data line`);
  let spec: NetworkSpec;
  try {
    spec = specFromModel(model);
    if (request.hiddenActivation) spec = withHiddenActivation(spec, model, request.hiddenActivation);
  } catch (error) {
    return refuse(`model '${model.name}' cannot be trained: ${(error as Error).message}`);
  }
  const settings = settingsFromTrain(train, request.overrides ?? {});
  const data = withToyData(fileData, request.toyData);
  const sizeProblem = (message: string): RunPlan =>
    refuse(
      message,
      [runProblem(analysis, { code: 'model-size', severity: 'error', span: model.nameSpan, message })],
      true,
    );
  // The size budget comes before anything is read or allocated; a toy set's rows are known from its request.
  const gridSize = request.gridSize ?? 0;
  const tooLarge = runSizeRefusal(spec, settings.batch, { rows: knownRows(data), gridSize });
  if (tooLarge) return sizeProblem(tooLarge);
  const thresholds = withTrainingDefaults(request.settings.training);
  const plan = { ok: true as const, modelName: model.name, spec, settings, thresholds };
  if (data.name !== 'csv') return { ...plan, data };

  const dataSpan = train.data?.pathSpan ?? train.data?.span ?? train.modelNameSpan;
  try {
    const read = request.data.readCsv ?? textGiven;
    const withText = read(data, request.path || '/untitled.nn', request.data);
    const dataset = loadDataset(withText, settings.seed);
    const problems = dataTaskProblems(train, csvDatasetFacts(dataset));
    if (problems.length > 0)
      return refuse(
        problems.map((p) => p.message).join('; '),
        problems.map((p) => runProblem(analysis, p)),
      );
    const tooLargeWithData = runSizeRefusal(spec, settings.batch, { rows: dataset.n, gridSize });
    if (tooLargeWithData) return sizeProblem(tooLargeWithData);
    return { ...plan, data: withText };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return refuse(error.message, [
      runProblem(analysis, { code: 'data-path', severity: 'error', span: dataSpan, message: error.message }),
    ]);
  }
}

/** The file's data request, or the chosen toy set with the parameters of the file's set that it accepts. */
function withToyData(data: DatasetRequest, choice: ToyDataChoice | undefined): DatasetRequest {
  const def = choice && findDataset(choice.name);
  if (!choice || def?.kind !== 'toy') return data;
  const accepted = new Set(def.params.map((p) => p.name));
  const carried = Object.fromEntries(Object.entries(data.params).filter(([name]) => accepted.has(name)));
  return { ...data, name: def.name, params: { ...carried, points: choice.points, noise: choice.noise } };
}

/** Thrown by the first pass of `planRunReading` where the plan needs a CSV file's text. */
class CsvNeeded extends Error {
  constructor(
    readonly request: DatasetRequest,
    readonly documentPath: string,
  ) {
    super('the plan needs a CSV file');
  }
}

/**
 * `planRun` for hosts that read files asynchronously: plans once, and only when the plan gets as far as reading
 * a CSV file (no errors in the file, a trusted workspace, within the size budget) reads it with `read` and plans
 * again with its text. So a file is read exactly when `planRun` would read it, and `planRun` stays synchronous.
 */
export async function planRunReading(request: RunRequest, read: AsyncCsvReader): Promise<RunPlan> {
  let needed: CsvNeeded;
  try {
    const readCsv: CsvReader = (data, documentPath) => {
      throw new CsvNeeded(data, documentPath);
    };
    return planRun({ ...request, data: { ...request.data, readCsv } });
  } catch (error) {
    if (!(error instanceof CsvNeeded)) throw error;
    needed = error;
  }
  let outcome: { text: DatasetRequest } | { error: DataError };
  try {
    outcome = { text: await read(needed.request, needed.documentPath, request.data) };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    outcome = { error };
  }
  // The second pass asks for the same file: planning is deterministic.
  const readCsv: CsvReader = () => {
    if ('error' in outcome) throw outcome.error;
    return outcome.text;
  };
  return planRun({ ...request, data: { ...request.data, readCsv } });
}
