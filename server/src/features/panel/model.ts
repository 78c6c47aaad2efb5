/**
 * What the training panel shows of a model, worked out from the analysis: its layers with the activation in
 * effect, f and f′ of each activation, the train block's settings, the toy datasets it may switch to and the
 * activations a comparison offers. The language server answers `nn/panelModel` with it.
 */
import type { Analysis } from '../../analysis';
import {
  COMPARE_CHOICES,
  COMPARE_DEFAULTS,
  DATASETS,
  datasetTask,
  DEFAULT_FEATURES,
  FEATURES,
  findDataset,
  learningRateOf,
  numberValue,
  REGULARIZERS,
  type ParamValues,
} from '../../catalog';
import { pickTrain } from '../../model/pick';
import type { ModelInfo, TrainInfo } from '../../model/types';
import type { PanelLayer, PanelModel, PanelSettings, RunThreshold } from '../../protocol';
import type { Span } from '../../syntax/span';
import { settingsFromTrain, untrainableReason } from '../../train/fromModel';
import { activationLabel, sampleActivation } from './curves';

/** Compare runs of a classifier are timed to this validation accuracy. */
export const COMPARE_ACCURACY = 0.9;

/** A model with its train block, ready to be shown in the panel. */
export interface PanelTarget {
  model: ModelInfo;
  train: TrainInfo;
}

export type PanelDescription =
  { ok: true; model: PanelModel; layerSpans: Span[]; compareThreshold?: RunThreshold } | { ok: false; message: string };

/** The named model's train block (the first train block when no name is given), or why the panel cannot train it. */
export function panelTarget(analysis: Analysis, modelName?: string): PanelTarget | { error: string } {
  const train = pickTrain(analysis.semantic.trains, modelName);
  if (typeof train === 'string') return { error: train };
  if (!train.model) return { error: `no model named '${train.modelName}' in this file` };
  const reason = untrainableReason(train.model);
  if (reason) return { error: reason };
  if (!train.data) return { error: `the train block of '${train.modelName}' has no data line` };
  return { model: train.model, train };
}

function panelLayers(model: ModelInfo): PanelLayer[] {
  return model.layers.map((layer): PanelLayer => {
    const base = { name: layer.name, sourceIndex: layer.index };
    if (layer.kind === 'dense') {
      const use = layer.activation;
      return {
        ...base,
        kind: 'dense',
        units: layer.units,
        role: layer.role,
        activation: use && use.def.name !== 'linear' ? activationLabel(use.def.name, use.params) : undefined,
      };
    }
    if (layer.kind === 'activation') {
      // A merged activation layer is drawn with its dense layer; only a standalone one is listed with its own.
      const use = layer.mergedInto === undefined ? layer.activation : undefined;
      return { ...base, kind: 'activation', activation: use ? activationLabel(use.def.name, use.params) : undefined };
    }
    return { ...base, kind: 'dropout' };
  });
}

/** One sampled curve per distinct activation (with its parameters) in the model. */
function curvesOf(model: ModelInfo): PanelModel['activationCurves'] {
  const seen = new Map<string, PanelModel['activationCurves'][number]>();
  for (const layer of model.layers) {
    const use = layer.kind === 'dropout' ? undefined : layer.activation;
    if (!use || use.def.name === 'linear') continue;
    const label = activationLabel(use.def.name, use.params);
    if (seen.has(label)) continue;
    const curve = sampleActivation(use.def.name, use.params);
    if (curve) seen.set(label, curve);
  }
  return [...seen.values()];
}

/** A toy dataset's parameter as the run uses it: the written value, else the catalog's default. */
function toyParam(datasetName: string, params: ParamValues, param: string): number {
  const def = findDataset(datasetName)?.params.find((p) => p.name === param);
  return def ? numberValue(params, def) : 0;
}

/** The parameters of one dataset that another accepts (e.g. `classes` from spiral to blobs). */
function carriedParams(datasetName: string, params: ParamValues): ParamValues {
  const accepted = new Set(findDataset(datasetName)?.params.map((p) => p.name) ?? []);
  return Object.fromEntries(Object.entries(params).filter(([name]) => accepted.has(name)));
}

/** Toy datasets that give the same kind of task as the file's data (so the model still fits). */
export function compatibleToyDatasets(train: TrainInfo): string[] {
  const data = train.data;
  const current = data && findDataset(data.name);
  if (!data || !current || current.kind !== 'toy') return [];
  const task = datasetTask(current, data.params);
  return DATASETS.filter(
    (def) => def.kind === 'toy' && datasetTask(def, carriedParams(def.name, data.params)) === task,
  ).map((def) => def.name);
}

/** The file's settings for the panel's fields (the learning rate in effect: the train block's, else the optimizer's). */
export function fileSettings(target: PanelTarget): PanelSettings {
  const { train, model } = target;
  const run = settingsFromTrain(train);
  const lr = run.lr ?? learningRateOf(model.optimizer.name, model.optimizer.params);
  const settings: PanelSettings = {
    epochs: run.epochs,
    batch: run.batch,
    lr,
    seed: run.seed,
    validation: run.validation,
    normalize: run.normalize,
  };
  const data = train.data;
  if (data && findDataset(data.name)?.kind === 'toy') {
    settings.data = {
      name: data.name,
      points: toyParam(data.name, data.params, 'points'),
      noise: toyParam(data.name, data.params, 'noise'),
    };
    settings.features = [...(train.features ?? DEFAULT_FEATURES)];
  }
  if (model.regularize) settings.regularize = { kind: model.regularize.kind, amount: model.regularize.amount };
  return settings;
}

/** What compare runs are timed to: a validation accuracy for classifiers; none for regression. */
export function compareThreshold(model: ModelInfo): RunThreshold | undefined {
  const kind = model.task?.kind;
  if (kind === 'binary' || kind === 'multiclass' || kind === 'multilabel') {
    return { key: 'valMetric', direction: 'atLeast', value: COMPARE_ACCURACY };
  }
  return undefined;
}

/** What the panel shows of a model: everything its webview draws, plus where each layer is written. */
export function describeForPanel(analysis: Analysis, modelName?: string): PanelDescription {
  const target = panelTarget(analysis, modelName);
  if ('error' in target) return { ok: false, message: target.error };
  const { model, train } = target;
  const description: PanelDescription = {
    ok: true,
    model: {
      modelName: model.name,
      taskKind: model.task?.kind,
      layers: panelLayers(model),
      activationCurves: curvesOf(model),
      settings: fileSettings(target),
      toyDatasets: compatibleToyDatasets(train),
      featureChoices: FEATURES.map((f) => ({ name: f.name, formula: f.formula })),
      regularizeChoices: REGULARIZERS.map((r) => ({ kind: r.name, amount: numberValue({}, r.params[0]) })),
      compareChoices: [...COMPARE_CHOICES],
      compareDefaults: [...COMPARE_DEFAULTS],
    },
    layerSpans: model.layers.map((layer) => layer.span),
  };
  const threshold = compareThreshold(model);
  if (threshold) description.compareThreshold = threshold;
  return description;
}
