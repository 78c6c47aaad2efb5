/**
 * The panel's state: everything it shows, as plain data (saved with `setState`, restored after a reload).
 * `applyHostMessage` folds one validated message into the state and says which views must redraw.
 */
import type {
  EpochPoint,
  EpochProgress,
  HostToPanel,
  PanelInit,
  PanelMode,
  PanelRunState,
  PanelSettings,
  RunFinished,
  RunProblem,
  RunStarted,
  RunThreshold,
} from '../../../server/src/protocol';

export const STATE_VERSION = 1;

/** One training run and the history the charts need. */
export interface RunRecord {
  runId: string;
  label: string;
  /** Compare runs: the hidden layers' activation. */
  activation?: string;
  started?: RunStarted;
  /** Epoch numbers of the progress messages received, and the values reported at each. */
  epochs: number[];
  trainLoss: number[];
  valLoss: number[];
  trainMetric: number[];
  valMetric: number[];
  metricName?: 'accuracy' | 'mae';
  /** Layer names, in order, and their gradient norm at each received epoch. */
  layerNames: string[];
  gradNorms: number[][];
  /** Only epochs that are multiples of this are kept, besides the newest (1 until a long run is thinned). */
  stride?: number;
  /** The newest progress message (health, boundary, neurons, findings). */
  latest?: EpochProgress;
  finished?: RunFinished;
  error?: string;
  /** Problems in the file that kept the run from starting, with their places. */
  problems?: RunProblem[];
}

export type PanelTab = PanelMode;

export interface PanelState {
  version: number;
  init?: PanelInit;
  tab: PanelTab;
  runState: PanelRunState['state'];
  /** Runs of the Train tab (normally one) and of the Compare tab. */
  train: RunRecord[];
  compare: RunRecord[];
  threshold?: RunThreshold;
  /** The first line (1-based) that changed since the results on screen were trained; undefined while they are current. */
  stale?: number;
  /** The document's text the runs on screen started from (kept so a reloaded host can compare edits with it). */
  runText?: string;
  ui: {
    discretize: boolean;
    /** Draw the validation points on the maps (a saved state from before this option means yes). */
    showTestData?: boolean;
    compareSelection?: string[];
  };
}

/** The parts of the page that can be redrawn separately. */
export type ViewPart =
  | 'header'
  | 'controls'
  | 'progress'
  | 'curves'
  | 'boundary'
  | 'health'
  | 'activations'
  | 'results'
  | 'compare'
  | 'network'
  | 'stale';

export const ALL_PARTS: readonly ViewPart[] = [
  'header',
  'controls',
  'progress',
  'curves',
  'boundary',
  'health',
  'activations',
  'results',
  'compare',
  'network',
  'stale',
];

export function createState(): PanelState {
  return {
    version: STATE_VERSION,
    tab: 'train',
    runState: 'idle',
    train: [],
    compare: [],
    ui: { discretize: false, showTestData: true },
  };
}

/** What `setState` keeps: JSON text, with NaN and ±∞ spelled out (plain JSON would turn them into null). */
export interface SavedState {
  version: number;
  json: string;
}

const SPECIAL_NUMBERS: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity };

export function saveState(state: PanelState): SavedState {
  const json = JSON.stringify(state, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? { $number: String(value) } : value,
  );
  return { version: STATE_VERSION, json };
}

/** A saved state when it is one this version wrote, otherwise undefined. */
export function restoreState(saved: unknown): PanelState | undefined {
  if (typeof saved !== 'object' || saved === null) return undefined;
  const { version, json } = saved as Partial<SavedState>;
  if (version !== STATE_VERSION || typeof json !== 'string') return undefined;
  let candidate: Partial<PanelState>;
  try {
    candidate = JSON.parse(json, (_key, value: unknown) => {
      const special = value && typeof value === 'object' ? (value as { $number?: unknown }).$number : undefined;
      return typeof special === 'string' && special in SPECIAL_NUMBERS ? SPECIAL_NUMBERS[special] : value;
    }) as Partial<PanelState>;
  } catch {
    return undefined;
  }
  if (candidate.version !== STATE_VERSION || !Array.isArray(candidate.train) || !Array.isArray(candidate.compare)) {
    return undefined;
  }
  if (typeof candidate.ui !== 'object' || candidate.ui === null) return undefined;
  return candidate as PanelState;
}

export function newRun(runId: string, label: string): RunRecord {
  return {
    runId,
    label,
    epochs: [],
    trainLoss: [],
    valLoss: [],
    trainMetric: [],
    valMetric: [],
    layerNames: [],
    gradNorms: [],
  };
}

export function settingsKey(init: PanelInit): string {
  return `${init.fileName}/${init.modelName}`;
}

/** The settings the next run will use: always the file's (the panel's fields edit the file). */
export function effectiveSettings(state: PanelState): PanelSettings | undefined {
  return state.init?.settings;
}

export function findRun(state: PanelState, runId: string): RunRecord | undefined {
  return state.train.find((r) => r.runId === runId) ?? state.compare.find((r) => r.runId === runId);
}

/** The run an event belongs to; an event for an unannounced run starts a new Train-tab run. */
function runFor(state: PanelState, runId: string): RunRecord {
  const known = findRun(state, runId);
  if (known) return known;
  const run = newRun(runId, state.init?.modelName ?? runId);
  state.train = [run];
  return run;
}

/**
 * The curves hold every epoch up to MAX_CURVE_POINTS. A longer run is thinned: the stride doubles (every 2nd
 * epoch, then every 4th, …), so a run keeps between half and all of MAX_CURVE_POINTS evenly spaced epochs,
 * plus the newest one.
 */
