/**
 * One network, its loss head and its optimizer: trains on a batch and evaluates rows. Everything it needs
 * per batch is allocated once, so the training loop allocates nothing.
 */
import { learningRateOf } from '../../catalog';
import type { NetworkSpec } from '../../model/spec';
import { DenseOp } from './layers';
import { createLossHead, type LossHead } from './loss';
import { Network } from './network';
import { createOptimizer, type Optimizer } from './optimizer';
import { allocate, type FloatKind, type Floats } from './tensor';
import type { KernelExports } from './wasm/kernels';
import type { PathRequest } from './wasm/path';

export interface LearnerOptions {
  /** Largest batch; evaluation runs in chunks of at least this many rows. */
  batch: number;
  seed: number;
  kind?: FloatKind;
  /** Overrides the optimizer's learning rate. */
  lr?: number;
  /** Track each dense layer's squared gradient norm per batch (for the health checks). */
  trackGradients?: boolean;
  /** The kernels to train on; `auto` (the default) picks by the network's size and the engine's support. */
  path?: PathRequest;
}

/** The learning rate in effect: the override, the optimizer's `lr`, or the catalog default. */
export function learningRate(spec: NetworkSpec, override?: number): number {
  if (override !== undefined) return override;
  return learningRateOf(spec.optimizer.name, spec.optimizer.params);
}

export class Learner {
  readonly network: Network;
  readonly head: LossHead;
  readonly optimizer: Optimizer;
  readonly dense: DenseOp[];
  /** Σ over batches of each dense layer's squared gradient norm, and the batch count, since the last reset. */
  readonly gradSquares: Float64Array;
  gradBatches = 0;
  private readonly grad: Floats;
  private readonly fromLogits: boolean;
  private readonly trackGradients: boolean;
  /** The SIMD kernels, when every gradient buffer lives in the network's arena. */
  private readonly simd: KernelExports | undefined;

  constructor(
    readonly spec: NetworkSpec,
    options: LearnerOptions,
  ) {
    const kind = options.kind ?? 'float32';
    this.network = new Network(spec, {
      capacity: Math.max(options.batch, 256),
      kind,
      seed: options.seed,
      path: options.path ?? 'auto',
      batch: options.batch,
    });
    this.head = createLossHead(spec.loss.name, spec.loss.params, this.network.outputActivation);
    this.fromLogits = this.head.mode !== 'output';
    const arena = this.network.arena;
    const gradLength = this.network.capacity * this.network.outputWidth;
    this.grad = arena ? arena.take(gradLength) : allocate(kind, gradLength);
    this.optimizer = createOptimizer(
      spec.optimizer.name,
      spec.optimizer.params,
      learningRate(spec, options.lr),
      this.network.params,
      kind,
      spec.regularize,
      arena,
    );
    this.simd = arena && this.network.params.every((p) => arena.holds(p.grad)) ? arena.kernels : undefined;
    this.dense = this.network.dense;
    this.gradSquares = new Float64Array(this.dense.length);
    this.trackGradients = options.trackGradients ?? false;
  }

  /** The values the loss head reads after a forward pass (logits or outputs). */
  private headValues(): Floats {
    return this.fromLogits ? this.network.logits() : this.network.output();
  }

  /** Computes gradients for rows [0, n) of X and T without updating the weights. */
  computeGradients(X: Floats, T: Floats, n: number): void {
    const out = this.network.forward(X, n, true);
    this.head.gradient(this.headValues(), out, T, n, this.network.outputWidth, this.grad);
    this.network.backward(n, this.grad, this.fromLogits);
  }

  /**
   * One optimization step on rows [0, n) of X and T. Returns false, without updating, when a gradient is not
   * finite (the run has diverged).
   */
  trainBatch(X: Floats, T: Floats, n: number): boolean {
    this.computeGradients(X, T, n);
    if (!this.gradientsFinite()) return false;
    if (this.trackGradients) this.accumulateGradNorms();
    this.optimizer.step();
    return true;
  }

  private gradientsFinite(): boolean {
    const simd = this.simd;
    if (simd) return this.network.params.every(({ grad }) => simd.allFinite(grad.length, grad.byteOffset) === 1);
    let s = 0;
    for (const { grad } of this.network.params) for (let i = 0; i < grad.length; i++) s += grad[i];
    return Number.isFinite(s);
  }

  private accumulateGradNorms(): void {
    for (let d = 0; d < this.dense.length; d++) {
      const { dW, db } = this.dense[d];
      if (this.simd) {
        this.gradSquares[d] +=
          this.simd.sumSquares(dW.length, dW.byteOffset) + this.simd.sumSquares(db.length, db.byteOffset);
        continue;
      }
      let s = 0;
      for (let i = 0; i < dW.length; i++) s += dW[i] * dW[i];
      for (let i = 0; i < db.length; i++) s += db[i] * db[i];
      this.gradSquares[d] += s;
    }
    this.gradBatches++;
  }

  /** Root-mean-square gradient norm per dense layer since the last reset, then resets. */
  takeGradNorms(): number[] {
    const norms = Array.from(this.gradSquares, (s) => Math.sqrt(s / Math.max(1, this.gradBatches)));
    this.gradSquares.fill(0);
    this.gradBatches = 0;
    return norms;
  }

  /** Summed loss of rows [0, n) in inference mode; the outputs stay in `network.output()`. */
  evaluateChunk(X: Floats, T: Floats, n: number): number {
    const out = this.network.forward(X, n, false);
    return this.head.loss(this.headValues(), out, T, n, this.network.outputWidth);
  }
}
