/** Row-major float buffers. Training uses Float32Array; gradient checks use Float64Array with the same code. */
export type Floats = Float32Array | Float64Array;

export type FloatKind = 'float32' | 'float64';

export function allocate(kind: FloatKind, length: number): Floats {
  return kind === 'float64' ? new Float64Array(length) : new Float32Array(length);
}

/** Copies a plain number array into a new buffer of the given kind. */
export function fromNumbers(kind: FloatKind, values: ArrayLike<number>): Floats {
  const out = allocate(kind, values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i];
  return out;
}
