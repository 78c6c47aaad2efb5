/** Picks the kernels a network runs on and sizes its WebAssembly memory. */
import type { NetworkSpec } from '../../../model/spec';
import { createKernel } from '../activation';
import type { FloatKind } from '../tensor';
import { bestWasmPath, kernelModule, type EnginePath } from './kernels';

/** `auto` lets the engine decide; the others ask for one path (falling back to what the engine supports). */
export type PathRequest = EnginePath | 'auto';

/**
 * Below this many multiply-adds per batch (Σ inputs × units over the dense layers, times the batch, at
 * least 4) the JS loops are as fast or faster: the calls into WebAssembly cost about what the SIMD saves.
 * Measured once, both paths alternating in one process: 2-4-1 at batch 8 (96) JS 2.1× faster; 2-8-8-1 at
 * batch 1 (352) JS 1.1×, at batch 32 (2,816) SIMD 1.2× (kept on JS: no gain worth a different result);
 * 2-32-32-1 at batch 1 (4,480) SIMD 2.5×; 2-16-16-1 at batch 32 (9,728) SIMD 2.3×.
 */
export const WASM_MIN_MACS = 4096;

/** Multiply-adds per sample of the network's dense layers. */
export function macsPerSample(spec: NetworkSpec): number {
  let width = spec.input;
  let macs = 0;
  for (const layer of spec.layers) {
    if (layer.kind !== 'dense') continue;
    macs += width * layer.units;
    width = layer.units;
  }
  return macs;
}

/** The path a network of `kind` floats, trained `batch` rows at a time, runs on for a request. */
export function choosePath(spec: NetworkSpec, kind: FloatKind, request: PathRequest, batch: number): EnginePath {
  if (kind !== 'float32' || request === 'js') return 'js';
  // Small networks never compile the module, so their cold start stays as it was.
  if (request === 'auto' && macsPerSample(spec) * Math.max(batch, 4) < WASM_MIN_MACS) return 'js';
  const best = bestWasmPath();
  if (request === 'auto') return best;
  if (request === 'simd') return kernelModule('simd') ? 'simd' : 'js';
  return best;
}

/**
 * An upper bound on the floats a network, its loss gradient and its optimizer state take in the arena
 * (with `capacity` rows), so the memory is sized once. Alignment padding is counted generously.
 */
export function arenaFloats(spec: NetworkSpec, capacity: number): number {
  let width = spec.input;
  let floats = 0;
  let buffers = 0;
  for (const layer of spec.layers) {
    if (layer.kind === 'dense') {
      const pieces =
        layer.activation?.name === 'maxout' ? createKernel(layer.activation, layer.units, 1, 'float32').pieces : 1;
      const rows = layer.units * pieces;
      const params = rows * width + rows;
      // W, dW, Wᵀ, b, db, two optimizer moments; Z, dZ, output, dX and the input stage per row.
      floats += 3 * rows * width + 2 * rows + 2 * params + capacity * (2 * rows + layer.units + 2 * width);
      buffers += 11;
      width = layer.units;
    } else {
      floats += 3 * capacity * width;
      buffers += 3;
    }
  }
  floats += capacity * width;
  return floats + 4 * (buffers + 2);
}
