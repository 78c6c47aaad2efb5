/** The optimizers of language.md: sgd (with momentum), adam and rmsprop, updating parameter buffers in place. */
import { optimizerParam } from '../../catalog/optimizers';
import type { ParamValues } from '../../catalog/types';
import { allocate, type FloatKind, type Floats } from './tensor';
import type { WasmArena } from './wasm/arena';
import type { KernelExports } from './wasm/kernels';

/** One trainable buffer and its gradient; `decay` says whether regularization applies (weights, not biases). */
export interface ParamGroup {
  value: Floats;
  grad: Floats;
  decay: boolean;
}

export interface Regularization {
  kind: 'l1' | 'l2';
  amount: number;
}

export interface Optimizer {
  /** Applies one update from the current gradients. */
  step(): void;
}

/** The ε that keeps Adam's and RMSprop's divisions finite (the catalog offers no parameter for it). */
export const OPTIMIZER_EPSILON = 1e-7;

function numberParam(params: ParamValues, name: string, fallback: number): number {
  const value = params[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Adds the regularization gradient to each weight gradient: 2λw for l2, λ·sign(w) for l1. */
function addRegularization(groups: ParamGroup[], reg: Regularization | undefined): void {
  if (!reg || reg.amount === 0) return;
  for (const group of groups) {
    if (!group.decay) continue;
    const { value, grad } = group;
    const n = value.length;
    if (reg.kind === 'l2') {
      const k = 2 * reg.amount;
      for (let i = 0; i < n; i++) grad[i] += k * value[i];
    } else {
      const k = reg.amount;
      for (let i = 0; i < n; i++) {
        const w = value[i];
        grad[i] += w > 0 ? k : w < 0 ? -k : 0;
      }
    }
  }
}

/**
 * Optimizer state lives beside the parameters: in the network's arena when it has one, so the SIMD update
 * kernels work in place on every group whose buffers are all there.
 */
class StateBuffers {
  constructor(
    private readonly kind: FloatKind,
    private readonly arena: WasmArena | undefined,
  ) {}

  take(length: number): Floats {
    return this.arena ? this.arena.take(length) : allocate(this.kind, length);
  }

  /** The kernels, when the arena holds every buffer given. */
  kernelsFor(buffers: Floats[]): KernelExports | undefined {
    const arena = this.arena;
    return arena && buffers.every((b) => arena.holds(b)) ? arena.kernels : undefined;
  }
}

export function createOptimizer(
  name: string,
  params: ParamValues,
  lr: number,
  groups: ParamGroup[],
  kind: FloatKind,
  reg?: Regularization,
  arena?: WasmArena,
): Optimizer {
  const state = new StateBuffers(kind, arena);
  switch (name) {
    case 'sgd':
      return new Sgd(groups, lr, optimizerParam('sgd', params, 'momentum'), state, reg);
    case 'rmsprop':
      return new RmsProp(
        groups,
        lr,
        optimizerParam('rmsprop', params, 'rho'),
        numberParam(params, 'epsilon', OPTIMIZER_EPSILON),
        state,
        reg,
      );
    case 'adam':
      return new Adam(
        groups,
        lr,
        optimizerParam('adam', params, 'beta1'),
        optimizerParam('adam', params, 'beta2'),
        numberParam(params, 'epsilon', OPTIMIZER_EPSILON),
        state,
        reg,
      );
    default:
      throw new Error(`unknown optimizer '${name}'`);
  }
}

class Sgd implements Optimizer {
  private readonly velocity: Floats[];
  private readonly kernels: (KernelExports | undefined)[];
  constructor(
    private readonly groups: ParamGroup[],
    private readonly lr: number,
    private readonly momentum: number,
    state: StateBuffers,
    private readonly reg?: Regularization,
  ) {
    this.velocity = momentum > 0 ? groups.map((g) => state.take(g.value.length)) : [];
    this.kernels = groups.map((g, k) =>
      state.kernelsFor(momentum > 0 ? [g.value, g.grad, this.velocity[k]] : [g.value, g.grad]),
    );
  }

  step(): void {
    addRegularization(this.groups, this.reg);
    const lr = this.lr;
    const mu = this.momentum;
    for (let k = 0; k < this.groups.length; k++) {
      const { value, grad } = this.groups[k];
      const n = value.length;
      const simd = this.kernels[k];
      if (simd) {
        if (mu > 0) simd.momentum(n, value.byteOffset, grad.byteOffset, this.velocity[k].byteOffset, mu, lr);
        else simd.sgd(n, value.byteOffset, grad.byteOffset, lr);
      } else if (mu > 0) {
        const vel = this.velocity[k];
        for (let i = 0; i < n; i++) {
          const v = mu * vel[i] - lr * grad[i];
          vel[i] = v;
          value[i] += v;
        }
      } else {
        for (let i = 0; i < n; i++) value[i] -= lr * grad[i];
      }
    }
  }
}

class Adam implements Optimizer {
  private readonly m: Floats[];
  private readonly v: Floats[];
  private readonly kernels: (KernelExports | undefined)[];
  private t = 0;
  constructor(
    private readonly groups: ParamGroup[],
    private readonly lr: number,
    private readonly beta1: number,
    private readonly beta2: number,
    private readonly epsilon: number,
    state: StateBuffers,
    private readonly reg?: Regularization,
  ) {
    this.m = groups.map((g) => state.take(g.value.length));
    this.v = groups.map((g) => state.take(g.value.length));
    this.kernels = groups.map((g, k) => state.kernelsFor([g.value, g.grad, this.m[k], this.v[k]]));
  }

  step(): void {
    addRegularization(this.groups, this.reg);
    this.t++;
    const b1 = this.beta1;
    const b2 = this.beta2;
    const c1 = 1 - b1;
    const c2 = 1 - b2;
    const stepSize = (this.lr * Math.sqrt(1 - Math.pow(b2, this.t))) / (1 - Math.pow(b1, this.t));
    const eps = this.epsilon * Math.sqrt(1 - Math.pow(b2, this.t));
    for (let k = 0; k < this.groups.length; k++) {
      const { value, grad } = this.groups[k];
      const m = this.m[k];
      const v = this.v[k];
      const n = value.length;
      const simd = this.kernels[k];
      if (simd) {
        simd.adam(n, value.byteOffset, grad.byteOffset, m.byteOffset, v.byteOffset, b1, c1, b2, c2, stepSize, eps);
        continue;
      }
      for (let i = 0; i < n; i++) {
        const g = grad[i];
        const mi = b1 * m[i] + c1 * g;
        const vi = b2 * v[i] + c2 * g * g;
        m[i] = mi;
        v[i] = vi;
        value[i] -= (stepSize * mi) / (Math.sqrt(vi) + eps);
      }
    }
  }
}

class RmsProp implements Optimizer {
  private readonly v: Floats[];
  private readonly kernels: (KernelExports | undefined)[];
  constructor(
    private readonly groups: ParamGroup[],
    private readonly lr: number,
    private readonly rho: number,
    private readonly epsilon: number,
    state: StateBuffers,
    private readonly reg?: Regularization,
  ) {
    this.v = groups.map((g) => state.take(g.value.length));
    this.kernels = groups.map((g, k) => state.kernelsFor([g.value, g.grad, this.v[k]]));
  }

  step(): void {
    addRegularization(this.groups, this.reg);
    const lr = this.lr;
    const rho = this.rho;
    const c = 1 - rho;
    const eps = this.epsilon;
    for (let k = 0; k < this.groups.length; k++) {
      const { value, grad } = this.groups[k];
      const v = this.v[k];
      const n = value.length;
      const simd = this.kernels[k];
      if (simd) {
        simd.rmsprop(n, value.byteOffset, grad.byteOffset, v.byteOffset, rho, c, lr, eps);
        continue;
      }
      for (let i = 0; i < n; i++) {
        const g = grad[i];
        const vi = rho * v[i] + c * g * g;
        v[i] = vi;
        value[i] -= (lr * g) / (Math.sqrt(vi) + eps);
      }
    }
  }
}
