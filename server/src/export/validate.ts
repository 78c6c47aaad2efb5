/**
 * Structural checks of a NetworkSpec and its NetworkWeights read from outside (a JSON export, a saved run).
 * Every problem is reported with the path of the offending value, e.g. `weights.dense[1].W`.
 */
import { findActivation, findInit, findLoss, findOptimizer, findTask, resolveParams } from '../catalog';
import type {
  ActivationSlopes,
  ActivationSpec,
  DenseWeights,
  LayerSpec,
  NetworkSpec,
  NetworkWeights,
} from '../model/spec';

export class ExportFormatError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'ExportFormatError';
  }
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: Json, path: string): Record<string, Json> {
  if (!isObject(value)) throw new ExportFormatError(path, 'expected an object');
  return value;
}

function string(value: Json, path: string): string {
  if (typeof value !== 'string') throw new ExportFormatError(path, 'expected a string');
  return value;
}

function finite(value: Json, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ExportFormatError(path, 'expected a finite number');
  return value;
}

function positiveInt(value: Json, path: string): number {
  const n = finite(value, path);
  if (!Number.isInteger(n) || n < 1) throw new ExportFormatError(path, 'expected a whole number ≥ 1');
  return n;
}

function numbers(value: Json, path: string, length?: number): number[] {
  if (!Array.isArray(value)) throw new ExportFormatError(path, 'expected an array of numbers');
  value.forEach((v, i) => finite(v, `${path}[${i}]`));
  if (length !== undefined && value.length !== length) {
    throw new ExportFormatError(path, `expected ${length} numbers, found ${value.length}`);
  }
  return value as number[];
}

function params(value: Json, path: string): Record<string, number | string> {
  const p = object(value ?? {}, path);
  for (const [key, v] of Object.entries(p)) {
    if (typeof v !== 'string') finite(v, `${path}.${key}`);
  }
  return p as Record<string, number | string>;
}

function activation(value: Json, path: string): ActivationSpec {
  const a = object(value, path);
  const name = string(a.name, `${path}.name`);
  const def = findActivation(name);
  if (!def) throw new ExportFormatError(`${path}.name`, `unknown activation '${name}'`);
  return { name: def.name, params: params(a.params, `${path}.params`) };
}

function layer(value: Json, path: string): LayerSpec {
  const l = object(value, path);
  const kind = l.kind;
  const name = string(l.name, `${path}.name`);
  const sourceIndex = finite(l.sourceIndex ?? 0, `${path}.sourceIndex`);
  switch (kind) {
    case 'dense': {
      const init = string(l.init, `${path}.init`);
      const initDef = findInit(init);
      if (!initDef || initDef.name === 'zeros') throw new ExportFormatError(`${path}.init`, `unknown init '${init}'`);
      const units = positiveInt(l.units, `${path}.units`);
      const act =
        l.activation === undefined || l.activation === null
          ? undefined
          : activation(l.activation, `${path}.activation`);
      return {
        kind,
        name,
        sourceIndex,
        units,
        activation: act,
        init: initDef.name as Exclude<typeof initDef.name, 'zeros'>,
      };
    }
    case 'dropout': {
      const rate = finite(l.rate, `${path}.rate`);
      if (rate < 0 || rate >= 1) throw new ExportFormatError(`${path}.rate`, 'expected a rate in [0, 1)');
      return { kind, name, sourceIndex, rate };
    }
    case 'activation':
      return { kind, name, sourceIndex, activation: activation(l.activation, `${path}.activation`) };
    default:
      throw new ExportFormatError(`${path}.kind`, "expected 'dense', 'dropout' or 'activation'");
  }
}

/** Reads a NetworkSpec from parsed JSON, checking every field the engine relies on. */
export function readSpec(value: Json, path: string): NetworkSpec {
  const s = object(value, path);
  const layersValue = s.layers;
  if (!Array.isArray(layersValue) || layersValue.length === 0)
    throw new ExportFormatError(`${path}.layers`, 'expected a non-empty array');
  const layers = layersValue.map((l, i) => layer(l, `${path}.layers[${i}]`));
  if (!layers.some((l) => l.kind === 'dense'))
    throw new ExportFormatError(`${path}.layers`, 'the model needs at least one dense layer');
  const loss = object(s.loss, `${path}.loss`);
  const lossName = string(loss.name, `${path}.loss.name`);
  if (!findLoss(lossName)) throw new ExportFormatError(`${path}.loss.name`, `unknown loss '${lossName}'`);
  const optimizer = object(s.optimizer, `${path}.optimizer`);
  const optimizerName = string(optimizer.name, `${path}.optimizer.name`);
  if (!findOptimizer(optimizerName))
    throw new ExportFormatError(`${path}.optimizer.name`, `unknown optimizer '${optimizerName}'`);
  const spec: NetworkSpec = {
    modelName: string(s.modelName, `${path}.modelName`),
    input: positiveInt(s.input, `${path}.input`),
    layers,
    task: undefined,
    loss: { name: lossName, params: params(loss.params, `${path}.loss.params`) },
    optimizer: {
      name: optimizerName as NetworkSpec['optimizer']['name'],
      params: params(optimizer.params, `${path}.optimizer.params`),
    },
  };
  if (s.task !== undefined && s.task !== null) {
    const task = object(s.task, `${path}.task`);
    const kind = string(task.kind, `${path}.task.kind`);
    if (!findTask(kind)) throw new ExportFormatError(`${path}.task.kind`, `unknown task '${kind}'`);
    spec.task = { kind: kind as NonNullable<NetworkSpec['task']>['kind'] };
    if (task.count !== undefined) spec.task.count = positiveInt(task.count, `${path}.task.count`);
  }
  if (s.regularize !== undefined && s.regularize !== null) {
    const r = object(s.regularize, `${path}.regularize`);
    if (r.kind !== 'l1' && r.kind !== 'l2')
      throw new ExportFormatError(`${path}.regularize.kind`, "expected 'l1' or 'l2'");
    spec.regularize = { kind: r.kind, amount: finite(r.amount, `${path}.regularize.amount`) };
  }
  return spec;
}

