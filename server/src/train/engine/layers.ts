/** The operations a network is made of: dense (with its activation fused in), dropout and a standalone activation. */
import type { ActivationSpec } from '../../model/spec';
import { createKernel, type ActivationKernel } from './activation';
import { denseForward, denseGradInput, denseGradWeights } from './matmul';
import type { ParamGroup } from './optimizer';
import type { Rng } from './rng';
import { allocate, type FloatKind, type Floats } from './tensor';
import type { WasmArena } from './wasm/arena';

/** Allocates from the arena when the network has one (its kernels then read the buffer in place). */
function allocator(kind: FloatKind, arena: WasmArena | undefined): (length: number) => Floats {
  return arena ? (length) => arena.take(length) : (length) => allocate(kind, length);
}

export interface Op {
  readonly kind: 'dense' | 'dropout' | 'activation';
  readonly name: string;
  readonly sourceIndex: number;
  readonly inWidth: number;
  readonly outWidth: number;
  /** Output of the last forward pass, [capacity × outWidth]. */
  readonly output: Floats;
  readonly params: ParamGroup[];
  forward(input: Floats, n: number, training: boolean): Floats;
  /** Given ∂L/∂output, fills the parameter gradients and returns ∂L/∂input (when asked for). */
  backward(input: Floats, dOut: Floats, n: number, needInputGrad: boolean): Floats | undefined;
}

export class DenseOp implements Op {
  readonly kind = 'dense';
  readonly W: Floats;
  readonly b: Floats;
  readonly dW: Floats;
  readonly db: Floats;
  /** Pre-activation values [capacity × units·pieces]. */
  readonly Z: Floats;
  readonly output: Floats;
  /** ∂L/∂Z; a loss head that works on logits writes here directly. */
  readonly dZ: Floats;
  readonly dX: Floats;
  readonly kernel: ActivationKernel;
  readonly params: ParamGroup[];
  readonly outWidth: number;
  /** Rows of W: units × pieces. */
  readonly rows: number;
  /** The SIMD kernels' arena, when every buffer of this layer lives in it. */
  private readonly wasm: WasmArena | undefined;
  /** Wᵀ for the forward product, and a copy of an input that lives outside the arena. */
  private readonly Wt: Float32Array | undefined;
  private readonly stage: Float32Array | undefined;

  constructor(
    readonly name: string,
    readonly sourceIndex: number,
    readonly inWidth: number,
    readonly units: number,
    activation: ActivationSpec | undefined,
    capacity: number,
    kind: FloatKind,
    arena?: WasmArena,
  ) {
    const take = allocator(kind, arena);
    this.kernel = createKernel(activation, units, capacity, kind);
    this.outWidth = units;
    this.rows = units * this.kernel.pieces;
    this.W = take(this.rows * inWidth);
    this.b = take(this.rows);
    this.dW = take(this.rows * inWidth);
    this.db = take(this.rows);
    this.Z = take(capacity * this.rows);
    this.output = this.kernel.identity ? this.Z : take(capacity * units);
    this.dZ = take(capacity * this.rows);
    this.dX = take(capacity * inWidth);
    if (arena) {
      this.Wt = arena.take(this.rows * inWidth);
      this.stage = arena.take(capacity * inWidth);
      const own = [this.W, this.b, this.dW, this.db, this.Z, this.dZ, this.dX, this.Wt, this.stage];
      if (own.every((buffer) => arena.holds(buffer))) this.wasm = arena;
    }
    this.params = [
      { value: this.W, grad: this.dW, decay: true },
      { value: this.b, grad: this.db, decay: false },
    ];
    if (this.kernel.slopes && this.kernel.slopeGrad) {
      this.params.push({ value: this.kernel.slopes, grad: this.kernel.slopeGrad, decay: false });
    }
  }

  forward(input: Floats, n: number): Floats {
    if (this.wasm) this.wasmForward(this.wasm, input, n);
    else denseForward(input, this.inWidth, this.W, this.b, this.Z, n, this.rows);
    if (!this.kernel.identity) this.kernel.forward(this.Z, this.output, n, this.units);
    return this.output;
  }

  backward(input: Floats, dOut: Floats, n: number, needInputGrad: boolean): Floats | undefined {
    let dZ = this.dZ;
    if (this.kernel.identity) dZ = dOut;
    else this.kernel.backward(this.Z, this.output, dOut, dZ, n, this.units);
    return this.backwardFromZ(input, dZ, n, needInputGrad);
  }

  /** Back-propagates from ∂L/∂Z (already in `dZ`). */
  backwardFromZ(input: Floats, dZ: Floats, n: number, needInputGrad: boolean): Floats | undefined {
    if (this.wasm) return this.wasmBackward(this.wasm, input, dZ, n, needInputGrad);
    denseGradWeights(dZ, input, this.inWidth, this.dW, this.db, n, this.rows);
    if (!needInputGrad) return undefined;
    denseGradInput(dZ, this.W, this.inWidth, this.dX, n, this.rows);
    return this.dX;
  }

