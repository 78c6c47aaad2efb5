/**
 * The network as every exporter sees it: a list of steps (dense, activation, dropout) with their weights
 * attached and every activation resolved against the catalog (canonical name, all parameters filled in).
 * The exporters only translate steps; how the engine lays out its weights is decided here, once.
 */
import { activationNamed, isIdentityFeatures, resolveParams, type FeatureName } from '../catalog';
import type { ActivationDef, ActivationName, InitName, ParamValues } from '../catalog/types';
import { Network } from '../train/engine/network';
import type { ActivationSpec, NetworkSpec, NetworkWeights } from '../model/spec';
import { checkWeights } from './validate';

export interface ResolvedActivation {
  def: ActivationDef;
  /** Canonical catalog name. */
  name: ActivationName;
  /** Every parameter, catalog defaults filled in. */
  params: ParamValues;
}

export interface DenseStep {
  kind: 'dense';
  name: string;
  sourceIndex: number;
  inWidth: number;
  units: number;
  /** Pieces per unit (maxout), 1 otherwise. W has units·pieces rows, piece-major: row p·units + u. */
  pieces: number;
  init: InitName;
  /** Row-major [units·pieces × inWidth]. */
  W: number[];
  b: number[];
  /** Undefined for a linear layer. */
  activation?: ResolvedActivation;
  /** PReLU slopes, one per unit. */
  slopes?: number[];
}

export interface ActivationStep {
  kind: 'activation';
  name: string;
  sourceIndex: number;
  width: number;
  activation: ResolvedActivation;
  /** PReLU slopes, one per value (from the weights' `activationSlopes`, or `init` when they hold none). */
  slopes?: number[];
}

export interface DropoutStep {
  kind: 'dropout';
  name: string;
  sourceIndex: number;
  width: number;
  rate: number;
}

export type Step = DenseStep | ActivationStep | DropoutStep;

export interface ExportPlan {
  modelName: string;
  /** Width of the network's first layer input (the number of features with a `features` line). */
  input: number;
  /**
   * The run's `features` when they transform the point: the exported model then takes raw (x1, x2) and
   * computes these first, before standardization. Undefined when the inputs go in as they are.
   */
  features?: FeatureName[];
  output: number;
  steps: Step[];
  normalization?: { mean: number[]; std: number[] };
  /** True when the weights come from a training run, false when they are the engine's initial weights. */
  trained: boolean;
  /**
   * The activation that turns the last step's values into the output, when it is one the loss reads
   * logits through (sigmoid or softmax) and it is the network's very last operation.
   */
  outputActivation?: 'sigmoid' | 'softmax';
}

/**
 * The row of maxout in the exporters' activation tables: it replaces its dense layer's linear map (pieces per
 * unit, then a max), so the exporters write it with that layer and it has no activation module of its own.
 */
export const WRITTEN_AS_LAYER = 'written as its dense layer';

/** Resolves an activation of the spec (undefined or `linear` stays undefined). */
export function resolveActivation(spec: ActivationSpec | undefined): ResolvedActivation | undefined {
  if (!spec) return undefined;
  const def = activationNamed(spec.name);
  if (def.name === 'linear') return undefined;
  return { def, name: def.name, params: resolveParams(def.params, spec.params) };
}

/** The engine's initial weights for the spec (what a run starts from with this seed). */
export function initialWeights(spec: NetworkSpec, seed = 1): NetworkWeights {
  return new Network(spec, { capacity: 1, kind: 'float64', seed }).toWeights();
}

/** Pieces per unit of a dense layer's activation. */
function piecesOf(activation: ResolvedActivation | undefined): number {
  return activation?.def.shape === 'maxout' ? Number(activation.params.pieces) : 1;
}

/**
 * Builds the plan. Without weights the engine's initial weights (seed 1) are used and `trained` is false.
 * Throws with a clear message when the weights do not fit the spec.
 */
export function buildPlan(spec: NetworkSpec, weights?: NetworkWeights, features?: readonly FeatureName[]): ExportPlan {
  const w = weights ?? initialWeights(spec);
  checkWeights(spec, w);
  const steps: Step[] = [];
  let width = spec.input;
  let denseIndex = 0;
  let slopedIndex = 0;
  for (const layer of spec.layers) {
    if (layer.kind === 'dense') {
      const activation = resolveActivation(layer.activation);
      const dw = w.dense[denseIndex++];
      const step: DenseStep = {
        kind: 'dense',
        name: layer.name,
        sourceIndex: layer.sourceIndex,
        inWidth: width,
        units: layer.units,
        pieces: piecesOf(activation),
        init: layer.init,
        W: dw.W,
        b: dw.b,
        activation,
      };
      if (activation?.name === 'prelu')
        step.slopes = dw.slopes ?? new Array<number>(layer.units).fill(Number(activation.params.init));
      steps.push(step);
      width = layer.units;
    } else if (layer.kind === 'activation') {
      const activation = resolveActivation(layer.activation);
      if (!activation) continue;
      if (activation.def.shape === 'maxout') throw new Error(`${layer.name}: maxout needs its own dense layer`);
      const step: ActivationStep = {
        kind: 'activation',
        name: layer.name,
        sourceIndex: layer.sourceIndex,
        width,
        activation,
      };
      if (activation.name === 'prelu') {
        step.slopes =
          w.activationSlopes?.[slopedIndex]?.slopes ?? new Array<number>(width).fill(Number(activation.params.init));
        slopedIndex++;
      }
      steps.push(step);
    } else {
      steps.push({ kind: 'dropout', name: layer.name, sourceIndex: layer.sourceIndex, width, rate: layer.rate });
    }
  }
  const plan: ExportPlan = {
    modelName: spec.modelName,
    input: spec.input,
    output: width,
    steps,
    trained: weights !== undefined,
  };
  if (w.normalization) plan.normalization = w.normalization;
  if (features && !isIdentityFeatures(features)) {
    if (features.length !== spec.input)
      throw new Error(
        `features ${features.join(', ')} give ${features.length} inputs, but the model's input is ${spec.input}`,
      );
    plan.features = [...features];
  }
  const last = steps[steps.length - 1];
  const lastActivation = last && last.kind !== 'dropout' ? last.activation?.name : undefined;
  if (lastActivation === 'sigmoid' || lastActivation === 'softmax') plan.outputActivation = lastActivation;
  return plan;
}
