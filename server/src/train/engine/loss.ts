/**
 * Loss heads: how a loss turns the network's output into a number and a gradient. Cross-entropy on a
 * sigmoid or softmax output (or on a linear output, read as logits) works on the pre-activation values in
 * its stable form; every other pairing works on the output and back-propagates through the activation.
 */
import { bceWithLogit, logSumExp, sigmoid, softplus } from '../../catalog/math';
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
  switch (loss) {
    case 'mse':
      return new OutputLoss('mse', (d) => d * d, (d) => 2 * d);
    case 'mae':
      return new OutputLoss('mae', (d) => Math.abs(d), (d) => (d > 0 ? 1 : d < 0 ? -1 : 0));
    case 'huber': {
      const delta = typeof params.delta === 'number' ? params.delta : 1;
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

/** A loss that is a sum of a per-entry function of d = y − t, averaged over the output units. */
class OutputLoss implements LossHead {
  readonly mode = 'output';
  readonly outputIsLogit = false;
  constructor(readonly name: string, private readonly value: (d: number) => number, private readonly slope: (d: number) => number) {}
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

/** bce on outputs that are not logits (e.g. a 2-unit softmax): probabilities clamped away from 0 and 1. */
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
