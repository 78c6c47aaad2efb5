/** The semantic model: what a `.nn` file means, resolved against the catalog. */
import type { ActivationDef, InitName, ParamValues, TaskKind } from '../catalog/types';
import type { Diagnostic } from '../diagnostic';
import type { ActivationLayer, DenseLayer, DropoutLayer, ModelDecl, SourceFile, TrainDecl } from '../syntax/ast';
import type { LineIndex } from '../syntax/lineIndex';
import type { Span } from '../syntax/span';
import type { TrainSettings } from './spec';

/** An activation as used at one place, resolved against the catalog. */
export interface ActivationUse {
  def: ActivationDef;
  /** The name as written (may be an alias such as `logistic`). */
  written: string;
  /** Every parameter, defaults filled in. */
  params: ParamValues;
  /** Parameters the user wrote explicitly. */
  explicit: ParamValues;
  /** The whole call, e.g. `leaky_relu(alpha: 0.1)`. */
  span: Span;
  /** Just the name token. */
  nameSpan: Span;
}

interface LayerInfoBase {
  /** Position among the model's layers (dense, dropout and activation alike), from 0. */
  index: number;
  /** The label, or `dense_1`, `dropout_1`, `activation_1`, … counted per kind in order. */
  name: string;
  labelled: boolean;
  span: Span;
  /** Width of the incoming feature vector (NaN when unknown, e.g. `input` missing). */
  inWidth: number;
  outWidth: number;
  /** Trainable parameters of this layer. */
  params: number;
}

export interface DenseInfo extends LayerInfoBase {
  kind: 'dense';
  node: DenseLayer;
  units: number;
  /** The layer's own activation; undefined for a linear layer written without one. */
  ownActivation?: ActivationUse;
  /**
   * The activation in effect after this layer: its own, or that of an `activation` layer that directly
   * follows it (dropout may sit between). Undefined means linear.
   */
  activation?: ActivationUse;
  /** `hidden` or `output` per language.md §4. */
  role: 'hidden' | 'output';
  /** Position among dense layers, from 0. */
  denseIndex: number;
  init: { name: InitName; explicit: boolean; span?: Span };
}

export interface DropoutInfo extends LayerInfoBase {
  kind: 'dropout';
  node: DropoutLayer;
  rate: number;
}

export interface ActivationLayerInfo extends LayerInfoBase {
  kind: 'activation';
  node: ActivationLayer;
  activation?: ActivationUse;
  /** Index (in `layers`) of the dense layer whose effective activation this is, if it merged into one. */
  mergedInto?: number;
}

export type LayerInfo = DenseInfo | DropoutInfo | ActivationLayerInfo;

export interface TaskInfo {
  kind: TaskKind;
  /** K for multiclass(classes: K) and multilabel(labels: K); 1 for binary and regression is not implied. */
  count?: number;
  span: Span;
}

export interface LossInfo {
  /** Canonical name (`bce`, not `binary_crossentropy`). */
  name: string;
  params: ParamValues;
  explicit: boolean;
  span?: Span;
}

export interface OptimizerInfo {
  name: 'sgd' | 'adam' | 'rmsprop';
  /** Every parameter including `lr`, defaults filled in. */
  params: ParamValues;
  explicit: boolean;
  span?: Span;
  /** Span of the `lr` argument when written. */
  lrSpan?: Span;
}

export interface RegularizeInfo {
  kind: 'l1' | 'l2';
  amount: number;
  span: Span;
}

export interface ModelInfo {
  name: string;
  nameSpan: Span;
  decl: ModelDecl;
  input?: number;
  inputSpan?: Span;
  layers: LayerInfo[];
  /** The dense layers only, in order; the last one is the output layer. */
  dense: DenseInfo[];
  task?: TaskInfo;
  loss: LossInfo;
  optimizer: OptimizerInfo;
  /** The model-wide init (`auto` when not written). */
  init: { name: InitName | 'auto'; span?: Span };
  regularize?: RegularizeInfo;
  totalParams: number;
  /** Output width of the network (NaN when unknown). */
  outputWidth: number;
}

export interface DataInfo {
  /** Catalog dataset name (`spiral`, `iris`, `csv`, …). */
  name: string;
  params: ParamValues;
  span: Span;
  /** For csv: the path as written and its span. */
  path?: string;
  pathSpan?: Span;
  /** For csv: the target column names. */
  targets?: string[];
}

/** A `train` block: its settings (defaults filled in) plus what they refer to and where they were written. */
export interface TrainInfo extends TrainSettings {
  decl: TrainDecl;
  /** The model name as written after `train`. */
  modelName: string;
  modelNameSpan: Span;
  /** The model it trains, when the name resolves. */
  model?: ModelInfo;
  data?: DataInfo;
  /** Spans of the settings as written, by setting name, for diagnostics and fixes. */
  spans: Partial<Record<'data' | 'epochs' | 'batch' | 'validation' | 'seed' | 'normalize' | 'lr' | 'features', Span>>;
}

export interface SemanticModel {
  models: ModelInfo[];
  trains: TrainInfo[];
}

/** What the analysis of one document gives every feature: its text, tree, meaning and findings. */
export interface Analysis {
  text: string;
  file: SourceFile;
  semantic: SemanticModel;
  /** Syntax, semantic and check findings, in document order. */
  diagnostics: Diagnostic[];
  lines: LineIndex;
}
