/** Runs a trained network on new inputs, exactly as training evaluates it. */
import { featureTransform, isIdentityFeatures, type FeatureName } from '../catalog/features';
import { Network } from './engine/network';
import type { FloatKind } from './engine/tensor';
import { allocate } from './engine/tensor';
import type { NetworkSpec, NetworkWeights } from '../model/spec';

const CHUNK_ROWS = 256;

export interface PredictOptions {
  /** Float type of the computation (training uses float32). */
  kind?: FloatKind;
  /** The run's `features`: the inputs are then raw points (x1, x2), turned into these features first. */
  features?: readonly FeatureName[];
}

/**
 * Computes the run's features of each raw point (when it has a `features` line), applies the stored
 * standardization, runs the network in inference mode (no dropout) and returns one output row per input row,
 * after the output activation (probabilities for sigmoid and softmax outputs; a linear output under bce/cce
 * gives logits).
 */
export function predict(
  spec: NetworkSpec,
  weights: NetworkWeights,
  inputs: number[][],
  options: PredictOptions = {},
): number[][] {
  const kind = options.kind ?? 'float32';
  const rows = Math.min(Math.max(inputs.length, 1), CHUNK_ROWS);
  const network = new Network(spec, { capacity: rows, kind, seed: 0 });
  network.loadWeights(weights);
  const width = spec.input;
  const transform =
    options.features && !isIdentityFeatures(options.features) ? featureTransform(options.features) : undefined;
  const rawWidth = transform ? 2 : width;
  const seen = new Float64Array(width);
  const mean = weights.normalization?.mean;
  const std = weights.normalization?.std;
  const X = allocate(kind, rows * width);
  const result: number[][] = [];
  for (let start = 0; start < inputs.length; start += rows) {
    const n = Math.min(rows, inputs.length - start);
    for (let r = 0; r < n; r++) {
      const row = inputs[start + r];
      if (row.length !== rawWidth)
        throw new Error(`input row ${start + r + 1} has ${row.length} values, the model expects ${rawWidth}`);
      if (transform) transform(row[0], row[1], seen, 0);
      else seen.set(row);
      for (let i = 0; i < width; i++) {
        const value = mean && std ? (seen[i] - mean[i]) / std[i] : seen[i];
        X[r * width + i] = value;
      }
    }
    const out = network.forward(X, n, false);
    const w = network.outputWidth;
    for (let r = 0; r < n; r++) result.push(Array.from(out.subarray(r * w, (r + 1) * w)));
  }
  return result;
}
