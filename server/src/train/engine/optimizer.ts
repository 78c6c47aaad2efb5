/** The optimizers of language.md: sgd (with momentum), adam and rmsprop, updating parameter buffers in place. */
import type { ParamValues } from '../../catalog/types';
import { allocate, type FloatKind, type Floats } from './tensor';

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

export function createOptimizer(
  name: string,
  params: ParamValues,
  lr: number,
  groups: ParamGroup[],
  kind: FloatKind,
  reg?: Regularization,
): Optimizer {
  switch (name) {
    case 'sgd':
      return new Sgd(groups, lr, numberParam(params, 'momentum', 0), kind, reg);
    case 'rmsprop':
      return new RmsProp(groups, lr, numberParam(params, 'rho', 0.9), numberParam(params, 'epsilon', 1e-7), kind, reg);
    case 'adam':
      return new Adam(
        groups, lr, numberParam(params, 'beta1', 0.9), numberParam(params, 'beta2', 0.999),
        numberParam(params, 'epsilon', 1e-7), kind, reg,
      );
    default:
      throw new Error(`unknown optimizer '${name}'`);
  }
}

class Sgd implements Optimizer {
  private readonly velocity: Floats[];
  constructor(
    private readonly groups: ParamGroup[], private readonly lr: number, private readonly momentum: number,
    kind: FloatKind, private readonly reg?: Regularization,
  ) {
    this.velocity = momentum > 0 ? groups.map((g) => allocate(kind, g.value.length)) : [];
  }

  step(): void {
    addRegularization(this.groups, this.reg);
    const lr = this.lr;
    const mu = this.momentum;
    for (let k = 0; k < this.groups.length; k++) {
      const { value, grad } = this.groups[k];
      const n = value.length;
      if (mu > 0) {
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
  private t = 0;
  constructor(
    private readonly groups: ParamGroup[], private readonly lr: number, private readonly beta1: number,
    private readonly beta2: number, private readonly epsilon: number, kind: FloatKind, private readonly reg?: Regularization,
  ) {
    this.m = groups.map((g) => allocate(kind, g.value.length));
    this.v = groups.map((g) => allocate(kind, g.value.length));
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
  constructor(
    private readonly groups: ParamGroup[], private readonly lr: number, private readonly rho: number,
    private readonly epsilon: number, kind: FloatKind, private readonly reg?: Regularization,
  ) {
    this.v = groups.map((g) => allocate(kind, g.value.length));
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
      for (let i = 0; i < n; i++) {
        const g = grad[i];
        const vi = rho * v[i] + c * g * g;
        v[i] = vi;
        value[i] -= (lr * g) / (Math.sqrt(vi) + eps);
      }
    }
  }
}
