/**
 * Numerically stable scalar helpers shared by the catalog, the training engine and the exports.
 * Hot functions take and return plain numbers and allocate nothing.
 */

const SQRT_PI = Math.sqrt(Math.PI);
const SQRT_2 = Math.SQRT2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/** Below this |x| erf uses its power series; at and above it erfc uses a continued fraction. */
const ERF_SERIES_LIMIT = 2;
/** erfc(6) ≈ 2e-17 is below half an ulp of 1, so erf(x) rounds to ±1 beyond it. */
const ERF_SATURATION = 6;

/** The logistic function σ(x) = 1/(1+e^(−x)), without overflow for any finite x. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** ln(1+eˣ) without overflow: the exponential only ever sees a non-positive argument. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** ln σ(x) = −softplus(−x), finite for every finite x. */
export function logSigmoid(x: number): number {
  return -softplus(-x);
}

/**
 * erf for |x| < 2 from the series erf(x) = (2/√π)·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3·5⋯(2n+1)).
 * All terms share one sign, so the sum has no cancellation.
 */
function erfSeries(x: number): number {
  const twoX2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= twoX2 / (2 * n + 1);
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return (2 / SQRT_PI) * Math.exp(-x * x) * sum;
}

/**
 * erfc for x ≥ 2 from the even part of Laplace's continued fraction
 * erfc(x) = x·e^(−x²)/√π · 1/(x² + 1/2 − (1·2/4)/(x² + 5/2 − (3·4/4)/(x² + 9/2 − ⋯))),
 * evaluated with the modified Lentz method; it needs at most about 30 steps here.
 */
function erfcContinuedFraction(x: number): number {
  const z = x * x;
  const tiny = 1e-300;
  let f = z + 0.5;
  let c = f;
  let d = 0;
  for (let n = 1; n < 200; n++) {
    const a = -((2 * n - 1) * (2 * n)) / 4;
    const b = z + 0.5 + 2 * n;
    d = b + a * d;
    if (d === 0) d = tiny;
    c = b + a / c;
    if (c === 0) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (x * Math.exp(-z)) / (SQRT_PI * f);
}

/** The error function, accurate to about 1e-16 absolute. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < ERF_SERIES_LIMIT) return erfSeries(x);
  if (ax >= ERF_SATURATION) return x > 0 ? 1 : -1;
  const r = 1 - erfcContinuedFraction(ax);
  return x > 0 ? r : -r;
}

/** The complementary error function 1 − erf(x), with small relative error in the right tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < ERF_SERIES_LIMIT) return 1 - erfSeries(x);
  // e^(−x²) underflows to 0 beyond x ≈ 27.3; so does erfc.
  if (x > 27.3) return 0;
  return erfcContinuedFraction(x);
}

/** Density φ(x) of the standard normal distribution. */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Distribution function Φ(x) of the standard normal, accurate in relative terms in the left tail. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / SQRT_2);
}

/** A writable array of numbers: `number[]` or any typed array. */
export interface NumberSink {
  [index: number]: number;
}

/**
 * Writes softmax(input[inOffset .. inOffset+n)) to out[outOffset ..]. Subtracts the max first, so any finite
 * logits give finite probabilities that sum to 1. `out` may be `input` (same offsets) for an in-place update.
 */
export function softmaxInto(
  input: ArrayLike<number>,
  inOffset: number,
  out: NumberSink,
  outOffset: number,
  n: number,
): void {
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = input[inOffset + i];
    if (v > max) max = v;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(input[inOffset + i] - max);
    out[outOffset + i] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let i = 0; i < n; i++) out[outOffset + i] *= inv;
}

/**
 * Back-propagates through softmax: given its outputs s and the gradient g with respect to them, writes
 * ∂L/∂zᵢ = Σⱼ gⱼ·sⱼ(δᵢⱼ − sᵢ) = sᵢ·(gᵢ − Σⱼ gⱼsⱼ) to out. This is the Jacobian sᵢ(δᵢⱼ − sⱼ) applied to g.
 */
export function softmaxBackwardInto(
  s: ArrayLike<number>,
  sOffset: number,
  grad: ArrayLike<number>,
  gradOffset: number,
  out: NumberSink,
  outOffset: number,
  n: number,
): void {
  let dot = 0;
  for (let j = 0; j < n; j++) dot += grad[gradOffset + j] * s[sOffset + j];
  for (let i = 0; i < n; i++) out[outOffset + i] = s[sOffset + i] * (grad[gradOffset + i] - dot);
}

/** ln Σ e^(vᵢ) over values[offset .. offset+n), stable for any finite values; −∞ when n is 0. */
export function logSumExp(values: ArrayLike<number>, offset = 0, n = values.length - offset): number {
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[offset + i];
    if (v > max) max = v;
  }
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp(values[offset + i] - max);
  return max + Math.log(sum);
}

/**
 * Binary cross-entropy of target y ∈ [0, 1] against p = σ(z), computed from the logit z:
 * max(z, 0) − z·y + ln(1 + e^(−|z|)). Finite for every finite z; its gradient in z is σ(z) − y.
 */
export function bceWithLogit(z: number, y: number): number {
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}
