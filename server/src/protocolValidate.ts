/**
 * Runtime checks for the messages between the extension host and the training panel.
 * Pure TypeScript with no imports beyond the protocol itself, so the webview bundle can use it too.
 * Each check returns the first problem found, as a path and a reason, or undefined when the value fits.
 * Every list and matrix has a maximum size, so no message can make the panel build something huge.
 */
import {
  MAX_BATCH_UPDATES,
  MAX_CONFUSION_CLASSES,
  MAX_EPOCH_POINTS,
  MAX_HOST_FILE_BYTES,
  MAX_PLAN_TEXT,
  MAX_RUN_PROBLEMS,
  MAX_VIEW_WEIGHTS,
  type HostReadFileParams,
  type HostReadFileResult,
  type HostToPanel,
  type HostWriteFileParams,
  type HostWriteFileResult,
  type PanelToHost,
  type PanelUpdate,
} from './protocol';

/** Returns a problem description, or undefined when `value` fits. */
type Check = (value: unknown, path: string) => string | undefined;

const MAX_STRING = 10_000;
const MAX_MARKDOWN = 1_000_000;
const MAX_LIST = 1_000_000;
/** Names from the data (classes, columns) and the side of a grid. */
const MAX_NAME = 1_000;
const MAX_GRID_SIDE = 1_000;
/** Per-neuron grids: the engine sends at most 64 of at most 24×24 (25,600 cells in all). */
const MAX_NEURON_GRIDS = 64;
const MAX_NEURON_SIDE = 100;
const MAX_NEURON_CELLS = 64 * 24 * 24;
/** Layers described in a progress message's connections. */
const MAX_CONNECTION_LAYERS = 1_000;
/** Histogram bins (the engine uses 20) and samples of an activation curve (the host sends 201). */
const MAX_BINS = 1_000;
const MAX_CURVE_SAMPLES = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/* ---------- Small combinators ---------- */

/** Any number, NaN and ±Infinity included (a diverged loss is a real value to show). */
const num: Check = (v, p) => (typeof v === 'number' ? undefined : `${p} should be a number`);

const finite: Check = (v, p) =>
  typeof v === 'number' && Number.isFinite(v) ? undefined : `${p} should be a finite number`;

