/**
 * Runs one training run: splits and standardizes the data, trains in mini-batches, measures each epoch
 * (losses, metric, layer health, training checks) and reports protocol events. Pure: no threads, no I/O;
 * the worker drives it in time slices so that pause and stop take effect quickly.
 */
import {
  MAX_CONFUSION_CLASSES,
  MAX_EPOCH_POINTS,
  type DatasetSummary,
  type EpochPoint,
  type EpochProgress,
  type LayerHealth,
  type RunFinished,
  type RunStarted,
  type RunThreshold,
  type TrainingEvent,
  type TrainingFinding,
} from '../protocol';
import { knownRows, runSizeRefusal } from '../model/size';
import { withTrainingDefaults, type TrainingThresholds } from '../thresholds';
import { runTrainingChecks, type Divergence, type EpochRecord, type LayerFacts } from './checks';
import { encodeTargets, type MetricKind } from './data/encode';
import { withFeatures } from './data/features';
import { loadDataset } from './data/load';
import type { Dataset } from './data/types';
import { Learner, learningRate } from './engine/learner';
import { Rng, Stream } from './engine/rng';
import { allocate, type Floats } from './engine/tensor';
import { evaluateSplit, type SplitData } from './evaluate';
import { layerConnections } from './connections';
import { boundaryGrid, frameFor, neuronGrids, type GridFrame } from './grids';
import { layerFacts, measureHealth } from './health';
import type { DatasetRequest, NetworkSpec, NetworkWeights, TrainSettings } from '../model/spec';
import { meetsTarget } from './target';

/** Rows used for the per-epoch health measurement. */
const HEALTH_ROWS = 256;

export interface TrainerOptions {
  runId: string;
  spec: NetworkSpec;
  settings: TrainSettings;
  /** The data, loaded (or a request to load it; toy sets are generated from the run's seed). */
  data: Dataset | DatasetRequest;
  /** Minimum time between epoch events; the first and the last epoch are always reported. */
  progressIntervalMs?: number;
  /** Boundary grid resolution for 2-D inputs (0 = none). */
  gridSize?: number;
  thresholds?: Partial<TrainingThresholds>;
  /** A validation target: every epoch is checked against it, and the first that meets it is `reachedAt`. */
  target?: RunThreshold;
  /** Milliseconds from an arbitrary origin (injectable for tests). */
  clock?: () => number;
}

function isDataset(data: Dataset | DatasetRequest): data is Dataset {
  return (data as Dataset).x instanceof Float64Array;
}

export class Trainer {
  readonly runId: string;
  readonly spec: NetworkSpec;
  readonly settings: TrainSettings;
  readonly learner: Learner;
  readonly metric: MetricKind;
  readonly classes: string[];
  readonly started: RunStarted;
  /** Per-epoch measurements so far. */
  readonly history: EpochRecord[] = [];
  readonly facts: LayerFacts[];
  epoch = 0;
  /** The first epoch that met the target (undefined without a target or until one does). */
  reachedAt: number | undefined;
  finished: RunFinished | undefined;

  private readonly dataset: Dataset;
  private readonly train: SplitData;
  private readonly validation: SplitData;
  private readonly normalization?: { mean: number[]; std: number[] };
  private readonly thresholds?: Partial<TrainingThresholds>;
  private readonly target?: RunThreshold;
  private readonly clock: () => number;
  private readonly progressIntervalMs: number;
  private readonly gridSize: number;
  private readonly frame?: GridFrame;
  /** The raw 2-D points (x1, x2) of 2-D data, row-major: the plane the boundary is drawn over. */
  private readonly plane?: Float64Array;
  private readonly order: Int32Array;
  private readonly shuffleRng: Rng;
  private readonly batchX: Floats;
  private readonly batchT: Floats;
  private readonly scratch: { X: Floats; T: Floats };
  private readonly healthRows: SplitData;
  private batchStart = 0;
  private epochOpen = false;
  private lastEmit = -Infinity;
  private trainMs = 0;
  private samples = 0;
  private startTime: number;
  private findings: TrainingFinding[] = [];
  private divergence?: Divergence;
  private stickyExploding?: TrainingFinding;
  /** Epochs measured since the last progress message: the next message (or `finished`) carries them. */
  private unreported: EpochPoint[] = [];

