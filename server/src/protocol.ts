/**
 * Every message that crosses a boundary — language server ↔ client, extension ↔ training worker,
 * extension ↔ panel — is typed here, once. Each custom LSP message is an object (`XRequest.type`) that both
 * sides pass to `sendRequest`/`onRequest`, so the compiler checks parameters and results on both ends.
 * The only runtime import is vscode-jsonrpc's message classes (the browser and worker bundles alias it to
 * that one small file; see esbuild.mjs).
 */
import { NotificationType, NotificationType0, RequestType } from 'vscode-jsonrpc';
import type { Range, TextEdit } from 'vscode-languageserver-protocol';
import type { TaskKind } from './catalog/types';
import type { DatasetRequest, NetworkSpec, NetworkWeights, TrainSettings } from './model/spec';
import type { TrainingThresholds } from './thresholds';

/* ---------- Training progress (worker → host → panel) ---------- */

export interface Histogram {
  min: number;
  max: number;
  counts: number[];
}

export interface LayerHealth {
  /** Layer name (label or `dense_1`). */
  name: string;
  /** Index in the model's layer list, for links back to the source. */
  sourceIndex: number;
  activation: string;
  /** Fraction of units that output 0 for every validation sample (ReLU family). */
  deadFraction?: number;
  /** Fraction of units in the flat tails for ≥ 90% of samples (sigmoid/tanh family). */
  saturatedFraction?: number;
  gradNorm: number;
  histogram: Histogram;
}

/** Model output over a grid of the 2-D input plane. */
export interface BoundaryGrid {
  width: number;
  height: number;
  xRange: [number, number];
  yRange: [number, number];
  /**
   * Row-major, height × width; for binary/regression the output value, for multiclass the winning class.
   * Row 0 is the top edge (y = yRange[1]) and column 0 the left edge (x = xRange[0]), as in an image.
   */
  values: number[];
  /** For multiclass: the probability of the winning class, same layout. */
  confidence?: number[];
}

export interface NeuronGrid {
  layer: string;
  unit: number;
  width: number;
  height: number;
  values: number[];
}

/** One dense layer's incoming weights, for the panel's network view. */
export interface LayerConnections {
  layer: string;
  /** Index in the model's layer list (what `revealLayer` sends back). */
  sourceIndex: number;
  inWidth: number;
  units: number;
  /**
   * Row-major units × inWidth (maxout: the first piece). Absent when the model has more than
   * MAX_VIEW_WEIGHTS weights in all; the view then draws the layer's links from `meanAbs` alone.
   */
  weights?: number[];
  maxAbs: number;
  meanAbs: number;
}

/** Progress carries every weight only for models with at most this many (else per-layer sizes). */
export const MAX_VIEW_WEIGHTS = 4096;

export interface EpochProgress {
  type: 'epoch';
  runId: string;
  epoch: number;
  epochs: number;
  trainLoss: number;
  valLoss: number;
  /** Accuracy for classification, MAE for regression. */
  trainMetric: number;
  valMetric: number;
  metricName: 'accuracy' | 'mae';
  elapsedMs: number;
  samplesPerSecond: number;
  layers: LayerHealth[];
  boundary?: BoundaryGrid;
  neurons?: NeuronGrid[];
  /** The dense layers' weights for the network view (with 2-D data, like the grids). */
  connections?: LayerConnections[];
  /** Findings that hold as of this epoch (shown live in the panel). */
  findings: TrainingFinding[];
  /** With a `StartRun.target`: the first epoch (counting every epoch, reported or not) that met it. */
  reachedAt?: number;
  /** The epochs after the previous progress message and before this one, oldest first (the curves get every epoch). */
  earlier?: EpochPoint[];
}

/** One epoch's numbers for the curves. */
export interface EpochPoint {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  trainMetric: number;
  valMetric: number;
  /** One per entry of the run's progress `layers`, in the same order. */
  gradNorms: number[];
}

