/**
 * Plain, serializable descriptions of a network, its training run and its weights.
 * These cross thread boundaries (worker messages) and files (JSON export), so they hold no functions.
 */
import type { FeatureName } from '../catalog/features';
import type { ActivationName, InitName, ParamValues, TaskKind } from '../catalog/types';

export interface ActivationSpec {
  /** Canonical catalog name (`relu`, never an alias). */
  name: ActivationName;
  /** Every parameter, defaults filled in. */
  params: ParamValues;
}

export interface DenseSpec {
  kind: 'dense';
  /** Label or default name (`dense_1`). */
  name: string;
  /** Index of the layer in the model's layer list (for links back to the source). */
  sourceIndex: number;
  units: number;
  /** Undefined means linear. For maxout, `params.pieces` pieces per unit. */
  activation?: ActivationSpec;
  init: InitName;
}

export interface DropoutSpec {
  kind: 'dropout';
  name: string;
  sourceIndex: number;
  rate: number;
}

/** A standalone activation applied to the previous layer's output. */
export interface ActivationLayerSpec {
  kind: 'activation';
  name: string;
  sourceIndex: number;
  activation: ActivationSpec;
}

export type LayerSpec = DenseSpec | DropoutSpec | ActivationLayerSpec;

export interface NetworkSpec {
  modelName: string;
  input: number;
  layers: LayerSpec[];
  task: { kind: TaskKind; count?: number } | undefined;
  loss: { name: string; params: ParamValues };
  optimizer: { name: 'sgd' | 'adam' | 'rmsprop'; params: ParamValues };
  regularize?: { kind: 'l1' | 'l2'; amount: number };
}

export interface DatasetRequest {
  /** Catalog dataset name, or `csv`. */
  name: string;
  params: ParamValues;
  /** For csv: the file's text (read by the host, never by the engine). */
  csvText?: string;
  csvPath?: string;
  targets?: string[];
}

export interface TrainSettings {
  epochs: number;
  batch: number;
  validation: number;
  seed: number;
  normalize: boolean;
  /** Overrides the optimizer's learning rate when set. */
  lr?: number;
  /**
   * What the network sees of each 2-D point (`features` line), computed before standardization; absent means
   * the data's own columns (for 2-D data, x1 and x2).
   */
  features?: FeatureName[];
}

/** Trained parameters of one dense layer. W is row-major [units × inWidth] (per piece for maxout: [pieces × units × inWidth]). */
export interface DenseWeights {
  name: string;
  inWidth: number;
  units: number;
  pieces: number;
  W: number[];
  b: number[];
  /** PReLU slopes, one per unit. */
  slopes?: number[];
}

/** Learned slopes of one standalone PReLU activation layer (not merged into a dense layer), one per value. */
export interface ActivationSlopes {
  /** The activation layer's name, as in the spec. */
  name: string;
  slopes: number[];
}

export interface NetworkWeights {
  modelName: string;
  dense: DenseWeights[];
  /**
   * Slopes of the standalone PReLU activation layers, in layer order. Optional for backwards compatibility:
   * when absent (weights saved before this field existed), those layers use their `init` slope.
   */
  activationSlopes?: ActivationSlopes[];
  /** Feature standardization fitted on the training split (identity when `normalize off`). */
  normalization?: { mean: number[]; std: number[] };
}