  /** The byte offset of `src` in the arena, copying it into `stage` first when it lives elsewhere. */
  private place(arena: WasmArena, src: Floats, length: number, stage: Float32Array): number {
    if (arena.holds(src)) return src.byteOffset;
    stage.set(src.subarray(0, length));
    return stage.byteOffset;
  }

  /** Z = X·Wᵀ + b with the SIMD kernels (Wᵀ is refreshed first, since the optimizer changes W in place). */
  private wasmForward(arena: WasmArena, input: Floats, n: number): void {
    const k = arena.kernels;
    const Wt = this.Wt as Float32Array;
    k.transpose(this.rows, this.inWidth, this.W.byteOffset, Wt.byteOffset);
    const x = this.place(arena, input, n * this.inWidth, this.stage as Float32Array);
    k.gemm(n, this.rows, this.inWidth, x, this.inWidth, 1, Wt.byteOffset, this.Z.byteOffset, this.b.byteOffset);
  }

  /** db = Σ dZ, dW = dZᵀ·X and (when asked) dX = dZ·W with the SIMD kernels. */
  private wasmBackward(
    arena: WasmArena,
    input: Floats,
    dZ: Floats,
    n: number,
    needInputGrad: boolean,
  ): Floats | undefined {
    const k = arena.kernels;
    const rows = this.rows;
    const g = this.place(arena, dZ, n * rows, this.dZ as Float32Array);
    const x = this.place(arena, input, n * this.inWidth, this.stage as Float32Array);
    k.colsum(n, rows, g, this.db.byteOffset);
    k.gemm(rows, this.inWidth, n, g, 1, rows, x, this.dW.byteOffset, 0);
    if (!needInputGrad) return undefined;
    k.gemm(n, this.inWidth, rows, g, rows, 1, this.W.byteOffset, this.dX.byteOffset, 0);
    return this.dX;
  }
}

export class DropoutOp implements Op {
  readonly kind = 'dropout';
  readonly output: Floats;
  readonly params: ParamGroup[] = [];
  readonly outWidth: number;
  private readonly mask: Floats;
  private readonly dX: Floats;
  private lastTraining = false;
  private identityOutput: Floats | undefined;

  constructor(
    readonly name: string,
    readonly sourceIndex: number,
    readonly inWidth: number,
    readonly rate: number,
    capacity: number,
    kind: FloatKind,
    private readonly rng: Rng,
    arena?: WasmArena,
  ) {
    const take = allocator(kind, arena);
    this.outWidth = inWidth;
    this.output = take(capacity * inWidth);
    this.mask = take(capacity * inWidth);
    this.dX = take(capacity * inWidth);
  }

  forward(input: Floats, n: number, training: boolean): Floats {
    this.lastTraining = training && this.rate > 0;
    if (!this.lastTraining) {
      this.identityOutput = input;
      return input;
    }
    const keep = 1 - this.rate;
    const scale = 1 / keep;
    const end = n * this.inWidth;
    const mask = this.mask;
    const out = this.output;
    for (let j = 0; j < end; j++) {
      const m = this.rng.next() < keep ? scale : 0;
      mask[j] = m;
      out[j] = input[j] * m;
    }
    return out;
  }

  backward(_input: Floats, dOut: Floats, n: number, needInputGrad: boolean): Floats | undefined {
    if (!needInputGrad) return undefined;
    if (!this.lastTraining) return dOut;
    const end = n * this.inWidth;
    for (let j = 0; j < end; j++) this.dX[j] = dOut[j] * this.mask[j];
    return this.dX;
  }
}

export class ActivationOp implements Op {
  readonly kind = 'activation';
  readonly output: Floats;
  readonly dX: Floats;
  readonly kernel: ActivationKernel;
  readonly params: ParamGroup[] = [];
  readonly outWidth: number;

  constructor(
    readonly name: string,
    readonly sourceIndex: number,
    readonly inWidth: number,
    activation: ActivationSpec,
    capacity: number,
    kind: FloatKind,
    arena?: WasmArena,
  ) {
    this.kernel = createKernel(activation, inWidth, capacity, kind);
    if (this.kernel.pieces !== 1)
      throw new Error(`${name}: maxout needs its own dense layer (it has ${this.kernel.pieces} pieces per unit)`);
    const take = allocator(kind, arena);
    this.outWidth = inWidth;
    this.output = take(capacity * inWidth);
    this.dX = take(capacity * inWidth);
    if (this.kernel.slopes && this.kernel.slopeGrad) {
      this.params.push({ value: this.kernel.slopes, grad: this.kernel.slopeGrad, decay: false });
    }
  }

  forward(input: Floats, n: number): Floats {
    this.kernel.forward(input, this.output, n, this.inWidth);
    return this.output;
  }

  backward(input: Floats, dOut: Floats, n: number, needInputGrad: boolean): Floats | undefined {
    this.kernel.backward(input, this.output, dOut, this.dX, n, this.inWidth);
    return needInputGrad || this.kernel.slopes ? this.dX : undefined;
  }
}