/** At most this many points ride on one message (the host's outbox starts a new message beyond it). */
export const MAX_EPOCH_POINTS = 100_000;

export interface TrainingFinding {
  code: 'dead-units' | 'saturated-units' | 'vanishing-gradient' | 'exploding-gradient' | 'loss-plateau' | 'overfitting';
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** Layer name and its index in the model's layer list, when the finding is about one layer. */
  layer?: string;
  sourceIndex?: number;
  epoch: number;
  /** The changes its check offers (decided in the core); the panel shows one button per fix. */
  fixes?: FindingFix[];
}

/** One change a training finding offers: the check's fix id, a title for the button, and the change itself. */
export interface FindingFix {
  id: string;
  title: string;
  change: PanelFix;
}

export interface DatasetSummary {
  name: string;
  features: number;
  /** Class names for classification; empty for regression. */
  classes: string[];
  trainSize: number;
  validationSize: number;
  /** 2-D datasets only: points to draw (inputs in original units). */
  points?: { x: number; y: number; label: number; split: 'train' | 'validation' }[];
  /** Names of the input columns (a CSV's header cells), when known. */
  featureNames?: string[];
  /** Names of the target columns (a CSV's header cells), when known. */
  targetNames?: string[];
}

export interface RunStarted {
  type: 'started';
  runId: string;
  spec: NetworkSpec;
  settings: TrainSettings;
  dataset: DatasetSummary;
}

export interface RunFinished {
  type: 'finished';
  runId: string;
  reason: 'completed' | 'stopped' | 'diverged' | 'failed';
  /** Why it stopped when it did not complete, in words (names the layer and epoch on divergence). */
  detail?: string;
  epochs: number;
  final: { trainLoss: number; valLoss: number; trainMetric: number; valMetric: number; metricName: 'accuracy' | 'mae' };
  findings: TrainingFinding[];
  /** Validation confusion matrix, rows = true class, columns = predicted (classification with ≤ MAX_CONFUSION_CLASSES classes). */
  confusion?: number[][];
  /** Why a classification run has no confusion matrix (too many classes). */
  confusionOmitted?: string;
  weights?: NetworkWeights;
  /** With a `StartRun.target`: the first epoch that met it; absent when no epoch did. */
  reachedAt?: number;
  /** The epochs trained since the last progress message (a stop or a divergence can end a run between two). */
  earlier?: EpochPoint[];
}

/** A confusion matrix is built and sent for at most this many classes (it grows with their square). */
export const MAX_CONFUSION_CLASSES = 50;

export interface RunError {
  type: 'error';
  runId: string;
  message: string;
  /** Problems in the file that stopped the run before it started (at most MAX_RUN_PROBLEMS), with their places. */
  problems?: RunProblem[];
}

/** A problem in the file that stops a run, with its place: the panel links each one to its line. */
export interface RunProblem {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  /** 1-based line and column, as people count them. */
  line: number;
  column: number;
  /** The range in the document, as UTF-16 offsets (what `revealSource` sends back). */
  start: number;
  end: number;
}

/** A refused run lists at most this many problems. */
export const MAX_RUN_PROBLEMS = 100;

export type TrainingEvent = RunStarted | EpochProgress | RunFinished | RunError;

/* ---------- Control (host → worker) ---------- */

export interface StartRun {
  type: 'start';
  runId: string;
  spec: NetworkSpec;
  settings: TrainSettings;
  data: DatasetRequest;
  /** Minimum time between progress messages, in ms (the last epoch is always sent). */
  progressIntervalMs: number;
  /** Boundary grid resolution for 2-D inputs (0 = none). */
  gridSize: number;
  /** Training-check thresholds (user settings); defaults from rules.md for any left out. */
  thresholds?: Partial<TrainingThresholds>;
  /** Start paused: the run waits for `step` or `resume` before training its first epoch. */
  paused?: boolean;
  /** A validation target to time: the trainer checks it after every epoch and reports `reachedAt`. */
  target?: RunThreshold;
  /** Train in PyTorch instead of the engine (desktop only; pause and step do not apply to such a run). */
  torch?: TorchRunOptions;
}

