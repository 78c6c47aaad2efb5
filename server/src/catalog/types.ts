/** Types of the catalog: the one place where activations, tasks, losses, optimizers, inits and datasets are defined. */
import type { ActivationName } from './activations';

export type { ActivationName };

export type ParamValue = number | string;
export type ParamValues = Record<string, ParamValue>;

export interface ParamDef {
  name: string;
  /** `int` and `number` take numbers; `enum` takes one of `values` (written as a name or a string); `string` takes a string. */
  type: 'number' | 'int' | 'enum' | 'string';
  default?: ParamValue;
  /** Required parameters have no default. */
  required?: boolean;
  values?: readonly string[];
  doc: string;
  /** Returns a message when the value is out of range, with the severity it deserves. */
  validate?: (value: number) => { message: string; severity: 'error' | 'warning' } | undefined;
}

/** Scalar forms of an activation with its parameters bound. */
export interface BoundActivation {
  f: (x: number) => number;
  /** Derivative with respect to the input. */
  df: (x: number) => number;
  /**
   * The same derivative written through the output y = f(x), where that is exact and cheaper (sigmoid:
   * y(1 − y), tanh: 1 − y²). Optional; the training engine uses it to avoid recomputing f in the backward pass.
   */
  dfFromOutput?: (y: number) => number;
}

export interface ActivationProperties {
  /** The gradient goes to 0 on one or both tails. */
  saturating: boolean;
  zeroCentered: boolean;
  /** Zero gradient on a whole half-line, so a unit can stop learning for good. */
  canDie: boolean;
  /** He init is the match; true exactly for the activations of family `relu`. */
  reluFamily: boolean;
  selfNormalizing: boolean;
  outputOnly: boolean;
  /** Gradient descent cannot train through it. */
  notTrainable: boolean;
  monotonic: boolean;
  /** Continuously differentiable everywhere. */
  smooth: boolean;
}

/** The properties an activation entry states; `reluFamily` follows from its family instead. */
export type StatedProperty = Exclude<keyof ActivationProperties, 'reluFamily'>;

/**
 * Activations that behave alike in a hidden layer (range, where the gradient fades, matching init). `relu` is the
 * ReLU family of activations.md (relu, relu6, leaky_relu, prelu, elu, gelu, swish, mish, maxout); `sigmoid` holds
 * sigmoid and hard_sigmoid; `tanh` holds tanh and softsign (zero-centred, saturating, in (−1, 1)).
 */
export type ActivationFamily = 'linear' | 'step' | 'sigmoid' | 'tanh' | 'relu' | 'selu' | 'softplus' | 'softmax';

export type InitName =
  'he_normal' | 'he_uniform' | 'glorot_normal' | 'glorot_uniform' | 'lecun_normal' | 'lecun_uniform';

/** One activation. `N` is its canonical name; by default any catalog name. */
export interface ActivationDef<N extends string = ActivationName> {
  name: N;
  aliases: readonly string[];
  /** Parameter values an alias stands for (`silu` is swish with beta 1); absent when no alias fixes any. */
  aliasParams?: Readonly<Record<string, ParamValues>>;
  params: readonly ParamDef[];
  /**
   * `elementwise`: f and f′ per unit (prelu's learned slope is the `init` parameter's value per unit).
   * `softmax`: over the whole layer (see `softmax` in the catalog).
   * `maxout`: the max over `pieces` affine pieces per unit; f(x) = x on the winning piece.
   */
  shape: 'elementwise' | 'softmax' | 'maxout';
  /** Binds the parameters (defaults filled in) and returns fast scalar functions. */
  bind(params: ParamValues): BoundActivation;
  /** Points where f′ jumps or is undefined, for the given parameters. */
  kinks(params: ParamValues): number[];
  /** The one place the family is written; mixed-hidden compares it and `properties.reluFamily` follows from it. */
  family: ActivationFamily;
  properties: ActivationProperties;
  /** The init that suits it when the model says `auto`. */
  matchingInit: InitName;
  /** Readable Unicode math, no LaTeX. */
  formula: string;
  derivative: string;
  range: string;
  /** One sentence: what it is. */
  summary: string;
  goodFor: string;
  pitfalls: string;
  /** Where it comes from, when there is a paper. */
  reference?: string;
}

export type TaskKind = 'regression' | 'binary' | 'multiclass' | 'multilabel';

export interface TaskDef {
  name: TaskKind;
  params: readonly ParamDef[];
  defaultLoss: string;
  /** The output the task expects, in words. */
  expectedOutput: string;
  doc: string;
}

export interface LossDef {
  name: string;
  aliases: readonly string[];
  params: readonly ParamDef[];
  formula: string;
  doc: string;
  /** Cross-entropy losses read their output as probabilities (or logits). */
  crossEntropy: boolean;
}

export interface OptimizerDef {
  name: string;
  params: readonly ParamDef[];
  /** Above this learning rate, ReLU units are at risk of dying (rules.md `dying-relu-risk`). */
  highLr: number;
  doc: string;
}

export interface InitDef {
  name: InitName | 'zeros';
  aliases: readonly string[];
  /** The standard deviation (normal) or limit (uniform) for a layer with the given fan-in and fan-out. */
  scale(fanIn: number, fanOut: number): number;
  distribution: 'normal' | 'uniform' | 'zeros';
  formula: string;
  doc: string;
  /** Refused for weights (all units would stay identical). */
  refused?: string;
}

export type DatasetKind = 'toy' | 'bundled' | 'csv';

export interface DatasetDef {
  name: string;
  kind: DatasetKind;
  params: readonly ParamDef[];
  /** The task it fits, when fixed (a csv dataset's task comes from its target). */
  task?: TaskKind;
  /** Number of input features, when fixed. */
  features?: number;
  /** Number of classes (or 1 output for binary/regression), when fixed. Depends on params for blobs/spiral. */
  classes?: (params: ParamValues) => number;
  doc: string;
}

export interface RegularizerDef {
  name: 'l1' | 'l2';
  params: readonly ParamDef[];
  doc: string;
}