  constructor(options: TrainerOptions) {
    this.runId = options.runId;
    this.spec = options.spec;
    this.settings = options.settings;
    this.thresholds = options.thresholds;
    this.target = options.target;
    this.clock = options.clock ?? (() => performance.now());
    this.progressIntervalMs = options.progressIntervalMs ?? 0;
    this.gridSize = options.gridSize ?? 0;
    this.startTime = this.clock();
    const settings = options.settings;
    const batch = Math.max(1, Math.floor(settings.batch));
    // The size budget holds here too, whoever started the run: refuse before any data or buffer is allocated.
    refuseTooLarge(
      options.spec,
      batch,
      isDataset(options.data) ? options.data.n : knownRows(options.data),
      this.gridSize,
    );
    const raw = isDataset(options.data) ? options.data : loadDataset(options.data, settings.seed);
    refuseTooLarge(options.spec, batch, raw.n, this.gridSize);
    this.learner = new Learner(options.spec, { batch, seed: settings.seed, lr: settings.lr, trackGradients: true });
    const network = this.learner.network;
    // The network sees the features of each point; the panel's plane stays the raw (x1, x2).
    const seen = withFeatures(raw, settings.features);
    if (raw.features === 2) this.plane = raw.x;
    if (seen.features !== options.spec.input) {
      const what =
        seen === raw
          ? `'${raw.name}' has ${raw.features} features per row`
          : `features ${seen.featureNames.join(', ')} give ${seen.features} inputs`;
      throw new Error(`${what}, but the model's input is ${options.spec.input}`);
    }
    if (raw.n < 2)
      throw new Error(`'${raw.name}' has ${raw.n} row${raw.n === 1 ? '' : 's'}; training needs at least 2`);
    const encoded = encodeTargets(seen, network.outputWidth, options.spec.task?.kind, options.spec.loss.name);
    this.dataset = encoded.dataset;
    this.metric = encoded.metric;
    this.classes = encoded.classes;
    this.facts = layerFacts(network);

    // Split: a seeded shuffle, the first `validation` share held out.
    const n = this.dataset.n;
    const order = Int32Array.from({ length: n }, (_, i) => i);
    new Rng(settings.seed, Stream.split).shuffle(order);
    let nVal = Math.round(n * Math.min(Math.max(settings.validation, 0), 0.95));
    if (settings.validation > 0 && nVal === 0 && n > 1) nVal = 1;
    if (nVal >= n) nVal = n - 1;
    const valIdx = order.subarray(0, nVal);
    const trainIdx = order.subarray(nVal);
    const f = this.dataset.features;
    if (settings.normalize) this.normalization = standardization(this.dataset.x, f, trainIdx);
    this.train = this.gather(trainIdx, encoded.values);
    this.validation = this.gather(valIdx, encoded.values);
    this.order = Int32Array.from({ length: this.train.n }, (_, i) => i);
    this.shuffleRng = new Rng(settings.seed, Stream.shuffle);
    const outW = network.outputWidth;
    this.batchX = allocate('float32', batch * f);
    this.batchT = allocate('float32', batch * outW);
    this.scratch = { X: allocate('float32', network.capacity * f), T: allocate('float32', network.capacity * outW) };
    const healthSource = this.validation.n > 0 ? this.validation : this.train;
    const m = Math.min(HEALTH_ROWS, healthSource.n, network.capacity);
    this.healthRows = { X: healthSource.X.subarray(0, m * f), T: healthSource.T.subarray(0, m * outW), n: m };
    if (this.plane && this.gridSize > 0) {
      this.frame = { ...frameFor(this.plane, n), mean: this.normalization?.mean, std: this.normalization?.std };
      if (seen !== raw && settings.features) this.frame.features = settings.features;
    }
    this.started = {
      type: 'started',
      runId: this.runId,
      spec: this.spec,
      settings,
      dataset: this.summary(raw, valIdx, trainIdx),
    };
  }

  private gather(indices: Int32Array, targets: Float64Array): SplitData {
    const f = this.dataset.features;
    const outW = this.learner.network.outputWidth;
    const X = allocate('float32', indices.length * f);
    const T = allocate('float32', indices.length * outW);
    const mean = this.normalization?.mean;
    const std = this.normalization?.std;
    indices.forEach((row, i) => {
      for (let j = 0; j < f; j++) {
        const v = this.dataset.x[row * f + j];
        X[i * f + j] = mean && std ? (v - mean[j]) / std[j] : v;
      }
      for (let j = 0; j < outW; j++) T[i * outW + j] = targets[row * outW + j];
    });
    return { X, T, n: indices.length };
  }

