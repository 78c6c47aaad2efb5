/**
 * The dense-layer kernels. Every matrix is row-major; W is [units × inWidth], so each inner loop walks
 * contiguous memory. Rows (samples) are processed four at a time so one load of a weight feeds four
 * multiply-adds.
 */
import type { Floats } from './tensor';

/**
 * Z[r, u] = b[u] + Σᵢ X[r, i] · W[u, i] for r < n. Blocks of 4 rows × 4 units keep sixteen independent
 * sums, so each loaded value feeds four multiply-adds.
 */
export function denseForward(
  X: Floats,
  inWidth: number,
  W: Floats,
  b: Floats,
  Z: Floats,
  n: number,
  units: number,
): void {
  const fullUnits = units - (units % 4);
  let r = 0;
  for (; r + 3 < n; r += 4) {
    const x0 = r * inWidth;
    const x1 = x0 + inWidth;
    const x2 = x1 + inWidth;
    const x3 = x2 + inWidth;
    const z0 = r * units;
    const z1 = z0 + units;
    const z2 = z1 + units;
    const z3 = z2 + units;
    for (let u = 0; u < fullUnits; u += 4) {
      const wa = u * inWidth;
      const wb = wa + inWidth;
      const wc = wb + inWidth;
      const wd = wc + inWidth;
      let a0 = b[u],
        b0 = b[u + 1],
        c0 = b[u + 2],
        d0 = b[u + 3];
      let a1 = a0,
        b1 = b0,
        c1 = c0,
        d1 = d0;
      let a2 = a0,
        b2 = b0,
        c2 = c0,
        d2 = d0;
      let a3 = a0,
        b3 = b0,
        c3 = c0,
        d3 = d0;
      for (let i = 0; i < inWidth; i++) {
        const y0 = X[x0 + i];
        const y1 = X[x1 + i];
        const y2 = X[x2 + i];
        const y3 = X[x3 + i];
        const p = W[wa + i];
        a0 += y0 * p;
        a1 += y1 * p;
        a2 += y2 * p;
        a3 += y3 * p;
        const q = W[wb + i];
        b0 += y0 * q;
        b1 += y1 * q;
        b2 += y2 * q;
        b3 += y3 * q;
        const s = W[wc + i];
        c0 += y0 * s;
        c1 += y1 * s;
        c2 += y2 * s;
        c3 += y3 * s;
        const t = W[wd + i];
        d0 += y0 * t;
        d1 += y1 * t;
        d2 += y2 * t;
        d3 += y3 * t;
      }
      Z[z0 + u] = a0;
      Z[z0 + u + 1] = b0;
      Z[z0 + u + 2] = c0;
      Z[z0 + u + 3] = d0;
      Z[z1 + u] = a1;
      Z[z1 + u + 1] = b1;
      Z[z1 + u + 2] = c1;
      Z[z1 + u + 3] = d1;
      Z[z2 + u] = a2;
      Z[z2 + u + 1] = b2;
      Z[z2 + u + 2] = c2;
      Z[z2 + u + 3] = d2;
      Z[z3 + u] = a3;
      Z[z3 + u + 1] = b3;
      Z[z3 + u + 2] = c3;
      Z[z3 + u + 3] = d3;
    }
    for (let u = fullUnits; u < units; u++) {
      const w0 = u * inWidth;
      const bias = b[u];
      let s0 = bias,
        s1 = bias,
        s2 = bias,
        s3 = bias;
      for (let i = 0; i < inWidth; i++) {
        const w = W[w0 + i];
        s0 += X[x0 + i] * w;
        s1 += X[x1 + i] * w;
        s2 += X[x2 + i] * w;
        s3 += X[x3 + i] * w;
      }
      Z[z0 + u] = s0;
      Z[z1 + u] = s1;
      Z[z2 + u] = s2;
      Z[z3 + u] = s3;
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

/**
 * dW[u, i] = Σᵣ dZ[r, u] · X[r, i] and db[u] = Σᵣ dZ[r, u] (both overwritten). Blocks of 4 units × 4 rows:
 * each input value loaded feeds four weight rows.
 */
export function denseGradWeights(
  dZ: Floats,
  X: Floats,
  inWidth: number,
  dW: Floats,
  db: Floats,
  n: number,
  units: number,
): void {
  dW.fill(0, 0, units * inWidth);
  db.fill(0, 0, units);
  for (let r = 0; r < n; r++) {
    const g = r * units;
    for (let u = 0; u < units; u++) db[u] += dZ[g + u];
  }
  const fullRows = n - (n % 4);
  let u = 0;
  for (; u + 3 < units; u += 4) {
    const wa = u * inWidth;
    const wb = wa + inWidth;
    const wc = wb + inWidth;
    const wd = wc + inWidth;
    for (let r = 0; r < fullRows; r += 4) {
      const g = r * units + u;
      const g1 = g + units;
      const g2 = g1 + units;
      const g3 = g2 + units;
      const a0 = dZ[g],
        a1 = dZ[g1],
        a2 = dZ[g2],
        a3 = dZ[g3];
      const b0 = dZ[g + 1],
        b1 = dZ[g1 + 1],
        b2 = dZ[g2 + 1],
        b3 = dZ[g3 + 1];
      const c0 = dZ[g + 2],
        c1 = dZ[g1 + 2],
        c2 = dZ[g2 + 2],
        c3 = dZ[g3 + 2];
      const d0 = dZ[g + 3],
        d1 = dZ[g1 + 3],
        d2 = dZ[g2 + 3],
        d3 = dZ[g3 + 3];
      // Dead ReLU units give whole blocks of zero gradient.
      if (
        a0 === 0 &&
        a1 === 0 &&
        a2 === 0 &&
        a3 === 0 &&
        b0 === 0 &&
        b1 === 0 &&
        b2 === 0 &&
        b3 === 0 &&
        c0 === 0 &&
        c1 === 0 &&
        c2 === 0 &&
        c3 === 0 &&
        d0 === 0 &&
        d1 === 0 &&
        d2 === 0 &&
        d3 === 0
      )
        continue;
      const x0 = r * inWidth;
      const x1 = x0 + inWidth;
      const x2 = x1 + inWidth;
      const x3 = x2 + inWidth;
      for (let i = 0; i < inWidth; i++) {
        const y0 = X[x0 + i];
        const y1 = X[x1 + i];
        const y2 = X[x2 + i];
        const y3 = X[x3 + i];
        dW[wa + i] += a0 * y0 + a1 * y1 + a2 * y2 + a3 * y3;
        dW[wb + i] += b0 * y0 + b1 * y1 + b2 * y2 + b3 * y3;
        dW[wc + i] += c0 * y0 + c1 * y1 + c2 * y2 + c3 * y3;
        dW[wd + i] += d0 * y0 + d1 * y1 + d2 * y2 + d3 * y3;
      }
    }
  }
  // Units left over after the blocks of four, four rows at a time.
  for (; u < units; u++) {
    const w0 = u * inWidth;
    for (let r = 0; r < fullRows; r += 4) {
      const g = r * units + u;
      const a0 = dZ[g],
        a1 = dZ[g + units],
        a2 = dZ[g + 2 * units],
        a3 = dZ[g + 3 * units];
      if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue;
      const x0 = r * inWidth;
      const x1 = x0 + inWidth;
      const x2 = x1 + inWidth;
      const x3 = x2 + inWidth;
      for (let i = 0; i < inWidth; i++) dW[w0 + i] += a0 * X[x0 + i] + a1 * X[x1 + i] + a2 * X[x2 + i] + a3 * X[x3 + i];
    }
  }
  // Rows left over after the blocks of four, for every unit.
  for (let r = fullRows; r < n; r++) {
    const x0 = r * inWidth;
    const g = r * units;
    for (let v = 0; v < units; v++) {
      const a = dZ[g + v];
      if (a === 0) continue;
      const w0 = v * inWidth;
      for (let i = 0; i < inWidth; i++) dW[w0 + i] += a * X[x0 + i];
    }
  }
}

/**
 * dX[r, i] = Σᵤ dZ[r, u] · W[u, i] (overwritten). Blocks of 4 rows × 4 units: each weight loaded feeds
 * four input-gradient rows.
 */
export function denseGradInput(dZ: Floats, W: Floats, inWidth: number, dX: Floats, n: number, units: number): void {
  dX.fill(0, 0, n * inWidth);
  const fullUnits = units - (units % 4);
  let r = 0;
  for (; r + 3 < n; r += 4) {
    const x0 = r * inWidth;
    const x1 = x0 + inWidth;
    const x2 = x1 + inWidth;
    const x3 = x2 + inWidth;
    const g0 = r * units;
    const g1 = g0 + units;
    const g2 = g1 + units;
    const g3 = g2 + units;
    for (let u = 0; u < fullUnits; u += 4) {
      const a0 = dZ[g0 + u],
        a1 = dZ[g0 + u + 1],
        a2 = dZ[g0 + u + 2],
        a3 = dZ[g0 + u + 3];
      const b0 = dZ[g1 + u],
        b1 = dZ[g1 + u + 1],
        b2 = dZ[g1 + u + 2],
        b3 = dZ[g1 + u + 3];
      const c0 = dZ[g2 + u],
        c1 = dZ[g2 + u + 1],
        c2 = dZ[g2 + u + 2],
        c3 = dZ[g2 + u + 3];
      const d0 = dZ[g3 + u],
        d1 = dZ[g3 + u + 1],
        d2 = dZ[g3 + u + 2],
        d3 = dZ[g3 + u + 3];
      if (
        a0 === 0 &&
        a1 === 0 &&
        a2 === 0 &&
        a3 === 0 &&
        b0 === 0 &&
        b1 === 0 &&
        b2 === 0 &&
        b3 === 0 &&
        c0 === 0 &&
        c1 === 0 &&
        c2 === 0 &&
        c3 === 0 &&
        d0 === 0 &&
        d1 === 0 &&
        d2 === 0 &&
        d3 === 0
      )
        continue;
      const wa = u * inWidth;
      const wb = wa + inWidth;
      const wc = wb + inWidth;
      const wd = wc + inWidth;
      for (let i = 0; i < inWidth; i++) {
        const p = W[wa + i];
        const q = W[wb + i];
        const s = W[wc + i];
        const t = W[wd + i];
        dX[x0 + i] += a0 * p + a1 * q + a2 * s + a3 * t;
        dX[x1 + i] += b0 * p + b1 * q + b2 * s + b3 * t;
        dX[x2 + i] += c0 * p + c1 * q + c2 * s + c3 * t;
        dX[x3 + i] += d0 * p + d1 * q + d2 * s + d3 * t;
      }
    }
    for (let u = fullUnits; u < units; u++) {
      const a = dZ[g0 + u],
        b = dZ[g1 + u],
        c = dZ[g2 + u],
        d = dZ[g3 + u];
      const w0 = u * inWidth;
      for (let i = 0; i < inWidth; i++) {
        const w = W[w0 + i];
        dX[x0 + i] += a * w;
        dX[x1 + i] += b * w;
        dX[x2 + i] += c * w;
        dX[x3 + i] += d * w;
      }
    }
  }
  for (; r < n; r++) {
    const x0 = r * inWidth;
    const g = r * units;
    for (let u = 0; u < units; u++) {
      const a = dZ[g + u];
      if (a === 0) continue;
      const w0 = u * inWidth;
      for (let i = 0; i < inWidth; i++) dX[x0 + i] += a * W[w0 + i];
    }
  }
}
