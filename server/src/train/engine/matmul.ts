/**
 * The dense-layer kernels. Every matrix is row-major; W is [units × inWidth], so each inner loop walks
 * contiguous memory. Rows (samples) are processed four at a time so one load of a weight feeds four
 * multiply-adds.
 */
import type { Floats } from './tensor';

/** Z[r, u] = b[u] + Σᵢ X[r, i] · W[u, i] for r < n. */
export function denseForward(X: Floats, inWidth: number, W: Floats, b: Floats, Z: Floats, n: number, units: number): void {
  let r = 0;
  for (; r + 3 < n; r += 4) {
    const x0 = r * inWidth;
    const x1 = x0 + inWidth;
    const x2 = x1 + inWidth;
    const x3 = x2 + inWidth;
    const z0 = r * units;
    for (let u = 0; u < units; u++) {
      const w0 = u * inWidth;
      const bias = b[u];
      let s0 = bias;
      let s1 = bias;
      let s2 = bias;
      let s3 = bias;
      for (let i = 0; i < inWidth; i++) {
        const w = W[w0 + i];
        s0 += X[x0 + i] * w;
        s1 += X[x1 + i] * w;
        s2 += X[x2 + i] * w;
        s3 += X[x3 + i] * w;
      }
      Z[z0 + u] = s0;
      Z[z0 + units + u] = s1;
      Z[z0 + 2 * units + u] = s2;
      Z[z0 + 3 * units + u] = s3;
    }
  }
  for (; r < n; r++) {
    const x0 = r * inWidth;
    const z0 = r * units;
    for (let u = 0; u < units; u++) {
      const w0 = u * inWidth;
      let s = b[u];
      for (let i = 0; i < inWidth; i++) s += X[x0 + i] * W[w0 + i];
      Z[z0 + u] = s;
    }
  }
}

/** dW[u, i] = Σᵣ dZ[r, u] · X[r, i] and db[u] = Σᵣ dZ[r, u] (both overwritten). */
export function denseGradWeights(
  dZ: Floats, X: Floats, inWidth: number, dW: Floats, db: Floats, n: number, units: number,
): void {
  dW.fill(0, 0, units * inWidth);
  db.fill(0, 0, units);
  let r = 0;
  for (; r + 3 < n; r += 4) {
    const x0 = r * inWidth;
    const x1 = x0 + inWidth;
    const x2 = x1 + inWidth;
    const x3 = x2 + inWidth;
    const g = r * units;
    for (let u = 0; u < units; u++) {
      const g0 = dZ[g + u];
      const g1 = dZ[g + units + u];
      const g2 = dZ[g + 2 * units + u];
      const g3 = dZ[g + 3 * units + u];
      if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0) continue;
      db[u] += g0 + g1 + g2 + g3;
      const w0 = u * inWidth;
      for (let i = 0; i < inWidth; i++) {
        dW[w0 + i] += g0 * X[x0 + i] + g1 * X[x1 + i] + g2 * X[x2 + i] + g3 * X[x3 + i];
      }
    }
  }
  for (; r < n; r++) {
    const x0 = r * inWidth;
    const g = r * units;
    for (let u = 0; u < units; u++) {
      const g0 = dZ[g + u];
      if (g0 === 0) continue;
      db[u] += g0;
      const w0 = u * inWidth;
      for (let i = 0; i < inWidth; i++) dW[w0 + i] += g0 * X[x0 + i];
    }
  }
}

/** dX[r, i] = Σᵤ dZ[r, u] · W[u, i] (overwritten). */
export function denseGradInput(dZ: Floats, W: Floats, inWidth: number, dX: Floats, n: number, units: number): void {
  dX.fill(0, 0, n * inWidth);
  for (let r = 0; r < n; r++) {
    const x0 = r * inWidth;
    const g = r * units;
    let u = 0;
    for (; u + 3 < units; u += 4) {
      const g0 = dZ[g + u];
      const g1 = dZ[g + u + 1];
      const g2 = dZ[g + u + 2];
      const g3 = dZ[g + u + 3];
      if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0) continue;
      const w0 = u * inWidth;
      const w1 = w0 + inWidth;
      const w2 = w1 + inWidth;
      const w3 = w2 + inWidth;
      for (let i = 0; i < inWidth; i++) {
        dX[x0 + i] += g0 * W[w0 + i] + g1 * W[w1 + i] + g2 * W[w2 + i] + g3 * W[w3 + i];
      }
    }
    for (; u < units; u++) {
      const g0 = dZ[g + u];
      if (g0 === 0) continue;
      const w0 = u * inWidth;
      for (let i = 0; i < inWidth; i++) dX[x0 + i] += g0 * W[w0 + i];
    }
  }
}
