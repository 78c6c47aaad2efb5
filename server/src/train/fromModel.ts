/** Adapters from the semantic model (a `model` and its `train` block) to the engine's serializable specs. */
import type { ActivationUse, ModelInfo, TrainInfo } from '../model/types';
import { layerAfterOutputReason } from './outputTail';
import type { ActivationSpec, DatasetRequest, LayerSpec, NetworkSpec, TrainSettings } from '../model/spec';

function activationSpec(use: ActivationUse | undefined): ActivationSpec | undefined {
  if (!use || use.def.name === 'linear') return undefined;
  return { name: use.def.name, params: { ...use.params } };
}

/** Why a model cannot be trained as written (missing input, unknown layer sizes); undefined when it can. */
export function untrainableReason(model: ModelInfo): string | undefined {
  if (model.input === undefined || !Number.isFinite(model.input)) return `model '${model.name}' has no 'input' line`;
  if (model.dense.length === 0) return `model '${model.name}' has no dense layer`;
  const bad = model.dense.find((d) => !Number.isInteger(d.units) || d.units < 1);
  if (bad) return `layer '${bad.name}' has no valid unit count`;
  for (const layer of model.layers) {
    const written =
      layer.kind === 'dense' ? layer.node.activation : layer.kind === 'activation' ? layer.node.call : undefined;
    const resolved =
      layer.kind === 'dense' ? layer.ownActivation : layer.kind === 'activation' ? layer.activation : undefined;
    if (written && !resolved) return `layer '${layer.name}' has an unknown activation '${written.name.text}'`;
  }
  const afterOutput = layerAfterOutputReason(model.layers);
  if (afterOutput) return afterOutput;
  return undefined;
}

/**
 * The network a model describes. A standalone `activation` layer that directly follows a dense layer is
 * that layer's activation (the analysis merged it); any other standalone activation stays its own layer.
 */
export function specFromModel(model: ModelInfo): NetworkSpec {
  const reason = untrainableReason(model);
  if (reason) throw new Error(reason);
  const layers: LayerSpec[] = [];
  for (const layer of model.layers) {
    if (layer.kind === 'dense') {
      layers.push({
        kind: 'dense',
        name: layer.name,
        sourceIndex: layer.index,
        units: layer.units,
        activation: activationSpec(layer.activation),
        init: layer.init.name,
      });
    } else if (layer.kind === 'dropout') {
      if (layer.rate > 0)
        layers.push({ kind: 'dropout', name: layer.name, sourceIndex: layer.index, rate: layer.rate });
    } else if (layer.mergedInto === undefined && layer.activation) {
      const activation = activationSpec(layer.activation);
      if (activation) layers.push({ kind: 'activation', name: layer.name, sourceIndex: layer.index, activation });
    }
  }
  return {
    modelName: model.name,
    input: model.input as number,
    layers,
    task: model.task ? { kind: model.task.kind, count: model.task.count } : undefined,
    loss: { name: model.loss.name, params: { ...model.loss.params } },
    optimizer: { name: model.optimizer.name, params: { ...model.optimizer.params } },
    regularize: model.regularize ? { kind: model.regularize.kind, amount: model.regularize.amount } : undefined,
  };
}

/** The run settings of a `train` block, with optional overrides (e.g. from the command line). */
export function settingsFromTrain(train: TrainInfo, overrides: Partial<TrainSettings> = {}): TrainSettings {
  const settings: TrainSettings = {
    epochs: train.epochs,
    batch: train.batch,
    validation: train.validation,
    seed: train.seed,
    normalize: train.normalize,
  };
  if (train.lr !== undefined) settings.lr = train.lr;
  if (train.features) settings.features = [...train.features];
  return { ...settings, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
}

/** The data request of a `train` block (a csv's text is filled in by the host that reads the file). */
export function datasetRequestFromTrain(train: TrainInfo): DatasetRequest | undefined {
  const data = train.data;
  if (!data) return undefined;
  const request: DatasetRequest = { name: data.name, params: { ...data.params } };
  if (data.name === 'csv') {
    request.csvPath = data.path;
    request.targets = data.targets;
  }
  return request;
}