/** Which trainer a run uses: the built-in engine or PyTorch through an exported train.py. */
export type RunBackend = 'engine' | 'torch';

/** One file of an exported PyTorch trainer folder (model.py, train.py, the data, the initial weights). */
export interface TrainerFile {
  name: string;
  content: string;
}

/** How a PyTorch run starts: the Python interpreter, the local ranks, and the trainer folder's files. */
export interface TorchRunOptions {
  python: string;
  /** Local ranks of a data-parallel run (1 or absent: one process). */
  nproc?: number;
  files: TrainerFile[];
}

export type RunControl =
  | StartRun
  | { type: 'pause'; runId: string }
  | { type: 'resume'; runId: string }
  | { type: 'step'; runId: string }
  | { type: 'stop'; runId: string };

/* ---------- Panel (extension host ↔ training panel webview) ---------- */
// Runtime validators for these messages live in ./protocolValidate.ts (pure, bundled into the webview).

export type PanelMode = 'train' | 'compare';

/** An activation's f and f′ sampled by the host from the catalog, so the webview holds no formulas. */
export interface ActivationCurve {
  /** Display name with parameters, e.g. `leaky_relu(alpha: 0.1)`; layers refer to it by this name. */
  name: string;
  xs: number[];
  f: number[];
  df: number[];
  /** How to read the plot when it is not a plain f(x), e.g. for softmax. */
  note?: string;
}

export interface PanelLayer {
  name: string;
  /** Index in the model's layer list (what `revealLayer` sends back). */
  sourceIndex: number;
  kind: 'dense' | 'dropout' | 'activation';
  units?: number;
  role?: 'hidden' | 'output';
  /** Name of the activation in effect, matching an `ActivationCurve.name`; undefined = linear. */
  activation?: string;
}

/** The file's train settings as the panel shows them (its fields edit the file, never a copy). */
export interface PanelSettings {
  epochs: number;
  batch: number;
  lr: number;
  seed: number;
  /** The fraction held out for validation, and whether the features are standardized. */
  validation?: number;
  normalize?: boolean;
  /** Toy 2-D data only: which set, how many points, how much noise. */
  data?: { name: string; points: number; noise: number };
  /** The model's regularization (undefined when it has none). */
  regularize?: { kind: 'l1' | 'l2'; amount: number };
  /** Toy 2-D data only: the input features the network sees, as written (or the default). */
  features?: string[];
}

/** What the panel shows of a model: worked out by the language server from the analysis (`nn/panelModel`). */
export interface PanelModel {
  modelName: string;
  taskKind?: TaskKind;
  layers: PanelLayer[];
  activationCurves: ActivationCurve[];
  settings: PanelSettings;
  /** Toy datasets offered in the data picker (empty when the file trains on other data). */
  toyDatasets: string[];
  /** The input features a toy 2-D dataset may use, with the formula shown on their toggles. */
  featureChoices?: { name: string; formula: string }[];
  /** The regularizations a model may use, each with the amount written when it is picked. */
  regularizeChoices?: { kind: 'l1' | 'l2'; amount: number }[];
  /** Activations offered for hidden layers in compare mode, and the ones checked by default. */
  compareChoices: string[];
  compareDefaults: string[];
}

/** Sent after the webview says `ready`, and again whenever the document's model changes. */
export interface PanelInit extends PanelModel {
  type: 'init';
  mode: PanelMode;
  /** Shown as text, never as HTML. */
  fileName: string;
  /** The document's URI, kept in the panel's saved state so the host can reattach after a reload. */
  documentUri?: string;
  /** True when the PyTorch backend can be offered (desktop, and the `nn.python` interpreter has torch). */
  torchAvailable?: boolean;
}

/**
 * A validation target a run is timed to (compare runs): the trainer checks it after every epoch, reported
 * or not, and reports the first epoch that meets it as `reachedAt`.
 */
