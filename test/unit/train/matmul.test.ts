/** The blocked dense kernels agree with the plain definitions for every shape remainder. */
import { strict as assert } from 'node:assert';
import { denseForward, denseGradInput, denseGradWeights } from '../../../server/src/train/engine/matmul';
import { Rng } from '../../../server/src/train/engine/rng';

describe('dense kernels', () => {
  const rng = new Rng(8);
  const random = (length: number, zeros = 0) =>
    Float64Array.from({ length }, () => (rng.next() < zeros ? 0 : rng.normal()));
  const close = (a: ArrayLike<number>, b: ArrayLike<number>, label: string) => {
    for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - b[i]) < 1e-9, `${label}[${i}]: ${a[i]} vs ${b[i]}`);
  };

  for (const n of [1, 3, 4, 7, 8]) {
    for (const units of [1, 2, 3, 4, 5, 9]) {
      for (const inWidth of [1, 3, 6]) {
        it(`n=${n}, units=${units}, in=${inWidth}`, () => {
          const X = random(n * inWidth);
          const W = random(units * inWidth);
          const b = random(units);
          const dZ = random(n * units, 0.3);
          const Z = new Float64Array(n * units);
          denseForward(X, inWidth, W, b, Z, n, units);
          const dW = new Float64Array(units * inWidth).fill(7);
          const db = new Float64Array(units).fill(7);
          denseGradWeights(dZ, X, inWidth, dW, db, n, units);
          const dX = new Float64Array(n * inWidth).fill(7);
          denseGradInput(dZ, W, inWidth, dX, n, units);
          const Zref = new Float64Array(n * units);
          const dWref = new Float64Array(units * inWidth);
          const dbref = new Float64Array(units);
          const dXref = new Float64Array(n * inWidth);
          for (let r = 0; r < n; r++) {
            for (let u = 0; u < units; u++) {
              let s = b[u];
              for (let i = 0; i < inWidth; i++) {
                s += X[r * inWidth + i] * W[u * inWidth + i];
                dWref[u * inWidth + i] += dZ[r * units + u] * X[r * inWidth + i];
                dXref[r * inWidth + i] += dZ[r * units + u] * W[u * inWidth + i];
              }
              Zref[r * units + u] = s;
              dbref[u] += dZ[r * units + u];
            }
          }
          close(Z, Zref, 'Z');
          close(dW, dWref, 'dW');
          close(db, dbref, 'db');
          close(dX, dXref, 'dX');
        });
      }
    }
  }
});
