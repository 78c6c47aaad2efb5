/**
 * Loss heads: how a loss turns the network's output into a number and a gradient. Cross-entropy on a
 * sigmoid or softmax output (or on a linear output, read as logits) works on the pre-activation values in
 * its stable form; every other pairing works on the output and back-propagates through the activation.
 */
import { bceWithLogit, logSumExp, sigmoid, softplus } from '../../catalog/math';
import { lossParam } from '../../catalog/losses';
import type { ParamValues } from '../../catalog/types';
import type { Floats } from './tensor';

export type HeadMode = 'sigmoid-logits' | 'softmax-logits' | 'sigmoid-cce-logits' | 'output';

/** Probabilities are clamped to [ε, 1 − ε] when cross-entropy meets an output that is not a logit. */
const EPSILON = 1e-7;

export interface LossHead {
  /** Canonical loss name. */
  readonly name: string;
  readonly mode: HeadMode;
  /** The network's raw output is a logit (a linear output layer under bce/cce). */
  readonly outputIsLogit: boolean;
  /** The summed per-sample loss over n rows. `values` are logits in the logit modes, outputs otherwise. */
  loss(values: Floats, outputs: Floats, targets: Floats, n: number, width: number): number;
  /** Writes ∂(mean loss)/∂values into `grad`. `outputs` is the network's output for the same rows. */
  gradient(values: Floats, outputs: Floats, targets: Floats, n: number, width: number, grad: Floats): void;
}

/** Picks the head for an output activation (`linear` when none) and a canonical loss name. */
export function createLossHead(loss: string, params: ParamValues, outputActivation: string): LossHead {
  const logitOutput = outputActivation === 'linear';
  if (loss === 'bce' && (outputActivation === 'sigmoid' || logitOutput)) return new SigmoidBce(logitOutput);
  if (loss === 'cce' && (outputActivation === 'softmax' || logitOutput)) return new SoftmaxCce(logitOutput);
  if (loss === 'cce' && outputActivation === 'sigmoid') return new SigmoidCce();
  if (loss === 'bce' && outputActivation === 'softmax') return new SoftmaxBce();
  switch (loss) {
    case 'mse':
      return new OutputLoss(
        'mse',
        (d) => d * d,
        (d) => 2 * d,
      );
    case 'mae':
      return new OutputLoss(
        'mae',
        (d) => Math.abs(d),
        (d) => (d > 0 ? 1 : d < 0 ? -1 : 0),
      );
    case 'huber': {
      const delta = lossParam('huber', params, 'delta');
      return new OutputLoss(
        'huber',
        (d) => (Math.abs(d) <= delta ? 0.5 * d * d : delta * (Math.abs(d) - 0.5 * delta)),
        (d) => (Math.abs(d) <= delta ? d : d > 0 ? delta : -delta),
      );
    }
    case 'bce':
      return new ClampedBce();
    case 'cce':
      return new ClampedCce();
    default:
      throw new Error(`unknown loss '${loss}'`);
  }
}

/** bce from logits, averaged over the output units; the gradient is σ(z) − t. */
class SigmoidBce implements LossHead {
  readonly name = 'bce';
  readonly mode = 'sigmoid-logits';
  constructor(readonly outputIsLogit: boolean) {}
  loss(z: Floats, _y: Floats, t: Floats, n: number, width: number): number {
    const end = n * width;
    let sum = 0;
    for (let j = 0; j < end; j++) sum += bceWithLogit(z[j], t[j]);
    return sum / width;
  }
  gradient(z: Floats, y: Floats, t: Floats, n: number, width: number, grad: Floats): void {
    const end = n * width;
    const scale = 1 / end;
    // A sigmoid output already holds σ(z).
    if (this.outputIsLogit) for (let j = 0; j < end; j++) grad[j] = (sigmoid(z[j]) - t[j]) * scale;
    else for (let j = 0; j < end; j++) grad[j] = (y[j] - t[j]) * scale;
  }
}

