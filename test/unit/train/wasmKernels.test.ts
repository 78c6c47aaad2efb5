/**
 * The WebAssembly SIMD kernels: the shipped bytes match their source, and each product of a dense layer
 * agrees with a float64 reference on random shapes (every tail of the register tiles included).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { WasmArena } from '../../../server/src/train/engine/wasm/arena';
import { bestWasmPath, kernelModule, RELAXED_PROBE } from '../../../server/src/train/engine/wasm/kernels';
import { generatedKernelsFile } from '../../../scripts/wasmKernels';

const GENERATED = join(__dirname, '..', '..', '..', 'server', 'src', 'train', 'engine', 'wasm', 'kernels.generated.ts');
const PATHS = (['simd', 'relaxed'] as const).filter((p) => kernelModule(p));

describe('WebAssembly kernels', () => {
  it('kernels.generated.ts is up to date with kernelSource.ts (run npm run gen:wasm)', async () => {
    assert.equal(readFileSync(GENERATED, 'utf8'), await generatedKernelsFile());
  });

  it('Node 20 runs SIMD128; relaxed SIMD only where the engine validates it', () => {
    assert.ok(kernelModule('simd'), 'this Node has WebAssembly SIMD');
    assert.equal(bestWasmPath() === 'relaxed', WebAssembly.validate(RELAXED_PROBE));
    assert.equal(kernelModule('relaxed') !== null, WebAssembly.validate(RELAXED_PROBE));
  });

  for (const path of PATHS) {
    it(`${path}: gemm with any strides and bias agrees with float64 on random shapes`, () => {
      const arena = WasmArena.create(path, 1 << 20);
      assert.ok(arena);
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 19 }),
          fc.integer({ min: 0, max: 37 }),
          fc.integer({ min: 0, max: 70 }),
          fc.boolean(),
          fc.boolean(),
          fc.integer(),
          (M, N, K, transposedA, withBias, seed) => {
            const A = arena.take(M * K + 1);
            const B = arena.take(K * N + 1);
            const C = arena.take(M * N + 1);
            const bias = arena.take(N + 1);
            let s = seed | 0;
            const next = (): number => ((s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 8) / (1 << 23) - 1;
            A.forEach((_, i) => (A[i] = next()));
            B.forEach((_, i) => (B[i] = next()));
            bias.forEach((_, i) => (bias[i] = next()));
            C.fill(Number.NaN);
            const [sam, sak] = transposedA ? [1, M] : [K, 1];
            arena.kernels.gemm(
              M,
              N,
              K,
              A.byteOffset,
              sam,
              sak,
              B.byteOffset,
              C.byteOffset,
              withBias ? bias.byteOffset : 0,
            );
            for (let i = 0; i < M; i++) {
              for (let j = 0; j < N; j++) {
                let exact = withBias ? bias[j] : 0;
                let magnitude = Math.abs(exact);
                for (let p = 0; p < K; p++) {
                  const term = A[i * sam + p * sak] * B[p * N + j];
                  exact += term;
                  magnitude += Math.abs(term);
                }
                const got = C[i * N + j];
                if (!(Math.abs(got - exact) <= 1e-5 * Math.max(magnitude, 1e-30))) return false;
              }
            }
            assert.ok(Number.isNaN(C[M * N]), 'nothing is written past the result');
            return true;
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it('transpose, column sums, finiteness and squared sums match plain loops', () => {
    const arena = WasmArena.create('simd', 1 << 16);
    assert.ok(arena);
    for (const [rows, cols] of [
      [1, 1],
      [3, 7],
      [8, 5],
      [13, 16],
    ]) {
      const src = arena.take(rows * cols);
      src.forEach((_, i) => (src[i] = i * 0.5 - 3));
      const dst = arena.take(rows * cols);
      arena.kernels.transpose(rows, cols, src.byteOffset, dst.byteOffset);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) assert.equal(dst[c * rows + r], src[r * cols + c]);
      const sums = arena.take(cols);
      arena.kernels.colsum(rows, cols, src.byteOffset, sums.byteOffset);
      for (let c = 0; c < cols; c++) {
        let s = 0;
        for (let r = 0; r < rows; r++) s = Math.fround(s + src[r * cols + c]);
        assert.equal(sums[c], s);
      }
      let squares = 0;
      for (const x of src) squares += x * x;
      assert.ok(Math.abs(arena.kernels.sumSquares(src.length, src.byteOffset) - squares) <= 1e-12 * squares);
      assert.equal(arena.kernels.allFinite(src.length, src.byteOffset), 1);
      for (const bad of [Number.NaN, Infinity, -Infinity]) {
        const k = src.length - 1;
        const saved = src[k];
        src[k] = bad;
        assert.equal(arena.kernels.allFinite(src.length, src.byteOffset), 0);
        src[k] = saved;
      }
    }
  });
});