export interface RunThreshold {
  key: 'valMetric' | 'valLoss';
  direction: 'atLeast' | 'atMost';
  value: number;
}

/** Announces the runs that follow (clears the previous ones). An empty list means "reset". */
export interface PanelPlan {
  type: 'plan';
  mode: PanelMode;
  /** In compare mode `activation` is the hidden layers' activation of that run (what "use this" applies). */
  runs: { runId: string; label: string; activation?: string }[];
  threshold?: RunThreshold;
  /**
   * The document's text the runs start from (left out above MAX_PLAN_TEXT characters). The panel keeps it in its
   * saved state, so a host reattached after a window reload can still tell which line changed since.
   */
  text?: string;
}

/** The longest document text a plan carries for the panel's saved state. */
export const MAX_PLAN_TEXT = 2_000_000;

export interface PanelRunState {
  type: 'runState';
  state: 'idle' | 'running' | 'paused' | 'finished';
}

/**
 * The document changed since the results on screen were trained: `line` (1-based) is the first line that
 * differs from the text the run started from. Without `line` the text is that text again (an undo).
 */
export interface PanelStale {
  type: 'stale';
  line?: number;
}

/** One message the panel folds into its state. */
export type PanelUpdate = PanelInit | PanelPlan | PanelRunState | PanelStale | TrainingEvent;

/**
 * What the host's outbox delivers: the updates since the previous batch, in order, progress coalesced (the
 * latest grids and health win, curve points are appended). The panel answers each with `ack` and its `seq`.
 */
export interface PanelBatch {
  type: 'batch';
  seq: number;
  updates: PanelUpdate[];
}

/** A batch holds at most this many updates. */
export const MAX_BATCH_UPDATES = 10_000;

export type HostToPanel = PanelUpdate | PanelBatch;

/** A change to the document that the panel may ask for (the host turns it into a WorkspaceEdit). */
export type PanelFix =
  | { kind: 'setActivation'; sourceIndices: number[]; activation: string }
  | { kind: 'setLearningRate'; lr: number }
  | { kind: 'setTrainSetting'; setting: TrainSettingChange };

/** A train setting as the panel writes it into the file (its `train` block; `regularize` goes in the model). */
export type TrainSettingChange =
  | { key: 'epochs' | 'batch' | 'seed' | 'lr' | 'validation'; value: number }
  | { key: 'normalize'; value: boolean }
  | { key: 'features'; value: string[] }
  /** A toy dataset and the arguments to write (other arguments the dataset takes are kept). */
  | { key: 'data'; value: { name: string; args: Record<string, number> } }
  /** `null` removes the `regularize` line. */
  | { key: 'regularize'; value: { kind: 'l1' | 'l2'; amount: number } | null };

export type PanelControlAction = 'play' | 'pause' | 'step' | 'reset' | 'stop' | 'regenerate';

export type PanelToHost =
  | { type: 'ready' }
  | { type: 'control'; action: PanelControlAction }
  | { type: 'compare'; activations: string[] }
  | { type: 'revealLayer'; sourceIndex: number }
  /** Shows a range of the document (a problem's place), as UTF-16 offsets. */
  | { type: 'revealSource'; start: number; end: number }
  | { type: 'applyFix'; fix: PanelFix; rerun: boolean }
  | { type: 'copyResults'; markdown: string }
  /** The backend the next runs use (a run option, not written to the file). */
  | { type: 'backend'; backend: RunBackend }
  /** The panel has applied the batch with this `seq` (the host then sends the next). */
  | { type: 'ack'; seq: number };

/* ---------- Custom LSP messages (client ↔ language server), typed once as objects ---------- */

/** A request: its method name and the typed object both sides pass to `sendRequest`/`onRequest`. */
function request<P, R>(method: string): { readonly method: string; readonly type: RequestType<P, R, void> } {
  return { method, type: new RequestType<P, R, void>(method) };
}