/** cce from logits: Σⱼ tⱼ·(log Σ e^z − zⱼ) per row; the gradient is softmax(z)·Σt − t. */
class SoftmaxCce implements LossHead {
  readonly name = 'cce';
  readonly mode = 'softmax-logits';
  constructor(readonly outputIsLogit: boolean) {}
  loss(z: Floats, _y: Floats, t: Floats, n: number, width: number): number {
    let sum = 0;
    for (let r = 0; r < n; r++) {
      const o = r * width;
      const lse = logSumExp(z, o, width);
      for (let j = 0; j < width; j++) if (t[o + j] !== 0) sum += t[o + j] * (lse - z[o + j]);
    }
    return sum;
  }
  gradient(z: Floats, y: Floats, t: Floats, n: number, width: number, grad: Floats): void {
    const scale = 1 / n;
    for (let r = 0; r < n; r++) {
      const o = r * width;
      let mass = 0;
      for (let j = 0; j < width; j++) mass += t[o + j];
      if (this.outputIsLogit) {
        const lse = logSumExp(z, o, width);
        for (let j = 0; j < width; j++) grad[o + j] = (Math.exp(z[o + j] - lse) * mass - t[o + j]) * scale;
      } else {
        // A softmax output already holds the probabilities.
        for (let j = 0; j < width; j++) grad[o + j] = (y[o + j] * mass - t[o + j]) * scale;
      }
    }
  }
}

/** cce over sigmoid outputs, from logits: Σⱼ tⱼ·softplus(−zⱼ); the gradient is tⱼ(σ(zⱼ) − 1). */
class SigmoidCce implements LossHead {
  readonly name = 'cce';
  readonly mode = 'sigmoid-cce-logits';
  readonly outputIsLogit = false;
  loss(z: Floats, _y: Floats, t: Floats, n: number, width: number): number {
    const end = n * width;
    let sum = 0;
    for (let j = 0; j < end; j++) if (t[j] !== 0) sum += t[j] * softplus(-z[j]);
    return sum;
  }
  gradient(_z: Floats, y: Floats, t: Floats, n: number, width: number, grad: Floats): void {
    const end = n * width;
    const scale = 1 / n;
    for (let j = 0; j < end; j++) grad[j] = t[j] * (y[j] - 1) * scale;
  }
}

/**
 * bce on a softmax output, from the logits: −[tⱼ·ln pⱼ + (1 − tⱼ)·ln(1 − pⱼ)] averaged over the units, with
 * ln pⱼ = zⱼ − lse(z) and ln(1 − pⱼ) = lse(z without zⱼ) − lse(z). Over 2 units this is bce with the logit
 * z₀ − z₁ for unit 0 (and z₁ − z₀ for unit 1), so a confident mistake keeps its full gradient. A 1-unit
 * softmax always outputs 1 and keeps the clamped formula (its loss stays finite; it cannot learn anyway).
 */
class SoftmaxBce implements LossHead {
  readonly name = 'bce';
  readonly mode = 'softmax-logits';
  readonly outputIsLogit = false;
  private readonly single = new ClampedBce();
  private logP = new Float64Array(0);
  private log1mP = new Float64Array(0);
  /** The row's largest logit: the only unit whose 1 − p can cancel, so its ln(1 − p) is summed directly. */
  private top = 0;

  loss(z: Floats, y: Floats, t: Floats, n: number, width: number): number {
    if (width === 1) return this.single.loss(y, y, t, n, width);
    let sum = 0;
    for (let r = 0; r < n; r++) {
      const o = r * width;
      this.rowLogs(z, o, width);
      for (let j = 0; j < width; j++) {
        const target = t[o + j];
        if (target !== 0) sum -= target * this.logP[j];
        if (target !== 1) sum -= (1 - target) * this.log1mP[j];
      }
    }
    return sum / width;
  }

  /**
   * With hⱼ = ∂L/∂pⱼ·pⱼ = −c(tⱼ − pⱼ)/(1 − pⱼ) and c = 1/(n·width), ∂L/∂zᵢ = hᵢ − pᵢ·Σⱼ hⱼ. Only the top unit's
   * hₐ can be huge; it is folded in as pᵢ·hₐ = −c(tₐ − pₐ)·pᵢ/(1 − pₐ) (a ratio at most 1) and hₐ(1 − pₐ).
   */
  gradient(z: Floats, _y: Floats, t: Floats, n: number, width: number, grad: Floats): void {
    if (width === 1) {
      // softmax over one unit is the constant 1: nothing flows back to its logit.
      grad.fill(0, 0, n);
      return;
    }
    const c = 1 / (n * width);
    for (let r = 0; r < n; r++) {
      const o = r * width;
      this.rowLogs(z, o, width);
      const a = this.top;
      let rest = 0;
      for (let j = 0; j < width; j++) {
        if (j === a) continue;
        const h = (-c * (t[o + j] - Math.exp(this.logP[j]))) / Math.exp(this.log1mP[j]);
        grad[o + j] = h;
        rest += h;
      }
      const pTop = Math.exp(this.logP[a]);
      const topTerm = c * (t[o + a] - pTop);
      grad[o + a] = -topTerm - pTop * rest;
      for (let j = 0; j < width; j++) {
        if (j === a) continue;
        grad[o + j] += -Math.exp(this.logP[j]) * rest + topTerm * Math.exp(this.logP[j] - this.log1mP[a]);
      }
    }
  }

