/**
 * Every message that crosses a boundary — language server ↔ client, extension ↔ training worker,
 * extension ↔ panel — is typed here, once. No editor or LSP imports: the method names are plain strings.
 */
import type { TaskKind } from './catalog/types';
import type { DatasetRequest, NetworkSpec, NetworkWeights, TrainSettings } from './train/spec';
import type { TrainingThresholds } from './train/checks/thresholds';

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
  /** Findings that hold as of this epoch (shown live in the panel). */
  findings: TrainingFinding[];
  /** With a `StartRun.target`: the first epoch (counting every epoch, reported or not) that met it. */
  reachedAt?: number;
}

export interface TrainingFinding {
  code: 'dead-units' | 'saturated-units' | 'vanishing-gradient' | 'exploding-gradient' | 'loss-plateau' | 'overfitting';
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** Layer name and its index in the model's layer list, when the finding is about one layer. */
  layer?: string;
  sourceIndex?: number;
  epoch: number;
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
  /** Validation confusion matrix, rows = true class, columns = predicted (classification only). */
  confusion?: number[][];
  weights?: NetworkWeights;
  /** With a `StartRun.target`: the first epoch that met it; absent when no epoch did. */
  reachedAt?: number;
}

export interface RunError {
  type: 'error';
  runId: string;
  message: string;
}

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

/** The settings the panel can change for the next run. */
export interface PanelSettings {
  epochs: number;
  batch: number;
  lr: number;
  seed: number;
  /** Toy 2-D data only: which set, how many points, how much noise. */
  data?: { name: string; points: number; noise: number };
}

/** Sent after the webview says `ready`, and again whenever the document's model changes. */
export interface PanelInit {
  type: 'init';
  mode: PanelMode;
  /** Shown as text, never as HTML. */
  fileName: string;
  /** The document's URI, kept in the panel's saved state so the host can reattach after a reload. */
  documentUri?: string;
  modelName: string;
  taskKind?: TaskKind;
  layers: PanelLayer[];
  activationCurves: ActivationCurve[];
  settings: PanelSettings;
  /** Toy datasets offered in the data picker (empty when the file trains on other data). */
  toyDatasets: string[];
  /** Activations offered for hidden layers in compare mode, and the ones checked by default. */
  compareChoices: string[];
  compareDefaults: string[];
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
}

export interface PanelRunState {
  type: 'runState';
  state: 'idle' | 'running' | 'paused' | 'finished';
}

export type HostToPanel = PanelInit | PanelPlan | PanelRunState | TrainingEvent;

/** A change to the document that the panel may ask for (the host turns it into a WorkspaceEdit). */
export type PanelFix =
  | { kind: 'setActivation'; sourceIndices: number[]; activation: string }
  | { kind: 'setLearningRate'; lr: number };

export type PanelControlAction = 'play' | 'pause' | 'step' | 'reset' | 'stop' | 'regenerate';

export type PanelToHost =
  | { type: 'ready' }
  | { type: 'control'; action: PanelControlAction }
  | { type: 'settings'; settings: PanelSettings }
  | { type: 'compare'; activations: string[] }
  | { type: 'revealLayer'; sourceIndex: number }
  | { type: 'applyFix'; fix: PanelFix; rerun: boolean }
  | { type: 'copyResults'; markdown: string };

/* ---------- Custom LSP requests (client → language server) ---------- */

/** `nn/summary`: the Keras-like summary of a document's models, as Markdown. */
export const SUMMARY_REQUEST = 'nn/summary';

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
 * `nn/train`: trains one `train` block of an open document in a worker thread. Resolves as soon as the run
 * has started; progress arrives as `nn/trainProgress` notifications, and when the run finishes its
 * training-check findings are published as diagnostics (source `nn-train`) until their lines change.
 */
export const TRAIN_REQUEST = 'nn/train';

export interface TrainParams {
  uri: string;
  /** The model whose train block runs; the first train block when absent. */
  model?: string;
  epochs?: number;
  seed?: number;
  /** Overrides the learning rate for this run. */
  lr?: number;
  /** Minimum time between progress notifications (default 200 ms). */
  progressIntervalMs?: number;
  /** Decision-boundary grid size for 2-D inputs (default 0: none). */
  gridSize?: number;
}

export interface TrainResult {
  ok: boolean;
  /** Set when the run started. */
  runId?: string;
  /** Why the run could not start. */
  message?: string;
}

/** `nn/trainProgress` (server → client): every event of a run started by `nn/train`. */
export const TRAIN_PROGRESS_NOTIFICATION = 'nn/trainProgress';

export interface TrainProgressParams {
  uri: string;
  event: TrainingEvent;
}

/**
 * `nn/trainingFindings` (client → server): the findings of a run the client started itself (the training
 * panel); the server publishes them as `nn-train` diagnostics, exactly as for a run started by `nn/train`.
 */
export const TRAINING_FINDINGS_NOTIFICATION = 'nn/trainingFindings';

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

/** `nn/stopTraining` (client → server): stops a run (by id) or every run of a document (by uri). */
export const STOP_TRAINING_NOTIFICATION = 'nn/stopTraining';

export interface StopTrainingParams {
  runId?: string;
  uri?: string;
}

/**
 * `nn/export`: exports one model of an open document to PyTorch, ONNX or NN Studio JSON. The server builds
 * the files (training the model's train block in a worker first when trained weights are asked for and no
 * saved run fits); the client writes them where the user chose.
 */
export const EXPORT_REQUEST = 'nn/export';

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
