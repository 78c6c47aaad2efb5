/** The model's output, and the hidden layers' units, over a grid of the 2-D input plane. */
import { DEFAULT_FEATURES, featureTransform, type FeatureName } from '../catalog/features';
import { sigmoid, softmaxInto } from '../catalog/math';
import type { BoundaryGrid, NeuronGrid } from '../protocol';
import type { MetricKind } from './data/encode';
import type { Network } from './engine/network';
import type { Floats } from './engine/tensor';

/** At most this many neuron pictures in all (wide layers keep their first and last units) … */
const NEURON_TOTAL = 64;
/** … of at most this many cells all together, and this resolution at most. */
const NEURON_CELLS = NEURON_TOTAL * 20 * 20;
const NEURON_GRID_MAX = 24;
/** A wide layer keeps at least this many units when many layers share the budget. */
const NEURON_MIN_PER_LAYER = 4;

export interface GridFrame {
  xRange: [number, number];
  yRange: [number, number];
  /** Standardization applied to the inputs (identity when absent). */
  mean?: number[];
  std?: number[];
  /** What the network sees of each point (`features`); the point itself when absent. */
  features?: readonly FeatureName[];
}

/** The data's bounding box, padded by 10% on each side (in original units). */
export function frameFor(x: Float64Array, n: number): Pick<GridFrame, 'xRange' | 'yRange'> {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let r = 0; r < n; r++) {
    x0 = Math.min(x0, x[2 * r]);
    x1 = Math.max(x1, x[2 * r]);
    y0 = Math.min(y0, x[2 * r + 1]);
    y1 = Math.max(y1, x[2 * r + 1]);
  }
  if (!(x1 > x0)) [x0, x1] = [x0 - 1, x0 + 1];
  if (!(y1 > y0)) [y0, y1] = [y0 - 1, y0 + 1];
  const px = 0.1 * (x1 - x0);
  const py = 0.1 * (y1 - y0);
  return { xRange: [x0 - px, x1 + px], yRange: [y0 - py, y1 + py] };
}

/** Visits the grid in chunks: fills X (normalized inputs of up to `capacity` cells) and calls back with the first cell index. */
function forEachChunk(
  network: Network,
  frame: GridFrame,
  width: number,
  height: number,
  X: Floats,
  visit: (first: number, n: number) => void,
): void {
  const cells = width * height;
  const capacity = network.capacity;
  const features = frame.features ?? DEFAULT_FEATURES;
  const f = features.length;
  const transform = featureTransform(features);
  const mean = frame.mean;
  const std = frame.std;
  for (let first = 0; first < cells; first += capacity) {
    const n = Math.min(capacity, cells - first);
    for (let k = 0; k < n; k++) {
      const cell = first + k;
      const col = cell % width;
      const row = Math.floor(cell / width);
      const gx = frame.xRange[0] + ((col + 0.5) / width) * (frame.xRange[1] - frame.xRange[0]);
      // Row 0 is the top of the picture: the largest y.
      const gy = frame.yRange[1] - ((row + 0.5) / height) * (frame.yRange[1] - frame.yRange[0]);
      transform(gx, gy, X, k * f);
      if (mean && std) for (let j = 0; j < f; j++) X[k * f + j] = (X[k * f + j] - mean[j]) / std[j];
    }
    visit(first, n);
  }
}

export function boundaryGrid(
  network: Network,
  frame: GridFrame,
  size: number,
  metric: MetricKind,
  outputIsLogit: boolean,
  X: Floats,
): BoundaryGrid {
  const values = new Array<number>(size * size);
  const multiclass = metric === 'argmax';
  const confidence = multiclass ? new Array<number>(size * size) : undefined;
  const width = network.outputWidth;
  const probs = new Float64Array(width);
  forEachChunk(network, frame, size, size, X, (first, n) => {
    const out = network.forward(X, n, false);
    for (let k = 0; k < n; k++) {
      if (multiclass && confidence) {
        if (outputIsLogit) softmaxInto(out, k * width, probs, 0, width);
        else for (let j = 0; j < width; j++) probs[j] = out[k * width + j];
        let best = 0;
        for (let j = 1; j < width; j++) if (probs[j] > probs[best]) best = j;
        values[first + k] = best;
        confidence[first + k] = probs[best];
      } else {
        const v = out[k * width];
        values[first + k] = outputIsLogit ? sigmoid(v) : v;
      }
    }
  });
  const grid: BoundaryGrid = { width: size, height: size, xRange: frame.xRange, yRange: frame.yRange, values };
  if (confidence) grid.confidence = confidence;
  return grid;
}

/**
 * Which units of each hidden layer get a picture: all of a layer when the budget allows, else its first and
 * last units (the network view elides the middle the same way).
 */
export function pictureUnits(widths: readonly number[], total = NEURON_TOTAL): number[][] {
  const chosen = widths.map(() => [] as number[]);
  if (widths.length === 0) return chosen;
  // Each layer gets an equal share; shares a narrow layer leaves unused go to the wide ones.
  const share = new Array<number>(widths.length).fill(0);
  let left = Math.max(total, NEURON_MIN_PER_LAYER * widths.length);
  let open = widths.map((_, i) => i);
  while (left > 0 && open.length > 0) {
    const each = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      const add = Math.min(each, widths[i] - share[i], left);
      share[i] += add;
      left -= add;
    }
    open = open.filter((i) => share[i] < widths[i]);
    if (each === 1) break;
  }
  widths.forEach((width, i) => {
    const head = Math.ceil(share[i] / 2);
    const tail = share[i] - head;
    for (let u = 0; u < head; u++) chosen[i].push(u);
    for (let u = width - tail; u < width; u++) chosen[i].push(u);
  });
  return chosen;
}

/** Per-unit outputs of the hidden layers over the plane, for a bounded choice of units (see `pictureUnits`). */
export function neuronGrids(network: Network, frame: GridFrame, size: number, X: Floats): NeuronGrid[] {
  const hidden = network.dense.slice(0, -1);
  const units = pictureUnits(hidden.map((op) => op.units));
  const count = units.reduce((s, u) => s + u.length, 0);
  if (count === 0) return [];
  const res = Math.max(1, Math.min(size, NEURON_GRID_MAX, Math.floor(Math.sqrt(NEURON_CELLS / count))));
  const grids: NeuronGrid[] = hidden.flatMap((op, i) =>
    units[i].map((unit) => ({ layer: op.name, unit, width: res, height: res, values: new Array<number>(res * res) })),
  );
  forEachChunk(network, frame, res, res, X, (first, n) => {
    network.forward(X, n, false);
    let g = 0;
    hidden.forEach((op, i) => {
      for (const u of units[i]) {
        const values = grids[g++].values;
        for (let k = 0; k < n; k++) values[first + k] = op.output[k * op.units + u];
      }
    });
  });
  return grids;
}
