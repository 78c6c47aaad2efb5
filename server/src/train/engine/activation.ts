/**
 * Activation kernels: the catalog's scalar f and f′ applied over a batch, plus the layer-wide shapes
 * (softmax over the row, maxout over pieces). The formulas themselves live only in the catalog.
 */
import { activationNamed, resolveParams } from '../../catalog';
import { softmaxBackwardInto, softmaxInto } from '../../catalog/math';
import type { ActivationDef, ActivationName, BoundActivation, ParamValues } from '../../catalog/types';
import type { ActivationSpec } from '../../model/spec';
import { allocate, type FloatKind, type Floats } from './tensor';

export interface ActivationKernel {
  /** Canonical catalog name (`linear` when none). */
  readonly name: string;
  readonly def: ActivationDef | undefined;
  /** f(x) = x: the output buffer may be the input buffer. */
  readonly identity: boolean;
  /** Pre-activation values per unit (maxout pieces; 1 otherwise). */
  readonly pieces: number;
  /** Learned per-unit slopes (prelu) and their gradient. */
  readonly slopes?: Floats;
  readonly slopeGrad?: Floats;
  /** Writes A[n × units] from Z[n × units·pieces]. */
  forward(Z: Floats, A: Floats, n: number, units: number): void;
  /** Writes dZ from dA (A and Z as left by forward). */
  backward(Z: Floats, A: Floats, dA: Floats, dZ: Floats, n: number, units: number): void;
  /** The largest |f′| over the real line (for the saturation test). */
  readonly maxDerivative: number;
  /** |f′| at x for a unit, as the health check needs it. */
  derivativeAt(x: number, unit: number): number;
}

const maxDerivativeCache = new Map<string, number>();

/** max |f′| sampled densely over [−20, 20]; cached per activation and parameters. */
function maxDerivative(key: string, bound: BoundActivation): number {
  const cached = maxDerivativeCache.get(key);
  if (cached !== undefined) return cached;
  let max = 0;
  for (let i = 0; i <= 8000; i++) {
    const d = Math.abs(bound.df(-20 + i * 0.005));
    if (Number.isFinite(d) && d > max) max = d;
  }
  maxDerivativeCache.set(key, max);
  return max;
}

/** Builds the kernel of one activation; `units` and `capacity` (rows) size buffers, `kind` the float type. */
type KernelMaker = (
  def: ActivationDef,
  params: ParamValues,
  units: number,
  capacity: number,
  kind: FloatKind,
) => ActivationKernel;

/** f and f′ per unit, straight from the catalog's scalar forms. */
const elementwise: KernelMaker = (def, params) =>
  new ElementwiseKernel(def, def.bind(params), JSON.stringify([def.name, params]));

/** The kernel of every catalog activation; a new activation without a row here does not compile. */
export const KERNELS: Readonly<Record<ActivationName, KernelMaker>> = {
  step: elementwise,
  linear: (def) => new IdentityKernel(def),
  sigmoid: elementwise,
  tanh: elementwise,
  hard_sigmoid: elementwise,
  softsign: elementwise,
  relu: elementwise,
  relu6: elementwise,
  leaky_relu: elementwise,
  prelu: (def, params, units, _capacity, kind) => new PreluKernel(def, params, units, kind),
  elu: elementwise,
  selu: elementwise,
  gelu: elementwise,
  swish: elementwise,
  mish: elementwise,
  softplus: elementwise,
  softmax: (def) => new SoftmaxKernel(def),
  maxout: (def, params, units, capacity) => {
    const pieces = Number(params.pieces);
    if (!Number.isInteger(pieces) || pieces < 1)
      throw new Error(`maxout needs an integer number of pieces, got ${params.pieces}`);
    return new MaxoutKernel(def, pieces, units, capacity);
  },
};

/**
 * Builds the kernel for an activation spec (undefined = linear). `units` and `capacity` (rows) size the
 * buffers that maxout needs; `kind` picks the float type of learned slopes.
 */
export function createKernel(
  spec: ActivationSpec | undefined,
  units: number,
  capacity: number,
  kind: FloatKind,
): ActivationKernel {
  if (!spec) return new IdentityKernel(undefined);
  const def = activationNamed(spec.name);
  return KERNELS[spec.name](def, resolveParams(def.params, spec.params), units, capacity, kind);
}