  /** The data as written (not as the network sees it with `features`): its columns and, for 2-D data, its points. */
  private summary(raw: Dataset, valIdx: Int32Array, trainIdx: Int32Array): DatasetSummary {
    const d = this.dataset;
    const summary: DatasetSummary = {
      name: d.name,
      features: raw.features,
      classes: this.classes,
      trainSize: trainIdx.length,
      validationSize: valIdx.length,
      featureNames: raw.featureNames,
      targetNames: d.targetNames,
    };
    const plane = this.plane;
    if (plane) {
      const label = (row: number): number =>
        d.target.kind === 'classes' ? d.target.labels[row] : d.target.values[row * d.target.width];
      const point = (row: number, split: 'train' | 'validation') => ({
        x: plane[2 * row],
        y: plane[2 * row + 1],
        label: label(row),
        split,
      });
      summary.points = [
        ...Array.from(trainIdx, (r) => point(r, 'train')),
        ...Array.from(valIdx, (r) => point(r, 'validation')),
      ];
    }
    return summary;
  }

  get done(): boolean {
    return this.finished !== undefined;
  }

  /**
   * Trains until `budgetMs` has passed, or (with `untilEpochEnd`) the current epoch ends, or the run ends.
   * Returns the events produced (epoch progress and, at the end, `finished`).
   */
  advance(budgetMs: number, untilEpochEnd = false): TrainingEvent[] {
    const events: TrainingEvent[] = [];
    if (this.finished) return events;
    const begin = this.clock();
    const deadline = begin + budgetMs;
    const batch = Math.max(1, Math.floor(this.settings.batch));
    const f = this.dataset.features;
    const outW = this.learner.network.outputWidth;
    while (!this.finished) {
      if (this.epoch >= this.settings.epochs) {
        events.push(this.finish('completed'));
        break;
      }
      if (!this.epochOpen) {
        this.shuffleRng.shuffle(this.order);
        this.batchStart = 0;
        this.epochOpen = true;
      }
      const n = Math.min(batch, this.train.n - this.batchStart);
      const { X, T } = this.train;
      const bX = this.batchX;
      const bT = this.batchT;
      for (let k = 0; k < n; k++) {
        const row = this.order[this.batchStart + k];
        for (let j = 0; j < f; j++) bX[k * f + j] = X[row * f + j];
        for (let j = 0; j < outW; j++) bT[k * outW + j] = T[row * outW + j];
      }
      const finite = this.learner.trainBatch(this.batchX, this.batchT, n);
      this.batchStart += n;
      this.samples += n;
      if (!finite) {
        this.divergence = this.locateDivergence(n);
        this.trainMs += this.clock() - begin;
        events.push(this.finish('diverged'));
        break;
      }
      if (this.batchStart >= this.train.n) {
        this.epochOpen = false;
        this.epoch++;
        this.trainMs += this.clock() - begin;
        const progress = this.endEpoch(untilEpochEnd);
        const t0 = this.clock();
        if (this.finished) {
          events.push(this.finished);
          break;
        }
        if (progress) events.push(progress);
        if (untilEpochEnd) break;
        if (this.clock() >= deadline) break;
        // Restart the training clock after the measurement.
        this.trainMs -= this.clock() - t0;
        continue;
      }
      if (this.clock() >= deadline) {
        this.trainMs += this.clock() - begin;
        break;
      }
    }
    return events;
  }

  /** Trains to the end and returns every event (for tests, the CLI without a worker, and exports). */
  runToEnd(): TrainingEvent[] {
    const events: TrainingEvent[] = [];
    while (!this.finished) events.push(...this.advance(1000));
    return events;
  }

  /** Ends the run now (reason `stopped`). */
  stop(): RunFinished {
    return this.finished ?? this.finish('stopped');
  }

  /** The current weights, with the standardization fitted on the training split. */
  weights(): NetworkWeights {
    return this.learner.network.toWeights(this.normalization);
  }

