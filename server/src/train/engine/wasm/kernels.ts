/**
 * Loads the SIMD kernels: relaxed SIMD where the running engine validates it, plain SIMD128 otherwise, and
 * nothing (the JS kernels) where WebAssembly SIMD is missing. Modules compile synchronously, once.
 */
import { RELAXED_KERNELS, SIMD_KERNELS } from './kernels.generated';

/** The kernels' exports; pointers are byte offsets into the instance's memory. */
export interface KernelExports {
  gemm(M: number, N: number, K: number, A: number, sam: number, sak: number, B: number, C: number, bias: number): void;
  transpose(rows: number, cols: number, src: number, dst: number): void;
  colsum(M: number, N: number, src: number, dst: number): void;
  adam(
    n: number,
    value: number,
    grad: number,
    m: number,
    v: number,
    b1: number,
    c1: number,
    b2: number,
    c2: number,
    step: number,
    eps: number,
  ): void;
  sgd(n: number, value: number, grad: number, lr: number): void;
  momentum(n: number, value: number, grad: number, vel: number, mu: number, lr: number): void;
  rmsprop(n: number, value: number, grad: number, v: number, rho: number, c: number, lr: number, eps: number): void;
  allFinite(n: number, src: number): number;
  sumSquares(n: number, src: number): number;
}

/** Which kernels run a network: the JS loops, WebAssembly SIMD128, or SIMD128 with relaxed multiply-add. */
export type EnginePath = 'js' | 'simd' | 'relaxed';

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** A module of one function, f32x4.relaxed_madd of its three parameters: the relaxed-SIMD probe. */
export const RELAXED_PROBE = Uint8Array.from([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 1, 96, 3, 123, 123, 123, 1, 123, 3, 2, 1, 0, 10, 13, 1, 11, 0, 32, 0, 32, 1, 32, 2,
  253, 133, 2, 11,
]);

const modules = new Map<EnginePath, WebAssembly.Module | null>();

/** The compiled module of a path, or null when this engine cannot run it. */
export function kernelModule(path: 'simd' | 'relaxed'): WebAssembly.Module | null {
  const cached = modules.get(path);
  if (cached !== undefined) return cached;
  let module: WebAssembly.Module | null = null;
  const supported = typeof WebAssembly === 'object' && (path === 'simd' || WebAssembly.validate(RELAXED_PROBE));
  if (supported) {
    const bytes = decode(path === 'relaxed' ? RELAXED_KERNELS : SIMD_KERNELS);
    try {
      if (WebAssembly.validate(bytes)) module = new WebAssembly.Module(bytes);
    } catch {
      module = null;
    }
  }
  modules.set(path, module);
  return module;
}

/** The fastest path this engine supports. */
export function bestWasmPath(): EnginePath {
  if (kernelModule('relaxed')) return 'relaxed';
  if (kernelModule('simd')) return 'simd';
  return 'js';
}
