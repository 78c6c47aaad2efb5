/**
 * A feed-forward network built from a NetworkSpec: preallocated buffers for up to `capacity` rows, a forward
 * pass, a backward pass (from the loss head's gradient) and conversion to and from NetworkWeights.
 */
import { layerAfterOutputReason } from '../outputTail';
import type { ActivationSlopes, DenseWeights, NetworkSpec, NetworkWeights } from '../../model/spec';
import { initializeWeights } from './init';
import { ActivationOp, DenseOp, DropoutOp, type Op } from './layers';
import type { ParamGroup } from './optimizer';
import { Rng, Stream } from './rng';
import type { FloatKind, Floats } from './tensor';
import { WasmArena } from './wasm/arena';
import type { EnginePath } from './wasm/kernels';
import { arenaFloats, choosePath, type PathRequest } from './wasm/path';

export interface NetworkOptions {
  /** The most rows a single forward/backward pass handles (the batch size, or more for evaluation). */
  capacity: number;
  kind?: FloatKind;
  /** Seeds weight init and dropout. */
  seed: number;
  /** The kernels to run on: `js` (the default), a WebAssembly path, or `auto` (the engine decides by size). */
  path?: PathRequest;
  /** The rows of a training batch, which `auto` weighs (the capacity when not given). */
  batch?: number;
}

export class Network {
  readonly ops: Op[] = [];
  readonly inputWidth: number;
  readonly outputWidth: number;
  readonly capacity: number;
  readonly kind: FloatKind;
  /** Name of the activation that produces the output (`linear` when none). */
  readonly outputActivation: string;
  readonly params: ParamGroup[];
  /** The kernels this network runs on. */
  readonly path: EnginePath;
  /** The WebAssembly memory holding the buffers, on a SIMD path. */
  readonly arena: WasmArena | undefined;
  /** The input each op saw in the last forward pass. */
  private readonly inputs: Floats[] = [];
  /** Ops before this index hold no parameters and need no backward pass. */
  private readonly firstTrainable: number;
  private lastOutput: Floats;

  constructor(
    readonly spec: NetworkSpec,
    options: NetworkOptions,
  ) {
    // The loss reads the output layer; a dropout after it would train and evaluate the wrong values.
    const afterOutput = layerAfterOutputReason(spec.layers);
    if (afterOutput) throw new Error(afterOutput);
    this.capacity = Math.max(1, options.capacity);
    this.kind = options.kind ?? 'float32';
    this.inputWidth = spec.input;
    const dropoutRng = new Rng(options.seed, Stream.dropout);
    const path = choosePath(spec, this.kind, options.path ?? 'js', options.batch ?? this.capacity);
    const arena = path === 'js' ? undefined : WasmArena.create(path, arenaFloats(spec, this.capacity));
    this.path = arena ? path : 'js';
    this.arena = arena;
    let width = spec.input;
    for (const layer of spec.layers) {
      let op: Op;
      if (layer.kind === 'dense') {
        op = new DenseOp(
          layer.name,
          layer.sourceIndex,
          width,
          layer.units,
          layer.activation,
          this.capacity,
          this.kind,
          arena,
        );
      } else if (layer.kind === 'dropout') {
        op = new DropoutOp(
          layer.name,
          layer.sourceIndex,
          width,
          layer.rate,
          this.capacity,
          this.kind,
          dropoutRng,
          arena,
        );
      } else {
        op = new ActivationOp(layer.name, layer.sourceIndex, width, layer.activation, this.capacity, this.kind, arena);
      }
      this.ops.push(op);
      this.inputs.push(undefined as unknown as Floats);
      width = op.outWidth;
    }
    this.outputWidth = width;
    const last = this.ops[this.ops.length - 1];
    this.outputActivation = last instanceof DenseOp || last instanceof ActivationOp ? last.kernel.name : 'linear';
    this.params = this.ops.flatMap((op) => op.params);
    const firstTrainable = this.ops.findIndex((op) => op.params.length > 0);
    this.firstTrainable = firstTrainable < 0 ? this.ops.length : firstTrainable;
    this.lastOutput = last ? last.output : new Float32Array(0);
    this.initialize(options.seed);
  }

  /** Dense layers in order. */
  get dense(): DenseOp[] {
    return this.ops.filter((op): op is DenseOp => op instanceof DenseOp);
  }

  /** Standalone activation layers that learn slopes (PReLU), in order. */
  get slopedActivations(): ActivationOp[] {
    return this.ops.filter((op): op is ActivationOp => op instanceof ActivationOp && op.kernel.slopes !== undefined);
  }