  /** Names the first layer (in forward order) whose outputs or weights are no longer finite. */
  private locateDivergence(n: number): Divergence {
    const epoch = this.epoch + 1;
    const dense = this.learner.dense;
    const bad = (values: Floats, end: number): boolean => {
      for (let i = 0; i < end; i++) if (!Number.isFinite(values[i])) return true;
      return false;
    };
    const culprit =
      dense.find((op) => bad(op.output, n * op.units) || bad(op.W, op.W.length) || bad(op.dW, op.dW.length)) ??
      dense[dense.length - 1];
    return {
      epoch,
      layer: culprit?.name ?? this.spec.modelName,
      sourceIndex: culprit?.sourceIndex ?? 0,
      nonFinite: true,
    };
  }

  /** Measures the finished epoch; returns a progress event when one is due. */
  private endEpoch(force: boolean): EpochProgress | undefined {
    const trainEval = evaluateSplit(this.learner, this.train, this.metric, this.scratch);
    const valEval = evaluateSplit(this.learner, this.validation, this.metric, this.scratch);
    const gradNorms = this.learner.takeGradNorms();
    const t = withTrainingDefaults(this.thresholds);
    const layers = measureHealth(this.learner.network, this.facts, this.healthRows.X, this.healthRows.n, gradNorms, {
      derivative: t.saturationDerivative,
      samples: t.saturationSamples,
    });
    this.history.push({ epoch: this.epoch, trainLoss: trainEval.loss, valLoss: valEval.loss, layers });
    const point: EpochPoint = {
      epoch: this.epoch,
      trainLoss: trainEval.loss,
      valLoss: valEval.loss,
      trainMetric: trainEval.metric,
      valMetric: valEval.metric,
      gradNorms: layers.map((layer) => layer.gradNorm),
    };
    if (!Number.isFinite(trainEval.loss)) {
      this.unreported.push(point);
      this.divergence = { ...this.locateDivergence(0), epoch: this.epoch };
      this.finish('diverged');
      return undefined;
    }
    this.findings = this.computeFindings();
    // Checked on every epoch, reported or not, so the answer does not depend on the reporting rate.
    if (this.reachedAt === undefined && this.target && meetsTarget(this.target, valEval)) this.reachedAt = this.epoch;
    const now = this.clock();
    const last = this.epoch >= this.settings.epochs;
    const due = force || last || this.epoch === 1 || now - this.lastEmit >= this.progressIntervalMs;
    if (!due && this.unreported.length < MAX_EPOCH_POINTS) {
      this.unreported.push(point);
      return undefined;
    }
    return this.progress(point, layers, now);
  }

  /**
   * Reports the last epoch measured but not yet reported (the grids show the weights as they are now), so a
   * paused run shows where it stands; undefined when every epoch was reported.
   */
  reportPending(): EpochProgress | undefined {
    const point = this.unreported.pop();
    const record = this.history.at(-1);
    if (!point || !record || this.finished) return undefined;
    return this.progress(point, record.layers, this.clock());
  }

  private progress(point: EpochPoint, layers: LayerHealth[], now: number): EpochProgress {
    this.lastEmit = now;
    const progress: EpochProgress = {
      type: 'epoch',
      runId: this.runId,
      epoch: point.epoch,
      epochs: this.settings.epochs,
      trainLoss: point.trainLoss,
      valLoss: point.valLoss,
      trainMetric: point.trainMetric,
      valMetric: point.valMetric,
      metricName: this.metric === 'mae' ? 'mae' : 'accuracy',
      elapsedMs: now - this.startTime,
      samplesPerSecond: this.trainMs > 0 ? (this.samples * 1000) / this.trainMs : 0,
      layers,
      findings: this.findings,
    };
    if (this.reachedAt !== undefined) progress.reachedAt = this.reachedAt;
    if (this.unreported.length > 0) {
      progress.earlier = this.unreported;
      this.unreported = [];
    }
    if (this.frame && this.gridSize > 0) {
      const X = this.scratch.X;
      progress.boundary = boundaryGrid(
        this.learner.network,
        this.frame,
        this.gridSize,
        this.metric,
        this.learner.head.outputIsLogit,
        X,
      );
      const neurons = neuronGrids(this.learner.network, this.frame, this.gridSize, X);
      if (neurons.length > 0) progress.neurons = neurons;
      progress.connections = layerConnections(this.learner.network);
    }
    return progress;
  }