/** A notification: its method name and the typed object both sides pass to `sendNotification`/`onNotification`. */
function notification<P>(method: string): { readonly method: string; readonly type: NotificationType<P> } {
  return { method, type: new NotificationType<P>(method) };
}

/** `nn/summary`: the Keras-like summary of a document's models, as Markdown. */
export const SummaryRequest = request<SummaryParams, SummaryResult>('nn/summary');

export interface SummaryParams {
  uri: string;
  /** One model by name; every model of the document when absent. */
  model?: string;
}

export interface SummaryResult {
  /** Empty when the document is not open or has no such model. */
  markdown: string;
  /** The names of the models summarised. */
  models: string[];
}

/**
 * `nn/trainingFindings` (client → server): the findings of a run the extension host started from a
 * `nn/planRun` plan; the server publishes them as `nn-train` diagnostics on their layers' lines.
 */
export const TrainingFindingsNotification = notification<TrainingFindingsParams>('nn/trainingFindings');

export interface TrainingFindingsParams {
  uri: string;
  /** The model whose train block ran. */
  model: string;
  /**
   * The document's version when the run started; the server ignores the findings when the document has
   * changed since (their layer indices may no longer match). Absent: published for the current text.
   */
  version?: number;
  findings: TrainingFinding[];
}

/**
 * `nn/export`: exports one model of an open document to PyTorch, ONNX or NN Studio JSON. The server builds
 * the files (training the model's train block in a worker first when trained weights are asked for and no
 * saved run fits); the client writes them where the user chose.
 */
export const ExportRequest = request<ExportParams, ExportResponse>('nn/export');

export interface ExportParams {
  uri: string;
  target: 'pytorch' | 'onnx' | 'json';
  /** The model to export; the document's first model when absent. */
  model?: string;
  /** Include trained weights (from `.nn-runs/<model>.weights.json`, or trained now). */
  weights: boolean;
  /** Names the files (`stem.py`, `stem.weights.json`, …); the model's name when absent. */
  stem?: string;
}

export interface ExportedFileContent {
  /** File name relative to the chosen folder. */
  name: string;
  role: 'main' | 'weights';
  /** The content: text for .py and .json, base64 for binary files (.onnx). */
  encoding: 'utf8' | 'base64';
  data: string;
}

export interface ExportResponse {
  ok: boolean;
  /** Why the export could not run (when not ok). */
  message?: string;
  model?: string;
  files?: ExportedFileContent[];
  /** What happened on the way (which weights were used) and remarks on the export. */
  messages?: string[];
}

/* ---------- Initialization options and workspace trust (client → language server) ---------- */

/**
 * `initializationOptions` the VS Code client sends with `initialize`. Other editors send none; a field left
 * out keeps its default.
 */
export interface ClientInitializationOptions {
  /**
   * False in a workspace the user has not trusted (VS Code's Restricted Mode): the server then reads no data
   * file and starts no run. Default true: editors without workspace trust open folders the user chose.
   */
  workspaceTrusted?: boolean;
  /**
   * True when the client renders images in hover and completion Markdown (VS Code does). Default false: other
   * editors get the same text without the activation plots, which would arrive as long base64 strings.
   */
  hoverImages?: boolean;
}

/** `nn/workspaceTrusted` (client → server): the user has trusted the workspace; data files may be read now. */
export const WorkspaceTrustedNotification = {
  method: 'nn/workspaceTrusted',
  type: new NotificationType0('nn/workspaceTrusted'),
} as const;

/* ---------- Files through the client (language server → client; the web server's host) ---------- */
// In VS Code for the Web the language server runs in a web worker with no file system: it asks the client,
// which reads and writes through `vscode.workspace.fs`. The client checks containment before acting: the URI
// lies inside a workspace folder (same scheme and authority), names a file and not a symbolic link, is within
// the size limit, and the workspace is trusted. A refusal's message never quotes the refused file's content.

export interface HostReadFileParams {
  uri: string;
}

export type HostReadFileResult = { ok: true; text: string } | { ok: false; message: string };

