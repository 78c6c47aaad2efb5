/**
 * The size budget of a model: its parameter count and an estimate of the memory a training run allocates,
 * computed from the network's shape alone (nothing is allocated here). The `model-size` check warns above
 * the user's thresholds; every way of starting a run refuses one above `RUN_MEMORY_LIMIT_MB`, before the
 * engine allocates a single buffer.
 */
import { activationNamed, findDataset, resolveParams } from '../catalog';
import type { ParamValues } from '../catalog/types';
import type { LayerSpec, NetworkSpec } from './spec';

/** One megabyte as the messages and settings count it (2²⁰ bytes). */
const MEGABYTE = 1024 * 1024;

/**
 * The most memory one run may take. Runs share their process with the editor (the extension host or the
 * language server) or the CLI; 2 GB is what a laptop can spare beside them, and it keeps every buffer far
 * below the longest typed array a JavaScript engine will create (2³² elements in Node 20).
 */
export const RUN_MEMORY_LIMIT_MB = 2048;

/** Warning thresholds (the settings `nn.modelSize.warnParameters` and `nn.modelSize.warnMegabytes`). */
export interface ModelSizeThresholds {
  warnParameters: number;
  warnMegabytes: number;
}

export const DEFAULT_MODEL_SIZE_THRESHOLDS: ModelSizeThresholds = { warnParameters: 1_000_000, warnMegabytes: 256 };

/** Bytes of one engine value (Float32Array) and of a number in a plain JavaScript array. */
const FLOAT_BYTES = 4;
const NUMBER_BYTES = 8;
/** The engine evaluates in chunks of at least this many rows (the Learner's capacity is max(batch, 256)). */
const MIN_CAPACITY = 256;
/** One point of a 2-D dataset as the run describes it to the panel (an object of four fields). */
const POINT_BYTES = 64;

export interface RunShape {
  input: number;
  layers: readonly LayerSpec[];
  optimizer: { name: string; params: ParamValues };
  batch: number;
  /** Rows of data, when known (the `points` of a toy set, a CSV once read). */
  rows?: number;
  /** Decision-boundary grid resolution for 2-D inputs (0 or absent: none). */
  gridSize?: number;
}

export interface RunSize {
  /** Trainable parameters: weights, biases and learned slopes. */
  parameters: number;
  /** Estimated bytes a run allocates: parameters, gradients, optimizer state, activations, data, grids, results. */
  bytes: number;
  /** The part the engine holds in typed arrays for the whole run (parameters, gradients, optimizer state, activations). */
  engineBytes: number;
}

function pieces(layer: LayerSpec): number {
  if (layer.kind !== 'dense' || layer.activation?.name !== 'maxout') return 1;
  const k = Number(resolveParams(activationNamed(layer.activation.name).params, layer.activation.params).pieces);
  return Number.isFinite(k) && k >= 1 ? k : 1;
}

/** Optimizer state per parameter: adam keeps two moments, rmsprop one, sgd one with momentum and none without. */
function optimizerCopies(optimizer: RunShape['optimizer']): number {
  if (optimizer.name === 'adam') return 2;
  if (optimizer.name === 'rmsprop') return 1;
  const momentum = optimizer.params.momentum;
  return typeof momentum === 'number' && momentum > 0 ? 1 : 0;
}

/**
 * What a run of this network allocates, buffer by buffer as the engine does (layers.ts, learner.ts,
 * optimizer.ts, trainer.ts, grids.ts). Widths that are not finite give NaN.
 */
