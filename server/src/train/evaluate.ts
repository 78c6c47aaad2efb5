/** Loss, accuracy (or MAE) and the confusion matrix of a network over a whole split, in chunks. */
import type { MetricKind } from './data/encode';
import type { Learner } from './engine/learner';
import type { Floats } from './engine/tensor';

export interface SplitData {
  X: Floats;
  T: Floats;
  n: number;
}

export interface Evaluation {
  loss: number;
  metric: number;
}

function argmax(values: Floats, offset: number, width: number): number {
  let best = 0;
  for (let j = 1; j < width; j++) if (values[offset + j] > values[offset + best]) best = j;
  return best;
}

/** The class a row's output predicts (binary: 0/1 by threshold; multiclass: argmax). */
function predictedClass(out: Floats, offset: number, width: number, metric: MetricKind, threshold: number): number {
  return metric === 'binary' ? (out[offset] >= threshold ? 1 : 0) : argmax(out, offset, width);
}

/**
 * Evaluates a split in inference mode. `classes` > 0 also fills a confusion matrix (rows = true class).
 * Returns NaN for both numbers when the split is empty.
 */
export function evaluateSplit(
  learner: Learner,
  split: SplitData,
  metric: MetricKind,
  scratch: { X: Floats; T: Floats },
  confusion?: number[][],
): Evaluation {
  if (split.n === 0) return { loss: NaN, metric: NaN };
  const network = learner.network;
  const inW = network.inputWidth;
  const outW = network.outputWidth;
  const threshold = learner.head.outputIsLogit ? 0 : 0.5;
  let lossSum = 0;
  let metricSum = 0;
  for (let start = 0; start < split.n; start += network.capacity) {
    const n = Math.min(network.capacity, split.n - start);
    scratch.X.set(split.X.subarray(start * inW, (start + n) * inW));
    scratch.T.set(split.T.subarray(start * outW, (start + n) * outW));
    lossSum += learner.evaluateChunk(scratch.X, scratch.T, n);
    const out = network.output();
    const T = scratch.T;
    for (let r = 0; r < n; r++) {
      const o = r * outW;
      if (metric === 'mae') {
        let s = 0;
        for (let j = 0; j < outW; j++) s += Math.abs(out[o + j] - T[o + j]);
        metricSum += s / outW;
      } else if (metric === 'multilabel') {
        let s = 0;
        for (let j = 0; j < outW; j++) s += (out[o + j] >= threshold ? 1 : 0) === (T[o + j] >= 0.5 ? 1 : 0) ? 1 : 0;
        metricSum += s / outW;
      } else {
        const truth = metric === 'binary' ? (T[o] >= 0.5 ? 1 : 0) : argmax(T, o, outW);
        const guess = predictedClass(out, o, outW, metric, threshold);
        if (truth === guess) metricSum++;
        if (confusion) confusion[truth][guess]++;
      }
    }
  }
  return { loss: lossSum / split.n, metric: metricSum / split.n };
}