  /** Draws fresh weights from each layer's init (biases zero, PReLU slopes at their `init`). */
  initialize(seed: number): void {
    const rng = new Rng(seed, Stream.init);
    const denseSpecs = this.spec.layers.filter((l) => l.kind === 'dense');
    this.dense.forEach((op, i) => {
      const spec = denseSpecs[i];
      if (spec.kind !== 'dense') return;
      initializeWeights(op.W, spec.init, op.inWidth, op.units, rng);
      op.b.fill(0);
    });
  }

  /** Runs rows [0, n) of X through the network and returns the output buffer (valid until the next pass). */
  forward(X: Floats, n: number, training: boolean): Floats {
    if (n > this.capacity) throw new Error(`forward of ${n} rows exceeds the capacity of ${this.capacity}`);
    let current = X;
    for (let i = 0; i < this.ops.length; i++) {
      this.inputs[i] = current;
      current = this.ops[i].forward(current, n, training);
    }
    this.lastOutput = current;
    return current;
  }

  /** The output of the last forward pass. */
  output(): Floats {
    return this.lastOutput;
  }

  /**
   * The values a logit-based loss head reads: the output layer's pre-activation values when the network
   * ends in a dense layer, or the input of a final standalone activation.
   */
  logits(): Floats {
    const lastIndex = this.ops.length - 1;
    const last = this.ops[lastIndex];
    if (last instanceof DenseOp) return last.Z;
    if (last instanceof ActivationOp) return this.inputs[lastIndex];
    return last.output;
  }

  /** Back-propagates `grad` (∂L/∂output, or ∂L/∂logits when `fromLogits`) and fills every parameter gradient. */
  backward(n: number, grad: Floats, fromLogits: boolean): void {
    let index = this.ops.length - 1;
    let g: Floats | undefined = grad;
    if (fromLogits) {
      const last = this.ops[index];
      if (last instanceof DenseOp) {
        g = last.backwardFromZ(this.inputs[index], grad, n, index > this.firstTrainable);
      }
      index--;
    }
    for (; index >= this.firstTrainable && g; index--) {
      g = this.ops[index].backward(this.inputs[index], g, n, index > this.firstTrainable);
    }
  }

  /** The weights as plain, serializable numbers. */
  toWeights(normalization?: { mean: number[]; std: number[] }): NetworkWeights {
    const dense: DenseWeights[] = this.dense.map((op) => {
      const weights: DenseWeights = {
        name: op.name,
        inWidth: op.inWidth,
        units: op.units,
        pieces: op.kernel.pieces,
        W: Array.from(op.W),
        b: Array.from(op.b),
      };
      if (op.kernel.slopes) weights.slopes = Array.from(op.kernel.slopes);
      return weights;
    });
    const result: NetworkWeights = { modelName: this.spec.modelName, dense };
    const sloped = this.slopedActivations;
    if (sloped.length > 0) {
      result.activationSlopes = sloped.map((op): ActivationSlopes => ({
        name: op.name,
        slopes: Array.from(op.kernel.slopes ?? []),
      }));
    }
    if (normalization) result.normalization = normalization;
    return result;
  }

  /** Loads weights produced by `toWeights` for the same spec. */
  loadWeights(weights: NetworkWeights): void {
    const dense = this.dense;
    if (weights.dense.length !== dense.length) {
      throw new Error(`the weights have ${weights.dense.length} dense layers, the model has ${dense.length}`);
    }
    dense.forEach((op, i) => {
      const w = weights.dense[i];
      if (w.W.length !== op.W.length || w.b.length !== op.b.length) {
        throw new Error(`weights of layer '${op.name}' do not fit: expected ${op.rows}×${op.inWidth}`);
      }
      op.W.set(w.W);
      op.b.set(w.b);
      if (op.kernel.slopes && w.slopes) op.kernel.slopes.set(w.slopes);
    });
    // Weights saved before `activationSlopes` existed have none: those layers keep their `init` slope.
    const saved = weights.activationSlopes;
    if (saved) {
      const sloped = this.slopedActivations;
      if (saved.length !== sloped.length) {
        throw new Error(
          `the weights have slopes for ${saved.length} PReLU activation layers, the model has ${sloped.length}`,
        );
      }
      sloped.forEach((op, i) => {
        const slopes = op.kernel.slopes;
        if (!slopes || saved[i].slopes.length !== slopes.length) {
          throw new Error(`slopes of activation layer '${op.name}' do not fit: expected ${slopes?.length ?? 0} values`);
        }
        slopes.set(saved[i].slopes);
      });
    }
  }
}