class IdentityKernel implements ActivationKernel {
  readonly name = 'linear';
  readonly identity = true;
  readonly pieces = 1;
  readonly maxDerivative = 1;
  constructor(readonly def: ActivationDef | undefined) {}
  forward(Z: Floats, A: Floats, n: number, units: number): void {
    if (A !== Z) A.set(Z.subarray(0, n * units));
  }
  backward(_Z: Floats, _A: Floats, dA: Floats, dZ: Floats, n: number, units: number): void {
    if (dZ !== dA) dZ.set(dA.subarray(0, n * units));
  }
  derivativeAt(): number {
    return 1;
  }
}

type Scalar = (x: number) => number;
type Loop = (g: Scalar, input: Floats, weight: Floats, out: Floats, end: number) => void;

/*
 * V8 optimizes a call site for the functions it has seen there; once one loop calls several activations,
 * every call goes through the slow generic path. So the two hot loops exist in a few identical copies, and
 * each activation (name and parameters) in a process gets its own copy while there are copies left.
 */
const FORWARD_LOOPS: Loop[] = [
  (f, Z, _w, A, end) => {
    for (let j = 0; j < end; j++) A[j] = f(Z[j]);
  },
  (f, Z, _w, A, end) => {
    for (let j = 0; j < end; j++) A[j] = f(Z[j]);
  },
  (f, Z, _w, A, end) => {
    for (let j = 0; j < end; j++) A[j] = f(Z[j]);
  },
  (f, Z, _w, A, end) => {
    for (let j = 0; j < end; j++) A[j] = f(Z[j]);
  },
];
/** dZ = dA · d(v), where v is the pre-activation (df) or the output (dfFromOutput). */
const BACKWARD_LOOPS: Loop[] = [
  (d, v, dA, dZ, end) => {
    for (let j = 0; j < end; j++) dZ[j] = dA[j] * d(v[j]);
  },
  (d, v, dA, dZ, end) => {
    for (let j = 0; j < end; j++) dZ[j] = dA[j] * d(v[j]);
  },
  (d, v, dA, dZ, end) => {
    for (let j = 0; j < end; j++) dZ[j] = dA[j] * d(v[j]);
  },
  (d, v, dA, dZ, end) => {
    for (let j = 0; j < end; j++) dZ[j] = dA[j] * d(v[j]);
  },
];
const loopSlots = new Map<string, number>();

function loopSlot(key: string): number {
  let slot = loopSlots.get(key);
  if (slot === undefined) {
    slot = loopSlots.size % FORWARD_LOOPS.length;
    loopSlots.set(key, slot);
  }
  return slot;
}

class ElementwiseKernel implements ActivationKernel {
  readonly name: string;
  readonly identity = false;
  readonly pieces = 1;
  private readonly f: (x: number) => number;
  private readonly df: (x: number) => number;
  private readonly dfFromOutput: ((y: number) => number) | undefined;
  private maxDf: number | undefined;
  private readonly forwardLoop: Loop;
  private readonly backwardLoop: Loop;
  constructor(
    readonly def: ActivationDef,
    private readonly bound: BoundActivation,
    private readonly key: string,
  ) {
    this.name = def.name;
    this.f = bound.f;
    this.df = bound.df;
    this.dfFromOutput = bound.dfFromOutput;
    const slot = loopSlot(key);
    this.forwardLoop = FORWARD_LOOPS[slot];
    this.backwardLoop = BACKWARD_LOOPS[slot];
  }
  /** Computed on first use: only the health measurement needs it. */
  get maxDerivative(): number {
    if (this.maxDf === undefined) this.maxDf = maxDerivative(this.key, this.bound);
    return this.maxDf;
  }
  forward(Z: Floats, A: Floats, n: number, units: number): void {
    this.forwardLoop(this.f, Z, Z, A, n * units);
  }
  backward(Z: Floats, A: Floats, dA: Floats, dZ: Floats, n: number, units: number): void {
    if (this.dfFromOutput) this.backwardLoop(this.dfFromOutput, A, dA, dZ, n * units);
    else this.backwardLoop(this.df, Z, dA, dZ, n * units);
  }
  derivativeAt(x: number): number {
    return Math.abs(this.df(x));
  }
}

/**
 * PReLU with a learned slope aᵢ per unit. The catalog's f is affine in the slope, so with f₀ = f(·; a = 0)
 * and f₁ = f(·; a = 1): f(x; a) = f₀(x) + a·(f₁(x) − f₀(x)), f′ likewise, and ∂f/∂a = f₁(x) − f₀(x).
 */