  /** Fills ln p and ln(1 − p) for the row at offset o, and the index of its largest logit. */
  private rowLogs(z: Floats, o: number, width: number): void {
    if (this.logP.length < width) {
      this.logP = new Float64Array(width);
      this.log1mP = new Float64Array(width);
    }
    let a = 0;
    for (let j = 1; j < width; j++) if (z[o + j] > z[o + a]) a = j;
    const m = z[o + a];
    let second = -Infinity;
    for (let j = 0; j < width; j++) if (j !== a && z[o + j] > second) second = z[o + j];
    let sum = 0;
    let others = 0;
    for (let j = 0; j < width; j++) {
      sum += Math.exp(z[o + j] - m);
      if (j !== a) others += Math.exp(z[o + j] - second);
    }
    const lse = m + Math.log(sum);
    for (let j = 0; j < width; j++) {
      this.logP[j] = z[o + j] - lse;
      // Every other unit has p ≤ 1/2, so sum − e^(zⱼ − m) ≥ 1 loses nothing to cancellation.
      this.log1mP[j] = j === a ? second + Math.log(others) - lse : Math.log(sum - Math.exp(z[o + j] - m)) + m - lse;
    }
    this.top = a;
  }
}

/** A loss that is a sum of a per-entry function of d = y − t, averaged over the output units. */
class OutputLoss implements LossHead {
  readonly mode = 'output';
  readonly outputIsLogit = false;
  constructor(
    readonly name: string,
    private readonly value: (d: number) => number,
    private readonly slope: (d: number) => number,
  ) {}
  loss(y: Floats, _o: Floats, t: Floats, n: number, width: number): number {
    const end = n * width;
    let sum = 0;
    for (let j = 0; j < end; j++) sum += this.value(y[j] - t[j]);
    return sum / width;
  }
  gradient(y: Floats, _o: Floats, t: Floats, n: number, width: number, grad: Floats): void {
    const end = n * width;
    const scale = 1 / end;
    for (let j = 0; j < end; j++) grad[j] = this.slope(y[j] - t[j]) * scale;
  }
}

/** bce on outputs that are neither sigmoid nor softmax (e.g. tanh): probabilities clamped away from 0 and 1. */
class ClampedBce implements LossHead {
  readonly name = 'bce';
  readonly mode = 'output';
  readonly outputIsLogit = false;
  loss(y: Floats, _o: Floats, t: Floats, n: number, width: number): number {
    const end = n * width;
    let sum = 0;
    for (let j = 0; j < end; j++) {
      const p = Math.min(1 - EPSILON, Math.max(EPSILON, y[j]));
      sum -= t[j] * Math.log(p) + (1 - t[j]) * Math.log(1 - p);
    }
    return sum / width;
  }
  gradient(y: Floats, _o: Floats, t: Floats, n: number, width: number, grad: Floats): void {
    const end = n * width;
    const scale = 1 / end;
    for (let j = 0; j < end; j++) {
      const p = Math.min(1 - EPSILON, Math.max(EPSILON, y[j]));
      grad[j] = p === y[j] ? ((p - t[j]) / (p * (1 - p))) * scale : 0;
    }
  }
}

/** cce on outputs that are not logits: probabilities clamped away from 0. */
class ClampedCce implements LossHead {
  readonly name = 'cce';
  readonly mode = 'output';
  readonly outputIsLogit = false;
  loss(y: Floats, _o: Floats, t: Floats, n: number, width: number): number {
    const end = n * width;
    let sum = 0;
    for (let j = 0; j < end; j++) if (t[j] !== 0) sum -= t[j] * Math.log(Math.max(EPSILON, y[j]));
    return sum;
  }
  gradient(y: Floats, _o: Floats, t: Floats, n: number, width: number, grad: Floats): void {
    const end = n * width;
    const scale = 1 / n;
    for (let j = 0; j < end; j++) {
      const p = Math.max(EPSILON, y[j]);
      grad[j] = p === y[j] ? (-t[j] / p) * scale : 0;
    }
  }
}