export const MAX_CURVE_POINTS = 4096;

function recordEpoch(run: RunRecord, event: EpochProgress): void {
  const names = event.layers.map((layer) => layer.name);
  for (const point of event.earlier ?? []) recordPoint(run, point, names);
  recordPoint(run, { ...event, gradNorms: event.layers.map((layer) => layer.gradNorm) }, names);
  run.metricName = event.metricName;
  run.latest = event;
}

/** Adds one epoch to the curves; `layers` names the entries of its `gradNorms`. */
function recordPoint(run: RunRecord, point: EpochPoint, layers: readonly string[]): void {
  const last = run.epochs.length - 1;
  const stride = run.stride ?? 1;
  if (last >= 0 && run.epochs[last] >= point.epoch) {
    // A repeated epoch (e.g. after a step) replaces the earlier values instead of adding a point.
    const from = run.epochs.findIndex((e) => e >= point.epoch);
    truncateHistory(run, from);
  } else if (last >= 1 && run.epochs[last] % stride !== 0) {
    // The newest point stays even off the stride, until the next one takes its place.
    truncateHistory(run, last);
  }
  run.epochs.push(point.epoch);
  run.trainLoss.push(point.trainLoss);
  run.valLoss.push(point.valLoss);
  run.trainMetric.push(point.trainMetric);
  run.valMetric.push(point.valMetric);
  layers.forEach((name, i) => {
    let at = run.layerNames.indexOf(name);
    if (at < 0) {
      at = run.layerNames.length;
      run.layerNames.push(name);
      run.gradNorms.push(new Array<number>(run.epochs.length - 1).fill(Number.NaN));
    }
    const series = run.gradNorms[at];
    if (series.length < run.epochs.length) series.push(point.gradNorms[i] ?? Number.NaN);
  });
  // Layers missing from this point keep their series aligned with the epochs.
  for (const series of run.gradNorms) if (series.length < run.epochs.length) series.push(Number.NaN);
  if (run.epochs.length > MAX_CURVE_POINTS) thin(run);
}

/** Doubles the stride: keeps the epochs that are multiples of it, and the newest. */
function thin(run: RunRecord): void {
  const stride = (run.stride ?? 1) * 2;
  const last = run.epochs.length - 1;
  const keep = run.epochs.map((epoch, i) => i === last || epoch % stride === 0);
  for (const series of [run.trainLoss, run.valLoss, run.trainMetric, run.valMetric, ...run.gradNorms, run.epochs]) {
    let n = 0;
    for (let i = 0; i < series.length; i++) if (keep[i]) series[n++] = series[i];
    series.length = n;
  }
  run.stride = stride;
}

function truncateHistory(run: RunRecord, length: number): void {
  for (const series of [run.epochs, run.trainLoss, run.valLoss, run.trainMetric, run.valMetric, ...run.gradNorms]) {
    series.length = Math.min(series.length, length);
  }
}

/** Folds one message into the state and returns the views it touches. */
export function applyHostMessage(state: PanelState, message: HostToPanel): Set<ViewPart> {
  const dirty = new Set<ViewPart>();
  switch (message.type) {
    case 'batch':
      for (const update of message.updates) applyHostMessage(state, update).forEach((part) => dirty.add(part));
      break;
    case 'init': {
      const modelChanged = !state.init || settingsKey(state.init) !== settingsKey(message);
      state.init = message;
      if (modelChanged) state.tab = message.mode;
      ALL_PARTS.forEach((p) => dirty.add(p));
      break;
    }
    case 'plan': {
      const runs = message.runs.map((r) =>
        Object.assign(newRun(r.runId, r.label), r.activation ? { activation: r.activation } : {}),
      );
      if (message.mode === 'compare') {
        state.compare = runs;
        state.threshold = message.threshold;
      } else {
        state.train = runs;
      }
      state.tab = message.mode;
      // New runs (or a reset) replace the results an older text gave.
      state.stale = undefined;
      state.runText = message.text;
      ALL_PARTS.forEach((p) => dirty.add(p));
      break;
    }
    case 'stale':
      state.stale = message.line;
      dirty.add('stale');
      break;
    case 'runState':
      state.runState = message.state;
      dirty.add('controls').add('progress');
      break;
    case 'started': {
      const run = runFor(state, message.runId);
      Object.assign(run, newRun(message.runId, run.label), { activation: run.activation, started: message });
      ALL_PARTS.forEach((p) => dirty.add(p));
      break;
    }
    case 'epoch': {
      const run = runFor(state, message.runId);
      recordEpoch(run, message);
      dirty.add('progress').add('curves').add('boundary').add('health').add('compare').add('network');
      break;
    }
    case 'finished': {
      const run = runFor(state, message.runId);
      const names = run.latest?.layers.map((layer) => layer.name) ?? run.layerNames;
      for (const point of message.earlier ?? []) recordPoint(run, point, names);
      run.finished = message;
      dirty.add('progress').add('curves').add('results').add('health').add('compare').add('controls');
      break;
    }
    case 'error': {
      const run = runFor(state, message.runId);
      run.error = message.message;
      if (message.problems) run.problems = message.problems;
      dirty.add('progress').add('results').add('compare').add('controls');
      break;
    }
  }
  return dirty;
}

/** The runs the current tab shows. */
export function visibleRuns(state: PanelState): RunRecord[] {
  return state.tab === 'compare' ? state.compare : state.train;
}