/** Reads NetworkWeights from parsed JSON (shapes are checked against the spec by `checkWeights`). */
export function readWeights(value: Json, path: string): NetworkWeights {
  const w = object(value, path);
  if (!Array.isArray(w.dense)) throw new ExportFormatError(`${path}.dense`, 'expected an array');
  const dense = w.dense.map((d, i): DenseWeights => {
    const p = `${path}.dense[${i}]`;
    const o = object(d, p);
    const result: DenseWeights = {
      name: string(o.name, `${p}.name`),
      inWidth: positiveInt(o.inWidth, `${p}.inWidth`),
      units: positiveInt(o.units, `${p}.units`),
      pieces: positiveInt(o.pieces ?? 1, `${p}.pieces`),
      W: numbers(o.W, `${p}.W`),
      b: numbers(o.b, `${p}.b`),
    };
    if (o.slopes !== undefined) result.slopes = numbers(o.slopes, `${p}.slopes`);
    return result;
  });
  const weights: NetworkWeights = { modelName: typeof w.modelName === 'string' ? w.modelName : '', dense };
  if (w.activationSlopes !== undefined && w.activationSlopes !== null) {
    if (!Array.isArray(w.activationSlopes))
      throw new ExportFormatError(`${path}.activationSlopes`, 'expected an array');
    weights.activationSlopes = w.activationSlopes.map((a, i): ActivationSlopes => {
      const p = `${path}.activationSlopes[${i}]`;
      const o = object(a, p);
      return { name: string(o.name, `${p}.name`), slopes: numbers(o.slopes, `${p}.slopes`) };
    });
  }
  if (w.normalization !== undefined && w.normalization !== null) {
    const n = object(w.normalization, `${path}.normalization`);
    const mean = numbers(n.mean, `${path}.normalization.mean`);
    const std = numbers(n.std, `${path}.normalization.std`, mean.length);
    std.forEach((s, i) => {
      if (s === 0)
        throw new ExportFormatError(
          `${path}.normalization.std[${i}]`,
          'a standard deviation of 0 would divide by zero',
        );
    });
    weights.normalization = { mean, std };
  }
  return weights;
}

/** Checks that the weights fit the spec: one entry per dense layer with the right widths and lengths. */
export function checkWeights(spec: NetworkSpec, weights: NetworkWeights, path = 'weights'): void {
  const dense = spec.layers.filter((l) => l.kind === 'dense');
  if (weights.dense.length !== dense.length) {
    throw new ExportFormatError(
      `${path}.dense`,
      `the model has ${dense.length} dense layers, the weights have ${weights.dense.length}`,
    );
  }
  let width = spec.input;
  let d = 0;
  for (const layer of spec.layers) {
    if (layer.kind !== 'dense') continue;
    const w = weights.dense[d];
    const p = `${path}.dense[${d}]`;
    d++;
    const act = layer.activation ? findActivation(layer.activation.name) : undefined;
    const pieces = act?.shape === 'maxout' ? Number(resolveParams(act.params, layer.activation?.params).pieces) : 1;
    const rows = layer.units * pieces;
    if (w.inWidth !== width)
      throw new ExportFormatError(
        `${p}.inWidth`,
        `layer '${layer.name}' receives ${width} values, the weights expect ${w.inWidth}`,
      );
    if (w.units !== layer.units)
      throw new ExportFormatError(
        `${p}.units`,
        `layer '${layer.name}' has ${layer.units} units, the weights ${w.units}`,
      );
    if (w.W.length !== rows * width)
      throw new ExportFormatError(`${p}.W`, `expected ${rows}×${width} = ${rows * width} values, found ${w.W.length}`);
    if (w.b.length !== rows) throw new ExportFormatError(`${p}.b`, `expected ${rows} values, found ${w.b.length}`);
    if (w.slopes && w.slopes.length !== layer.units)
      throw new ExportFormatError(`${p}.slopes`, `expected ${layer.units} slopes, found ${w.slopes.length}`);
    width = layer.units;
  }
  if (weights.activationSlopes) checkActivationSlopes(spec, weights.activationSlopes, `${path}.activationSlopes`);
  if (weights.normalization && weights.normalization.mean.length !== spec.input) {
    throw new ExportFormatError(
      `${path}.normalization.mean`,
      `expected ${spec.input} values (one per input feature), found ${weights.normalization.mean.length}`,
    );
  }
}

/** Checks the slopes of standalone PReLU layers: one entry per such layer, in order, one slope per value. */
function checkActivationSlopes(spec: NetworkSpec, saved: ActivationSlopes[], path: string): void {
  const sloped: { name: string; width: number }[] = [];
  let width = spec.input;
  for (const layer of spec.layers) {
    if (layer.kind === 'dense') width = layer.units;
    else if (layer.kind === 'activation' && findActivation(layer.activation.name)?.name === 'prelu')
      sloped.push({ name: layer.name, width });
  }
  if (saved.length !== sloped.length) {
    throw new ExportFormatError(
      path,
      `the model has ${sloped.length} standalone PReLU layers, the weights have slopes for ${saved.length}`,
    );
  }
  sloped.forEach((layer, i) => {
    if (saved[i].slopes.length !== layer.width) {
      throw new ExportFormatError(
        `${path}[${i}].slopes`,
        `layer '${layer.name}' has ${layer.width} values, expected as many slopes, found ${saved[i].slopes.length}`,
      );
    }
  });
}
