/** Runs a trained network on new inputs, exactly as training evaluates it. */
import { Network } from './engine/network';
import type { FloatKind } from './engine/tensor';
import { allocate } from './engine/tensor';
import type { NetworkSpec, NetworkWeights } from '../model/spec';

const CHUNK_ROWS = 256;

export interface PredictOptions {
  /** Float type of the computation (training uses float32). */
  kind?: FloatKind;
}

/**
 * Applies the stored feature standardization, runs the network in inference mode (no dropout) and returns
 * one output row per input row, after the output activation (probabilities for sigmoid and softmax outputs;
 * a linear output under bce/cce gives logits).
 */
export function predict(spec: NetworkSpec, weights: NetworkWeights, inputs: number[][], options: PredictOptions = {}): number[][] {
  const kind = options.kind ?? 'float32';
  const rows = Math.min(Math.max(inputs.length, 1), CHUNK_ROWS);
  const network = new Network(spec, { capacity: rows, kind, seed: 0 });
  network.loadWeights(weights);
  const width = spec.input;
  const mean = weights.normalization?.mean;
  const std = weights.normalization?.std;
  const X = allocate(kind, rows * width);
  const result: number[][] = [];
  for (let start = 0; start < inputs.length; start += rows) {
    const n = Math.min(rows, inputs.length - start);
    for (let r = 0; r < n; r++) {
      const row = inputs[start + r];
      if (row.length !== width) throw new Error(`input row ${start + r + 1} has ${row.length} values, the model expects ${width}`);
      for (let i = 0; i < width; i++) {
        const value = mean && std ? (row[i] - mean[i]) / std[i] : row[i];
        X[r * width + i] = value;
      }
    }
    const out = network.forward(X, n, false);
    const w = network.outputWidth;
    for (let r = 0; r < n; r++) result.push(Array.from(out.subarray(r * w, (r + 1) * w)));
  }
  return result;
}