class PreluKernel implements ActivationKernel {
  readonly name: string;
  readonly identity = false;
  readonly pieces = 1;
  readonly maxDerivative: number;
  readonly slopes: Floats;
  readonly slopeGrad: Floats;
  private readonly at0: BoundActivation;
  private readonly at1: BoundActivation;
  constructor(
    readonly def: ActivationDef,
    params: ParamValues,
    units: number,
    kind: FloatKind,
  ) {
    this.name = def.name;
    this.at0 = def.bind({ ...params, init: 0 });
    this.at1 = def.bind({ ...params, init: 1 });
    const initial = Number(params.init);
    this.slopes = allocate(kind, units).fill(initial);
    this.slopeGrad = allocate(kind, units);
    this.maxDerivative = 1;
  }
  forward(Z: Floats, A: Floats, n: number, units: number): void {
    const f0 = this.at0.f;
    const f1 = this.at1.f;
    const slopes = this.slopes;
    for (let r = 0; r < n; r++) {
      const o = r * units;
      for (let u = 0; u < units; u++) {
        const x = Z[o + u];
        const base = f0(x);
        A[o + u] = base + slopes[u] * (f1(x) - base);
      }
    }
  }
  backward(Z: Floats, _A: Floats, dA: Floats, dZ: Floats, n: number, units: number): void {
    const { f: f0, df: df0 } = this.at0;
    const { f: f1, df: df1 } = this.at1;
    const slopes = this.slopes;
    const grad = this.slopeGrad;
    grad.fill(0);
    for (let r = 0; r < n; r++) {
      const o = r * units;
      for (let u = 0; u < units; u++) {
        const x = Z[o + u];
        const g = dA[o + u];
        const d0 = df0(x);
        dZ[o + u] = g * (d0 + slopes[u] * (df1(x) - d0));
        grad[u] += g * (f1(x) - f0(x));
      }
    }
  }
  derivativeAt(x: number, unit: number): number {
    const d0 = this.at0.df(x);
    return Math.abs(d0 + this.slopes[unit] * (this.at1.df(x) - d0));
  }
}

class SoftmaxKernel implements ActivationKernel {
  readonly name: string;
  readonly identity = false;
  readonly pieces = 1;
  readonly maxDerivative = 0.25;
  constructor(readonly def: ActivationDef) {
    this.name = def.name;
  }
  forward(Z: Floats, A: Floats, n: number, units: number): void {
    for (let r = 0; r < n; r++) softmaxInto(Z, r * units, A, r * units, units);
  }
  backward(_Z: Floats, A: Floats, dA: Floats, dZ: Floats, n: number, units: number): void {
    for (let r = 0; r < n; r++) softmaxBackwardInto(A, r * units, dA, r * units, dZ, r * units, units);
  }
  derivativeAt(): number {
    return this.maxDerivative;
  }
}

/** Maxout: Z holds `pieces` blocks of `units` values per row (piece-major, like W); the largest wins. */
class MaxoutKernel implements ActivationKernel {
  readonly name: string;
  readonly identity = false;
  readonly maxDerivative = 1;
  private readonly winner: Int32Array;
  constructor(
    readonly def: ActivationDef,
    readonly pieces: number,
    units: number,
    capacity: number,
  ) {
    this.name = def.name;
    this.winner = new Int32Array(units * capacity);
  }
  forward(Z: Floats, A: Floats, n: number, units: number): void {
    const k = this.pieces;
    const width = units * k;
    const winner = this.winner;
    for (let r = 0; r < n; r++) {
      const z0 = r * width;
      for (let u = 0; u < units; u++) {
        let best = z0 + u;
        let value = Z[best];
        for (let p = 1; p < k; p++) {
          const idx = z0 + p * units + u;
          // A NaN piece wins and stays, so NaN reaches the output as in every other activation.
          if (Z[idx] > value || Z[idx] !== Z[idx]) {
            value = Z[idx];
            best = idx;
          }
        }
        A[r * units + u] = value;
        winner[r * units + u] = best;
      }
    }
  }
  backward(_Z: Floats, _A: Floats, dA: Floats, dZ: Floats, n: number, units: number): void {
    dZ.fill(0, 0, n * units * this.pieces);
    const winner = this.winner;
    for (let j = 0; j < n * units; j++) dZ[winner[j]] = dA[j];
  }
  derivativeAt(): number {
    return 1;
  }
}