export function estimateRun(shape: RunShape): RunSize {
  const batch = Math.max(1, Math.floor(shape.batch));
  const capacity = Math.max(batch, MIN_CAPACITY);
  let width = shape.input;
  let parameters = 0;
  // Engine buffers other than parameters and their gradients, counted in values.
  let buffers = 0;
  for (const layer of shape.layers) {
    if (layer.kind === 'dense') {
      const k = pieces(layer);
      const rows = layer.units * k;
      const linear = !layer.activation || layer.activation.name === 'linear';
      parameters += rows * width + rows + (layer.activation?.name === 'prelu' ? layer.units : 0);
      // Z and dZ per row; the output unless it is Z itself; dX; maxout's winner index per unit.
      buffers += capacity * (2 * rows + (linear ? 0 : layer.units) + width + (k > 1 ? layer.units : 0));
      width = layer.units;
    } else if (layer.kind === 'dropout') {
      buffers += 3 * capacity * width;
    } else {
      if (layer.activation.name === 'prelu') parameters += width;
      buffers += 2 * capacity * width;
    }
  }
  const outputs = width;
  // The loss gradient, the batch being trained and the evaluation scratch rows.
  buffers += capacity * outputs + batch * (shape.input + outputs) + capacity * (shape.input + outputs);
  const engine = FLOAT_BYTES * (parameters * (2 + optimizerCopies(shape.optimizer)) + buffers);
  // The trained weights leave the engine as plain arrays, and the host receives a copy of them.
  const results = 2 * NUMBER_BYTES * parameters;
  const rows = shape.rows ?? 0;
  // The dataset (float64 inputs and targets), its float32 splits, and the shuffled row order.
  let data = rows * ((shape.input + outputs) * (NUMBER_BYTES + FLOAT_BYTES) + 2 * FLOAT_BYTES);
  let grids = 0;
  if (shape.input === 2) {
    data += rows * POINT_BYTES;
    const cells = (shape.gridSize ?? 0) ** 2;
    grids = 2 * NUMBER_BYTES * cells;
  }
  return { parameters, bytes: engine + results + data + grids, engineBytes: engine };
}

/** The run shape of a network and its batch size. */
export function runShape(
  spec: Pick<NetworkSpec, 'input' | 'layers' | 'optimizer'>,
  batch: number,
  extra: Pick<RunShape, 'rows' | 'gridSize'> = {},
): RunShape {
  return { input: spec.input, layers: spec.layers, optimizer: spec.optimizer, batch, ...extra };
}

export function megabytes(bytes: number): number {
  return bytes / MEGABYTE;
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Megabytes for people: whole numbers from 10 MB up, one decimal below. */
function formatMegabytes(bytes: number): string {
  const mb = megabytes(bytes);
  return mb >= 10 ? `${count(mb)} MB` : `${mb.toFixed(1)} MB`;
}

/** A run of this size cannot start: it passes what a run may allocate. */
export function exceedsRunLimit(size: RunSize): boolean {
  return !(megabytes(size.bytes) <= RUN_MEMORY_LIMIT_MB);
}

/** Why a run of this size does not start, with both numbers and the limit. */
export function tooLargeMessage(modelName: string, size: RunSize, batch: number, optimizer: string): string {
  return (
    `model '${modelName}' is too large to train: ${count(size.parameters)} parameters and about ${formatMegabytes(size.bytes)} ` +
    `for a run (batch ${batch}, ${optimizer}), above the ${count(RUN_MEMORY_LIMIT_MB)} MB a run may use — no run starts; use fewer or narrower layers`
  );
}

/** The warning for a large model: both numbers and the thresholds they pass. */
export function largeModelMessage(
  modelName: string,
  size: RunSize,
  batch: number,
  optimizer: string,
  thresholds: ModelSizeThresholds,
): string {
  return (
    `model '${modelName}' is large: ${count(size.parameters)} parameters and about ${formatMegabytes(size.bytes)} for a run ` +
    `(batch ${batch}, ${optimizer}; the warning starts above ${count(thresholds.warnParameters)} parameters or ${count(thresholds.warnMegabytes)} MB) — training will be slow`
  );
}

/** Warns when a size passes either threshold. */
export function passesWarning(size: RunSize, thresholds: ModelSizeThresholds): boolean {
  return size.parameters > thresholds.warnParameters || megabytes(size.bytes) > thresholds.warnMegabytes;
}

/**
 * The refusal for a run that would pass the limit, or undefined when it fits. Every way of starting a run
 * calls this before anything is allocated.
 */
export function runSizeRefusal(
  spec: Pick<NetworkSpec, 'modelName' | 'input' | 'layers' | 'optimizer'>,
  batch: number,
  extra: Pick<RunShape, 'rows' | 'gridSize'> = {},
): string | undefined {
  const size = estimateRun(runShape(spec, batch, extra));
  return exceedsRunLimit(size)
    ? tooLargeMessage(spec.modelName, size, Math.max(1, Math.floor(batch)), spec.optimizer.name)
    : undefined;
}

/** Rows a dataset request will have before it is loaded: a toy set's `points`; undefined for the others. */
export function knownRows(data: { name: string; params: ParamValues }): number | undefined {
  const def = findDataset(data.name);
  if (def?.kind !== 'toy') return undefined;
  const points = data.params.points ?? def.params.find((p) => p.name === 'points')?.default;
  return typeof points === 'number' && Number.isFinite(points) ? points : undefined;
}