function int(min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Check {
  return (v, p) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? undefined
      : `${p} should be an integer in [${min}, ${max}]`;
}

function str(maxLength = MAX_STRING): Check {
  return (v, p) =>
    typeof v === 'string' && v.length <= maxLength
      ? undefined
      : `${p} should be a string of at most ${maxLength} characters`;
}

const bool: Check = (v, p) => (typeof v === 'boolean' ? undefined : `${p} should be true or false`);

function oneOf(...values: readonly string[]): Check {
  return (v, p) =>
    typeof v === 'string' && values.includes(v) ? undefined : `${p} should be one of ${values.join(', ')}`;
}

function list(item: Check, maxLength = MAX_LIST): Check {
  return (v, p) => {
    if (!Array.isArray(v)) return `${p} should be a list`;
    if (v.length > maxLength) return `${p} has more than ${maxLength} entries`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${p}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

/** A list of numbers, checked without building a path string per entry (grids are large). */
function numbers(maxLength = MAX_LIST): Check {
  return (v, p) => {
    if (!Array.isArray(v)) return `${p} should be a list of numbers`;
    if (v.length > maxLength) return `${p} has more than ${maxLength} entries`;
    for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'number') return `${p}[${i}] should be a number`;
    return undefined;
  };
}

function optional(check: Check): Check {
  return (v, p) => (v === undefined ? undefined : check(v, p));
}

/** An object with these fields (extra fields are allowed and ignored). */
function shape(
  fields: Record<string, Check>,
  extra?: (v: Record<string, unknown>, p: string) => string | undefined,
): Check {
  return (v, p) => {
    if (!isRecord(v)) return `${p} should be an object`;
    for (const [key, check] of Object.entries(fields)) {
      const problem = check(v[key], `${p}.${key}`);
      if (problem) return problem;
    }
    return extra?.(v, p);
  };
}

const pair: Check = (v, p) =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number'
    ? undefined
    : `${p} should be a pair of numbers`;

/* ---------- Training events ---------- */

const metricName = oneOf('accuracy', 'mae');
const runId = str(200);

const histogram = shape({ min: num, max: num, counts: numbers(MAX_BINS) });

const layerHealth = shape({
  name: str(),
  sourceIndex: int(0),
  activation: str(),
  deadFraction: optional(num),
  saturatedFraction: optional(num),
  gradNorm: num,
  histogram,
});

const gridSizes = (v: Record<string, unknown>, p: string): string | undefined => {
  const cells = (v.width as number) * (v.height as number);
  if ((v.values as unknown[]).length !== cells) return `${p}.values should hold width × height = ${cells} numbers`;
  if (v.confidence !== undefined && (v.confidence as unknown[]).length !== cells) {
    return `${p}.confidence should hold width × height = ${cells} numbers`;
  }
  return undefined;
};

const boundaryGrid = shape(
  {
    width: int(1, MAX_GRID_SIDE),
    height: int(1, MAX_GRID_SIDE),
    xRange: pair,
    yRange: pair,
    values: numbers(),
    confidence: optional(numbers()),
  },
  gridSizes,
);

const neuronGrid = shape(
  { layer: str(), unit: int(0), width: int(1, MAX_NEURON_SIDE), height: int(1, MAX_NEURON_SIDE), values: numbers() },
  gridSizes,
);

/** Neuron grids, bounded in count and in cells all together. */
const neuronGrids: Check = (v, p) => {
  const problem = list(neuronGrid, MAX_NEURON_GRIDS)(v, p);
  if (problem) return problem;
  const cells = (v as { values: unknown[] }[]).reduce((sum, g) => sum + g.values.length, 0);
  return cells > MAX_NEURON_CELLS ? `${p} should hold at most ${MAX_NEURON_CELLS} cells in all` : undefined;
};

const layerConnections = shape(
  {
    layer: str(),
    sourceIndex: int(0),
    inWidth: int(1),
    units: int(1),
    weights: optional(numbers(MAX_VIEW_WEIGHTS)),
    maxAbs: num,
    meanAbs: num,
  },
  (v, p) =>
    v.weights !== undefined && (v.weights as unknown[]).length !== (v.inWidth as number) * (v.units as number)
      ? `${p}.weights should hold units × inWidth numbers`
      : undefined,
);

/** The network view's weights: at most MAX_VIEW_WEIGHTS numbers across all layers. */
const connections: Check = (v, p) => {
  const problem = list(layerConnections, MAX_CONNECTION_LAYERS)(v, p);
  if (problem) return problem;
  const total = (v as { weights?: unknown[] }[]).reduce((sum, c) => sum + (c.weights?.length ?? 0), 0);
  return total > MAX_VIEW_WEIGHTS ? `${p} should hold at most ${MAX_VIEW_WEIGHTS} weights in all` : undefined;
};

/** A train setting the panel writes into the file; its range is checked by the server, which makes the edit. */
const trainSettingChange: Check = (v, p) => {
  if (!isRecord(v)) return `${p} should be an object`;
  switch (v.key) {
    case 'epochs':
    case 'batch':
    case 'seed':
    case 'lr':
    case 'validation':
      return shape({ key: str(20), value: finite })(v, p);
    case 'normalize':
      return shape({ key: str(20), value: bool })(v, p);
    case 'features':
      return shape({ key: str(20), value: list(str(100), 100) })(v, p);
    case 'data':
      return shape({ key: str(20), value: shape({ name: str(100), args: numberRecord }) })(v, p);
    case 'regularize':
      if (v.value === null) return undefined;
      return shape({ key: str(20), value: shape({ kind: oneOf('l1', 'l2'), amount: finite }) })(v, p);
    default:
      return `${p}.key should be a train setting`;
  }
};

/** A small record of named numbers (a dataset's arguments). */
const numberRecord: Check = (v, p) => {
  if (!isRecord(v)) return `${p} should be an object`;
  const entries = Object.entries(v);
  if (entries.length > 20) return `${p} has more than 20 entries`;
  for (const [name, value] of entries) {
    if (name.length > 100) return `${p} has a name longer than 100 characters`;
    const problem = finite(value, `${p}.${name}`);
    if (problem) return problem;
  }
  return undefined;
};

const panelFix: Check = (v, p) => {
  if (!isRecord(v)) return `${p} should be an object`;
  if (v.kind === 'setActivation') {
    return shape({ sourceIndices: list(int(0), 10_000), activation: str(100) })(v, p);
  }
  if (v.kind === 'setLearningRate') return shape({ lr: positive })(v, p);
  if (v.kind === 'setTrainSetting') return shape({ setting: trainSettingChange })(v, p);
  return `${p}.kind should be setActivation, setLearningRate or setTrainSetting`;
};

/** A fix a finding offers; its change is checked as strictly as the panel's own `applyFix` message. */
const findingFix = shape({ id: str(100), title: str(1_000), change: panelFix });

const finding = shape({
  code: oneOf(
    'dead-units',
    'saturated-units',
    'vanishing-gradient',
    'exploding-gradient',
    'loss-plateau',
    'overfitting',
  ),
  severity: oneOf('error', 'warning', 'info'),
  message: str(),
  layer: optional(str()),
  sourceIndex: optional(int(0)),
  epoch: int(0),
  fixes: optional(list(findingFix, 100)),
});

const point = shape({ x: num, y: num, label: num, split: oneOf('train', 'validation') });

const datasetSummary = shape({
  name: str(),
  features: int(0),
  classes: list(str(MAX_NAME), 100_000),
  trainSize: int(0),
  validationSize: int(0),
  points: optional(list(point, 200_000)),
  featureNames: optional(list(str(MAX_NAME), 100_000)),
  targetNames: optional(list(str(MAX_NAME), 100_000)),
});

const trainSettings = shape({
  epochs: int(0),
  batch: int(1),
  validation: num,
  seed: int(),
  normalize: bool,
  lr: optional(num),
  features: optional(list(str(20), 20)),
});

/** The panel reads only these parts of the network spec. */
const networkSpec = shape({ modelName: str(), input: num, layers: list(shape({ kind: str(), name: str() }), 10_000) });

const runStarted = shape({ runId, spec: networkSpec, settings: trainSettings, dataset: datasetSummary });

const epochPoint = shape({
  epoch: int(0),
  trainLoss: num,
  valLoss: num,
  trainMetric: num,
  valMetric: num,
  gradNorms: numbers(10_000),
});

const epochPoints = list(epochPoint, MAX_EPOCH_POINTS);

const epochProgress = shape({
  runId,
  epoch: int(0),
  epochs: int(0),
  trainLoss: num,
  valLoss: num,
  trainMetric: num,
  valMetric: num,
  metricName,
  elapsedMs: num,
  samplesPerSecond: num,
  layers: list(layerHealth, 10_000),
  boundary: optional(boundaryGrid),
  neurons: optional(neuronGrids),
  connections: optional(connections),
  findings: list(finding, 10_000),
  reachedAt: optional(int(1)),
  earlier: optional(epochPoints),
});

/** A confusion matrix: square, and only for up to MAX_CONFUSION_CLASSES classes (the trainer sends none above). */
const square: Check = (v, p) => {
  const problem = list(numbers(MAX_CONFUSION_CLASSES), MAX_CONFUSION_CLASSES)(v, p);
  if (problem) return problem;
  const rows = v as number[][];
  return rows.every((row) => row.length === rows.length) ? undefined : `${p} should be a square matrix`;
};

const runFinished = shape({
  runId,
  reason: oneOf('completed', 'stopped', 'diverged', 'failed'),
  detail: optional(str()),
  epochs: int(0),
  final: shape({ trainLoss: num, valLoss: num, trainMetric: num, valMetric: num, metricName }),
  findings: list(finding, 10_000),
  confusion: optional(square),
  confusionOmitted: optional(str()),
  reachedAt: optional(int(1)),
  earlier: optional(epochPoints),
});

const runProblem = shape({
  code: str(100),
  severity: oneOf('error', 'warning', 'info', 'hint'),
  message: str(),
  line: int(1),
  column: int(1),
  start: int(0),
  end: int(0),
});

const runError = shape({ runId, message: str(), problems: optional(list(runProblem, MAX_RUN_PROBLEMS)) });

/* ---------- Panel messages ---------- */

const positive: Check = (v, p) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? undefined : `${p} should be a positive number`;

const panelSettings = shape({
  epochs: int(1, 1_000_000),
  batch: int(1, 1_000_000),
  lr: positive,
  seed: int(),
  validation: optional(finite),
  normalize: optional(bool),
  data: optional(shape({ name: str(100), points: int(1, 1_000_000), noise: finite })),
  regularize: optional(shape({ kind: oneOf('l1', 'l2'), amount: finite })),
  features: optional(list(str(100), 100)),
});

const activationCurve = shape(
  {
    name: str(),
    xs: numbers(MAX_CURVE_SAMPLES),
    f: numbers(MAX_CURVE_SAMPLES),
    df: numbers(MAX_CURVE_SAMPLES),
    note: optional(str()),
  },
  (v, p) =>
    (v.f as unknown[]).length === (v.xs as unknown[]).length &&
    (v.df as unknown[]).length === (v.xs as unknown[]).length
      ? undefined
      : `${p}: xs, f and df should have the same length`,
);

const panelLayer = shape({
  name: str(),
  sourceIndex: int(0),
  kind: oneOf('dense', 'dropout', 'activation'),
  units: optional(int(0)),
  role: optional(oneOf('hidden', 'output')),
  activation: optional(str()),
});

const panelMode = oneOf('train', 'compare');

const panelInit = shape({
  mode: panelMode,
  fileName: str(),
  documentUri: optional(str()),
  modelName: str(),
  taskKind: optional(oneOf('regression', 'binary', 'multiclass', 'multilabel')),
  layers: list(panelLayer, 10_000),
  activationCurves: list(activationCurve, 1_000),
  settings: panelSettings,
  toyDatasets: list(str(100), 1_000),
  featureChoices: optional(list(shape({ name: str(100), formula: str(100) }), 100)),
  regularizeChoices: optional(list(shape({ kind: oneOf('l1', 'l2'), amount: finite }), 10)),
  compareChoices: list(str(100), 1_000),
  compareDefaults: list(str(100), 1_000),
  torchAvailable: optional(bool),
});

const panelPlan = shape({
  mode: panelMode,
  runs: list(shape({ runId, label: str(), activation: optional(str(100)) }), 100),
  threshold: optional(
    shape({ key: oneOf('valMetric', 'valLoss'), direction: oneOf('atLeast', 'atMost'), value: finite }),
  ),
  text: optional(str(MAX_PLAN_TEXT)),
});

const panelRunState = shape({ state: oneOf('idle', 'running', 'paused', 'finished') });

const updateChecks: Record<PanelUpdate['type'], Check> = {
  init: panelInit,
  plan: panelPlan,
  runState: panelRunState,
  stale: shape({ line: optional(int(1)) }),
  started: runStarted,
  epoch: epochProgress,
  finished: runFinished,
  error: runError,
};

/** Each update of a batch is checked as it would be on its own. */
const updateList: Check = (v, p) => {
  if (!Array.isArray(v)) return `${p} should be a list`;
  if (v.length > MAX_BATCH_UPDATES) return `${p} has more than ${MAX_BATCH_UPDATES} entries`;
  for (let i = 0; i < v.length; i++) {
    const checked = checkTagged<PanelUpdate>(v[i], updateChecks, `${p}[${i}]`);
    if (!checked.ok) return checked.error;
  }
  return undefined;
};

const hostChecks: Record<HostToPanel['type'], Check> = {
  ...updateChecks,
  batch: shape({ seq: int(0), updates: updateList }),
};

const panelChecks: Record<PanelToHost['type'], Check> = {
  ready: shape({}),
  control: shape({ action: oneOf('play', 'pause', 'step', 'reset', 'stop', 'regenerate') }),
  compare: shape({ activations: list(str(100), 100) }),
  revealLayer: shape({ sourceIndex: int(0) }),
  revealSource: shape({ start: int(0), end: int(0) }, (v, p) =>
    (v.end as number) >= (v.start as number) ? undefined : `${p}.end should not come before start`,
  ),
  applyFix: shape({ fix: panelFix, rerun: bool }),
  copyResults: shape({ markdown: str(MAX_MARKDOWN) }),
  backend: shape({ backend: oneOf('engine', 'torch') }),
  ack: shape({ seq: int(0) }),
};

/* ---------- Files through the client (`nn/host/*`) ---------- */

/** A URI with a scheme, as the server sends it (file:, vscode-vfs:, vscode-remote:, …). */
const hostUri: Check = (v, p) =>
  typeof v === 'string' && v.length <= MAX_STRING && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(v)
    ? undefined
    : `${p} should be a URI with a scheme, of at most ${MAX_STRING} characters`;

/** A file's text: at most MAX_HOST_FILE_BYTES characters (a UTF-16 unit holds at least one byte's worth). */
const fileText = str(MAX_HOST_FILE_BYTES);

/** `{ ok: true, …fields }` or `{ ok: false, message }`. */
function outcome(fields: Record<string, Check>): Check {
  return (v, p) => {
    if (!isRecord(v)) return `${p} should be an object`;
    if (v.ok === true) return shape(fields)(v, p);
    if (v.ok === false) return shape({ message: str() })(v, p);
    return `${p}.ok should be true or false`;
  };
}

const hostReadFileParams = shape({ uri: hostUri });
const hostReadFileResult = outcome({ text: fileText });
const hostWriteFileParams = shape({ uri: hostUri, text: fileText });
const hostWriteFileResult = outcome({});

function checkWith<T>(check: Check, value: unknown, what: string): Checked<T> {
  const problem = check(value, what);
  return problem ? { ok: false, error: problem } : { ok: true, value: value as T };
}

/** Checks the params of `nn/host/readFile` (the client, before it reads anything). */
export function checkHostReadFileParams(value: unknown): Checked<HostReadFileParams> {
  return checkWith(hostReadFileParams, value, 'params');
}

/** Checks the client's answer to `nn/host/readFile` (the server, before it uses the text). */
export function checkHostReadFileResult(value: unknown): Checked<HostReadFileResult> {
  return checkWith(hostReadFileResult, value, 'result');
}

/** Checks the params of `nn/host/writeFile` (the client, before it writes anything). */
export function checkHostWriteFileParams(value: unknown): Checked<HostWriteFileParams> {
  return checkWith(hostWriteFileParams, value, 'params');
}

/** Checks the client's answer to `nn/host/writeFile`. */
export function checkHostWriteFileResult(value: unknown): Checked<HostWriteFileResult> {
  return checkWith(hostWriteFileResult, value, 'result');
}

/* ---------- Public API ---------- */

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

function checkTagged<T>(value: unknown, checks: Record<string, Check>, what: string): Checked<T> {
  if (!isRecord(value)) return { ok: false, error: `${what} should be an object` };
  const tag = value.type;
  if (typeof tag !== 'string' || !Object.prototype.hasOwnProperty.call(checks, tag)) {
    return { ok: false, error: `${what} has an unknown type ${JSON.stringify(String(tag)).slice(0, 80)}` };
  }
  const problem = checks[tag](value, tag);
  return problem ? { ok: false, error: `${what} '${tag}' is malformed: ${problem}` } : { ok: true, value: value as T };
}

/** Checks a message from the extension host to the panel, saying what is wrong when it does not fit. */
export function checkHostMessage(value: unknown): Checked<HostToPanel> {
  return checkTagged<HostToPanel>(value, hostChecks, 'message from the extension');
}

/** Checks a message from the panel to the extension host, saying what is wrong when it does not fit. */
export function checkPanelMessage(value: unknown): Checked<PanelToHost> {
  return checkTagged<PanelToHost>(value, panelChecks, 'message from the panel');
}

/** The message when it fits the protocol, otherwise undefined. */
export function validateHostMessage(value: unknown): HostToPanel | undefined {
  const result = checkHostMessage(value);
  return result.ok ? result.value : undefined;
}

/** The message when it fits the protocol, otherwise undefined. */
export function validatePanelMessage(value: unknown): PanelToHost | undefined {
  const result = checkPanelMessage(value);
  return result.ok ? result.value : undefined;
}