  private computeFindings(): TrainingFinding[] {
    const findings = runTrainingChecks(
      {
        epoch: this.epoch,
        epochs: this.settings.epochs,
        history: this.history,
        layers: this.facts,
        divergence: this.divergence,
        learningRate: learningRate(this.spec, this.settings.lr),
      },
      this.thresholds,
    );
    // A runaway gradient stays reported even after the norm comes back down.
    const exploding = findings.find((f) => f.code === 'exploding-gradient');
    if (exploding) this.stickyExploding = exploding;
    else if (this.stickyExploding) findings.push(this.stickyExploding);
    return findings;
  }

  private finish(reason: RunFinished['reason']): RunFinished {
    // The confusion matrix grows with the square of the class count: it is built for at most MAX_CONFUSION_CLASSES.
    const k = this.classes.length;
    const wantsConfusion = k > 0 && this.metric !== 'mae' && this.metric !== 'multilabel';
    const confusion =
      wantsConfusion && k <= MAX_CONFUSION_CLASSES ? this.classes.map(() => new Array<number>(k).fill(0)) : undefined;
    const split = this.validation.n > 0 ? this.validation : this.train;
    const trainEval = evaluateSplit(this.learner, this.train, this.metric, this.scratch);
    const valEval = evaluateSplit(this.learner, this.validation, this.metric, this.scratch);
    if (confusion) evaluateSplit(this.learner, split, this.metric, this.scratch, confusion);
    if (this.history.length > 0 || this.divergence) this.findings = this.computeFindings();
    const finished: RunFinished = {
      type: 'finished',
      runId: this.runId,
      reason,
      epochs: this.epoch,
      final: {
        trainLoss: trainEval.loss,
        valLoss: valEval.loss,
        trainMetric: trainEval.metric,
        valMetric: valEval.metric,
        metricName: this.metric === 'mae' ? 'mae' : 'accuracy',
      },
      findings: this.findings,
      weights: this.weights(),
    };
    if (confusion) finished.confusion = confusion;
    else if (wantsConfusion)
      finished.confusionOmitted = `no confusion matrix: ${k} classes are more than the ${MAX_CONFUSION_CLASSES} it is made for`;
    if (this.reachedAt !== undefined) finished.reachedAt = this.reachedAt;
    if (this.unreported.length > 0) {
      finished.earlier = this.unreported;
      this.unreported = [];
    }
    if (reason === 'diverged' && this.divergence) {
      finished.detail = `the loss became NaN or infinite at epoch ${this.divergence.epoch} in layer '${this.divergence.layer}' — lower the learning rate or standardize the data`;
    } else if (reason === 'stopped') {
      finished.detail = `stopped after ${this.epoch} of ${this.settings.epochs} epochs`;
    }
    this.finished = finished;
    return finished;
  }
}

function refuseTooLarge(spec: NetworkSpec, batch: number, rows: number | undefined, gridSize: number): void {
  const refusal = runSizeRefusal(spec, batch, { rows, gridSize });
  if (refusal) throw new Error(refusal);
}

/** Mean and standard deviation of each feature over the given rows (std 1 for a constant feature). */
export function standardization(
  x: Float64Array,
  features: number,
  rows: ArrayLike<number>,
): { mean: number[]; std: number[] } {
  const mean = new Array<number>(features).fill(0);
  const std = new Array<number>(features).fill(0);
  const n = rows.length;
  if (n === 0) return { mean, std: std.map(() => 1) };
  for (let i = 0; i < n; i++) for (let j = 0; j < features; j++) mean[j] += x[rows[i] * features + j];
  for (let j = 0; j < features; j++) mean[j] /= n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < features; j++) {
      const d = x[rows[i] * features + j] - mean[j];
      std[j] += d * d;
    }
  }
  for (let j = 0; j < features; j++) {
    const s = Math.sqrt(std[j] / n);
    std[j] = s > 1e-12 ? s : 1;
  }
  return { mean, std };
}

/** Runs a whole training synchronously and returns the final event (its `weights` are the trained weights). */
export function trainSync(options: TrainerOptions): {
  trainer: Trainer;
  events: TrainingEvent[];
  finished: RunFinished;
} {
  const trainer = new Trainer(options);
  const events: TrainingEvent[] = [trainer.started, ...trainer.runToEnd()];
  return { trainer, events, finished: trainer.finished as RunFinished };
}
