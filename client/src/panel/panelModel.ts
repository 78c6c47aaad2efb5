/**
 * What the training panel shows and runs, worked out from the analysis of a `.nn` document: the init message,
 * the network and data of a run (with the panel's settings applied), and the variants of a comparison.
 * Pure: no VS Code import, so unit tests cover it directly.
 */
import type { Analysis } from '../../../server/src/analysis';
import { DATASETS, datasetTask, findActivation, findDataset, type ParamValues } from '../../../server/src/catalog';
import type { ModelInfo, TrainInfo } from '../../../server/src/model/types';
import type { PanelInit, PanelLayer, PanelMode, PanelSettings, RunThreshold } from '../../../server/src/protocol';
import { datasetRequestFromTrain, settingsFromTrain, specFromModel, untrainableReason } from '../../../server/src/train/fromModel';
import type { DatasetRequest, NetworkSpec, TrainSettings } from '../../../server/src/train/spec';
import { activationLabel, sampleActivation } from './activationCurves';

/** Hidden activations the compare view offers, and the ones it checks by default. */
export const COMPARE_CHOICES = ['relu', 'leaky_relu', 'elu', 'gelu', 'swish', 'mish', 'selu', 'tanh', 'sigmoid', 'softsign'];
export const COMPARE_DEFAULTS = ['relu', 'tanh', 'sigmoid', 'leaky_relu'];
/** Compare runs of a classifier are timed to this validation accuracy. */
export const COMPARE_ACCURACY = 0.9;

export interface TrainTarget {
  model: ModelInfo;
  train: TrainInfo;
}

/** The model and its train block: the named model, or the first train block with a model. */
export function findTarget(analysis: Analysis, modelName?: string): TrainTarget | { error: string } {
  const trains = analysis.semantic.trains;
  const train = modelName ? trains.find((t) => t.modelName === modelName) : trains.find((t) => t.model);
  if (!train) {
    return { error: modelName ? `model '${modelName}' has no train block to run` : 'this file has no train block to run' };
  }
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
function curvesOf(model: ModelInfo): PanelInit['activationCurves'] {
  const seen = new Map<string, PanelInit['activationCurves'][number]>();
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

function numberParam(params: ParamValues, name: string, fallback: number): number {
  const value = params[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function defaultOf(datasetName: string, param: string, fallback: number): number {
  const def = findDataset(datasetName)?.params.find((p) => p.name === param);
  return typeof def?.default === 'number' ? def.default : fallback;
}

/** Toy datasets that give the same kind of task as the file's data (so the model still fits). */
export function compatibleToyDatasets(train: TrainInfo): string[] {
  const data = train.data;
  const current = data && findDataset(data.name);
  if (!data || !current || current.kind !== 'toy') return [];
  const task = datasetTask(current, data.params);
  return DATASETS.filter((def) => def.kind === 'toy' && datasetTask(def, carriedParams(def.name, data.params)) === task).map((def) => def.name);
}

/** The parameters of one dataset that another accepts (e.g. `classes` from spiral to blobs). */
function carriedParams(datasetName: string, params: ParamValues): ParamValues {
  const accepted = new Set(findDataset(datasetName)?.params.map((p) => p.name) ?? []);
  return Object.fromEntries(Object.entries(params).filter(([name]) => accepted.has(name)));
}

/** The file's settings for the panel's fields. */
export function fileSettings(target: TrainTarget): PanelSettings {
  const { train, model } = target;
  const lr = train.lr ?? numberParam(model.optimizer.params, 'lr', 0.001);
  const settings: PanelSettings = { epochs: train.epochs, batch: train.batch, lr, seed: train.seed };
  const data = train.data;
  if (data && findDataset(data.name)?.kind === 'toy') {
    settings.data = {
      name: data.name,
      points: numberParam(data.params, 'points', defaultOf(data.name, 'points', 400)),
      noise: numberParam(data.params, 'noise', defaultOf(data.name, 'noise', 0.1)),
    };
  }
  return settings;
}

export function buildPanelInit(target: TrainTarget, mode: PanelMode, fileName: string, documentUri: string): PanelInit {
  const { model, train } = target;
  return {
    type: 'init',
    mode,
    fileName,
    documentUri,
    modelName: model.name,
    taskKind: model.task?.kind,
    layers: panelLayers(model),
    activationCurves: curvesOf(model),
    settings: fileSettings(target),
    toyDatasets: compatibleToyDatasets(train),
    compareChoices: COMPARE_CHOICES.filter((name) => findActivation(name)),
    compareDefaults: COMPARE_DEFAULTS,
  };
}

/** The network, run settings and data request of a run, with the panel's settings in place of the file's. */
export function runInputs(target: TrainTarget, settings: PanelSettings): { spec: NetworkSpec; settings: TrainSettings; data: DatasetRequest } {
  const spec = specFromModel(target.model);
  const run = settingsFromTrain(target.train, { epochs: settings.epochs, batch: settings.batch, seed: settings.seed, lr: settings.lr });
  const data = datasetRequestFromTrain(target.train)!;
  if (settings.data && findDataset(settings.data.name)?.kind === 'toy') {
    data.name = settings.data.name;
    data.params = { ...carriedParams(settings.data.name, data.params), points: settings.data.points, noise: settings.data.noise };
  }
  return { spec, settings: run, data };
}

/**
 * The same network with `activation` (default parameters) on every hidden dense layer. Layers whose init
 * was left to `auto` take the init that matches the new activation, so each variant starts fairly.
 */
export function withHiddenActivation(spec: NetworkSpec, model: ModelInfo, activation: string): NetworkSpec {
  const def = findActivation(activation);
  if (!def) throw new Error(`unknown activation '${activation}'`);
  const hidden = new Map(model.dense.filter((d) => d.role === 'hidden').map((d) => [d.index, d]));
  return {
    ...spec,
    layers: spec.layers.map((layer) => {
      const info = layer.kind === 'dense' ? hidden.get(layer.sourceIndex) : undefined;
      if (layer.kind !== 'dense' || !info) return layer;
      return {
        ...layer,
        activation: { name: def.name, params: {} },
        init: info.init.explicit ? layer.init : def.matchingInit,
      };
    }),
  };
}

/** What compare runs are timed to: a validation accuracy for classifiers; none for regression. */
export function compareThreshold(model: ModelInfo): RunThreshold | undefined {
  const kind = model.task?.kind;
  if (kind === 'binary' || kind === 'multiclass' || kind === 'multilabel') {
    return { key: 'valMetric', direction: 'atLeast', value: COMPARE_ACCURACY };
  }
  return undefined;
}
