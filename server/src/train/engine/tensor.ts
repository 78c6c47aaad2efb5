/** Row-major float buffers. Training uses Float32Array; gradient checks use Float64Array with the same code. */
export type Floats = Float32Array | Float64Array;

export type FloatKind = 'float32' | 'float64';

export function allocate(kind: FloatKind, length: number): Floats {
  return kind === 'float64' ? new Float64Array(length) : new Float32Array(length);
}
