/** The bare matrix kernel's throughput on every SIMD path this engine supports (bundled with the subject). */
import { WasmArena } from '../../server/src/train/engine/wasm/arena';
import { kernelModule } from '../../server/src/train/engine/wasm/kernels';

/** Median GFLOP/s of C[M×N] = A[M×K]·B[K×N] per path, the paths taking `rounds` alternating turns of `ms`. */
export function kernelGflops(
  M: number,
  N: number,
  K: number,
  rounds: number,
  ms: number,
): { path: string; gflops: number }[] {
  const paths = (['simd', 'relaxed'] as const).filter((p) => kernelModule(p));
  const setups = paths.map((path) => {
    const arena = WasmArena.create(path, M * K + K * N + M * N + 64) as WasmArena;
    const A = arena.take(M * K).fill(0.5);
    const B = arena.take(K * N).fill(0.25);
    const C = arena.take(M * N);
    return () => arena.kernels.gemm(M, N, K, A.byteOffset, K, 1, B.byteOffset, C.byteOffset, 0);
  });
  const samples = paths.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    setups.forEach((run, k) => {
      let reps = 0;
      const start = performance.now();
      let now = start;
      while (now - start < ms) {
        run();
        reps++;
        now = performance.now();
      }
      samples[k].push((2 * M * N * K * reps) / ((now - start) * 1e6));
    });
  }
  return paths.map((path, k) => ({ path, gflops: samples[k].sort((a, b) => a - b)[samples[k].length >> 1] }));
}