/** The largest file the client reads for the server (bytes); larger ones are refused with a message. */
export const MAX_HOST_FILE_BYTES = 200 * 1024 * 1024;

/** `nn/host/readFile`: the text of a workspace file (a CSV data file, a saved run). */
export const HostReadFileRequest = request<HostReadFileParams, HostReadFileResult>('nn/host/readFile');

export interface HostWriteFileParams {
  uri: string;
  text: string;
}

export type HostWriteFileResult = { ok: true } | { ok: false; message: string };

/** `nn/host/writeFile`: writes a workspace file (saved runs under `.nn-runs/`), creating its folder. */
export const HostWriteFileRequest = request<HostWriteFileParams, HostWriteFileResult>('nn/host/writeFile');

/* ---------- The training panel's requests (extension host → language server) ---------- */
// The extension host knows VS Code and this protocol, nothing of the language: what the panel shows, the
// specification of every run, the edits behind its buttons and the saving of weights all come from the server.

/** Names a model of an open document: the model whose train block runs; the first train block when absent. */
export interface PanelModelParams {
  uri: string;
  model?: string;
}

/** `nn/panelModel`: what the panel shows of a model, and what the host needs to act on it. */
export const PanelModelRequest = request<PanelModelParams, PanelModelResult>('nn/panelModel');

export type PanelModelResult =
  | {
      ok: true;
      model: PanelModel;
      /** Where each layer is written, by its index in the model's layer list (what `revealLayer` shows). */
      layerRanges: Range[];
      /** What compare runs are timed to: a validation accuracy for classifiers; none for regression. */
      compareThreshold?: RunThreshold;
    }
  | { ok: false; message: string };

/** A run always trains the file as it is: the panel's fields edit the file rather than override it. */
export interface PlanRunParams extends PanelModelParams {
  /** Compare runs: this activation (default parameters) on every hidden dense layer. */
  hiddenActivation?: string;
  /** Decision-boundary resolution the run will be asked for (part of the size budget). */
  gridSize?: number;
  /** Also export the PyTorch trainer folder for a run with the torch backend (`trainer` in the result). */
  withTrainer?: boolean;
}

/**
 * `nn/planRun`: the specification of a run (network, settings, data with a CSV file's text, training-check
 * thresholds), made by the same pipeline the CLI uses, or the problems that stop it. The host starts the
 * training worker with it.
 */
export const PlanRunRequest = request<PlanRunParams, PlanRunResult>('nn/planRun');

/** A run as planned from a file: what the training worker is started with (the CLI's plan and `nn/planRun`'s). */
export interface PlannedRun {
  modelName: string;
  spec: NetworkSpec;
  settings: TrainSettings;
  data: DatasetRequest;
  thresholds: TrainingThresholds;
}

export type PlanRunResult =
  | (PlannedRun & {
      ok: true;
      /** The document version the plan was made from (findings are published only for that version). */
      version: number;
      /** With `withTrainer`: the files of the exported PyTorch trainer folder. */
      trainer?: TrainerFile[];
    })
  | { ok: false; message: string; problems: RunProblem[] };

/** The final weights of a completed panel run, to save as the model's last run. */
export interface SaveRunParams {
  uri: string;
  spec: NetworkSpec;
  settings: TrainSettings;
  weights: NetworkWeights;
}

/** `nn/saveRun`: the server writes `.nn-runs/<model>.weights.json` beside the document (export reuses it). */
export const SaveRunRequest = request<SaveRunParams, SaveRunResult>('nn/saveRun');

export type SaveRunResult = { ok: true; file: string } | { ok: false; message: string };

export interface PanelEditsParams {
  uri: string;
  model: string;
  fix: PanelFix;
}

/** `nn/panelEdits`: the text edits behind one of the panel's buttons (the host applies them as one undoable edit). */
export const PanelEditsRequest = request<PanelEditsParams, PanelEditsResult>('nn/panelEdits');

export type PanelEditsResult = { ok: true; version: number; edits: TextEdit[] } | { ok: false; message: string };
