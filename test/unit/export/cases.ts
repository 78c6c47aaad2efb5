/**
 * The parity cases: for every activation of the catalog (and the parameter forms that change its export),
 * a small network trained briefly by the engine, plus 100 raw inputs to run it on. Trained once per test
 * process and shared by the JSON, PyTorch and ONNX tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/analysis';
import { ACTIVATIONS, FEATURES, isIdentityFeatures, type FeatureName } from '../../../server/src/catalog';
import type { ParamValues } from '../../../server/src/catalog/types';
import { Rng } from '../../../server/src/train/engine/rng';
import type {
  DatasetRequest,
  LayerSpec,
  NetworkSpec,
  NetworkWeights,
  TrainSettings,
} from '../../../server/src/model/spec';
import { datasetRequestFromTrain, settingsFromTrain, specFromModel } from '../../../server/src/train/fromModel';
import { predict } from '../../../server/src/train/predict';
import { trainSync } from '../../../server/src/train/trainer';
import { dense, network } from '../train/helpers';

export interface ParityCase {
  /** Unique, usable as a file name and a Python module name. */
  id: string;
  /** The catalog activation the case is about (or `example` for a file of examples/). */
  activation: string;
  spec: NetworkSpec;
  weights: NetworkWeights;
  settings: TrainSettings;
  /** 100 raw input rows (before standardization). */
  inputs: number[][];
}

interface CaseDef {
  id: string;
  activation: string;
  layers: LayerSpec[];
  /** Output layers and loss; binary sigmoid by default. */
  head?: 'binary' | 'multiclass' | 'regression';
  data?: DatasetRequest;
  normalize?: boolean;
  /** The run's `features`; the network's input is then their number, and the inputs are raw points. */
  features?: FeatureName[];
}

const hidden = (name: string, params: ParamValues = {}, units = 6): LayerSpec =>
  dense(units, name, params, 'he_normal');

/** Parameter forms worth their own case, beyond each activation with its defaults. */
const VARIANTS: CaseDef[] = [
  { id: 'leaky_relu_alpha_0_2', activation: 'leaky_relu', layers: [hidden('leaky_relu', { alpha: 0.2 })] },
  { id: 'elu_alpha_0_5', activation: 'elu', layers: [hidden('elu', { alpha: 0.5 })] },
  { id: 'gelu_tanh', activation: 'gelu', layers: [hidden('gelu', { approximate: 'tanh' })] },
  { id: 'swish_beta_1_5', activation: 'swish', layers: [hidden('swish', { beta: 1.5 })] },
  { id: 'step_threshold', activation: 'step', layers: [hidden('step', { threshold: 0.3 })] },
  { id: 'maxout_3_pieces', activation: 'maxout', layers: [hidden('maxout', { pieces: 3 })] },
  {
    id: 'standalone_and_dropout',
    activation: 'tanh',
    layers: [
      dense(6, undefined, {}, 'glorot_uniform'),
      { kind: 'activation', name: '', sourceIndex: 0, activation: { name: 'tanh', params: {} } },
      { kind: 'dropout', name: '', sourceIndex: 0, rate: 0.2 },
    ],
  },
  { id: 'prelu_stack', activation: 'prelu', layers: [hidden('prelu', { init: 0.1 }), hidden('prelu', {}, 4)] },
  {
    // Standalone PReLU layers (not merged into a dense layer) learn slopes of their own: the weights' activationSlopes.
    id: 'prelu_standalone',
    activation: 'prelu',
    layers: [
      dense(6, undefined, {}, 'he_normal'),
      { kind: 'dropout', name: '', sourceIndex: 0, rate: 0.1 },
      { kind: 'activation', name: '', sourceIndex: 0, activation: { name: 'prelu', params: { init: 0.1 } } },
      dense(4, 'tanh', {}, 'glorot_uniform'),
      { kind: 'activation', name: 'gate', sourceIndex: 0, activation: { name: 'prelu', params: { init: 0.25 } } },
    ],
  },
  {
    id: 'reserved_labels',
    activation: 'relu',
    layers: [
      { ...hidden('relu'), name: 'in' },
      { kind: 'activation', name: 'eval', sourceIndex: 0, activation: { name: 'softsign', params: {} } },
      { ...hidden('elu', {}, 3), name: 'forward' },
    ],
  },
  {
    id: 'regression_no_normalize',
    activation: 'relu',
    layers: [hidden('relu')],
    head: 'regression',
    data: { name: 'sine', params: { points: 200, noise: 0.1 } },
    normalize: false,
  },
  { id: 'features_all', activation: 'tanh', layers: [hidden('tanh')], features: FEATURES.map((f) => f.name) },
];

function defaultCase(name: string): CaseDef {
  if (name === 'softmax') {
    return { id: name, activation: name, layers: [hidden('tanh')], head: 'multiclass' };
  }
  return { id: name, activation: name, layers: [hidden(name)] };
}

function buildSpec(def: CaseDef): NetworkSpec {
  const head = def.head ?? 'binary';
  const input = def.features?.length ?? 2;
  if (head === 'multiclass') {
    return network(input, [...def.layers, dense(3, 'softmax')], {
      task: { kind: 'multiclass', count: 3 },
      loss: { name: 'cce', params: {} },
    });
  }
  if (head === 'regression') {
    return network(input, [...def.layers, dense(1)], {
      task: { kind: 'regression' },
      loss: { name: 'mse', params: {} },
    });
  }
  return network(input, [...def.layers, dense(1, 'sigmoid')]);
}

function dataFor(def: CaseDef): DatasetRequest {
  if (def.data) return def.data;
  if (def.head === 'multiclass') return { name: 'blobs', params: { classes: 3, points: 200, noise: 0.1 } };
  return { name: 'moons', params: { points: 200, noise: 0.1 } };
}

/**
 * 100 rows spread over the data's range and beyond: up to 4 standard deviations from each feature's mean.
 * With `features` the rows are raw points (x1, x2), anywhere in [−8, 8]² (the toy sets lie in about [−6, 6]²).
 */
function inputsFor(width: number, seed: number, weights: NetworkWeights, settings: TrainSettings): number[][] {
  const rng = new Rng(seed, 0);
  if (!isIdentityFeatures(settings.features))
    return Array.from({ length: 100 }, () => [-8 + 16 * rng.next(), -8 + 16 * rng.next()]);
  const mean = weights.normalization?.mean ?? new Array<number>(width).fill(0);
  const std = weights.normalization?.std ?? new Array<number>(width).fill(1);
  return Array.from({ length: 100 }, () =>
    Array.from({ length: width }, (_, j) => mean[j] + std[j] * (-4 + 8 * rng.next())),
  );
}

export const EXAMPLES_FOLDER = path.join(__dirname, '..', '..', '..', 'examples');

/** Every model of every file in examples/, trained for 3 epochs on its own train block's data. */
function exampleCases(): ParityCase[] {
  const files = readdirSync(EXAMPLES_FOLDER)
    .filter((f) => f.endsWith('.nn'))
    .sort();
  return files.flatMap((file, i) => {
    const analysis = analyze(readFileSync(path.join(EXAMPLES_FOLDER, file), 'utf8'));
    return analysis.semantic.models.map((model): ParityCase => {
      const spec = specFromModel(model);
      const train = analysis.semantic.trains.find((t) => t.model === model);
      const data = train && datasetRequestFromTrain(train);
      if (!train || !data) throw new Error(`${file}: model '${model.name}' has no train block with data`);
      const settings = settingsFromTrain(train, { epochs: 3 });
      const { finished } = trainSync({ runId: file, spec, settings, data });
      if (!finished.weights) throw new Error(`${file}: training returned no weights`);
      return {
        id: `example_${path.basename(file, '.nn')}_${model.name}`,
        activation: 'example',
        spec,
        weights: finished.weights,
        settings,
        inputs: inputsFor(spec.input, 500 + i, finished.weights, settings),
      };
    });
  });
}

let cached: ParityCase[] | undefined;

/** Every case, trained (a few epochs each; deterministic): one or more per activation, then the examples. */
export function parityCases(): ParityCase[] {
  if (cached) return cached;
  const defs = [...ACTIVATIONS.filter((a) => a.name !== 'linear').map((a) => defaultCase(a.name)), ...VARIANTS];
  defs.push({ id: 'linear', activation: 'linear', layers: [dense(6, 'linear', {}, 'glorot_uniform')] });
  cached = defs.map((def, i) => {
    const spec = buildSpec(def);
    spec.modelName = def.id;
    const settings: TrainSettings = {
      epochs: 4,
      batch: 32,
      validation: 0.2,
      seed: 3 + i,
      normalize: def.normalize ?? true,
    };
    if (def.features) settings.features = def.features;
    const { finished } = trainSync({ runId: def.id, spec, settings, data: dataFor(def) });
    if (!finished.weights) throw new Error(`${def.id}: training returned no weights`);
    return {
      id: def.id,
      activation: def.activation,
      spec,
      weights: finished.weights,
      settings,
      inputs: inputsFor(spec.input, 100 + i, finished.weights, settings),
    };
  });
  cached.push(...exampleCases());
  return cached;
}

/** The engine's prediction for a case: its inputs are raw points when the run had `features`. */
export function enginePrediction(c: ParityCase, kind: 'float32' | 'float64'): number[][] {
  return predict(c.spec, c.weights, c.inputs, { kind, features: c.settings.features });
}

/** |a − b| within `tolerance`, relative for values above 1 in size. */
export function assertClose(
  actual: readonly number[][],
  expected: readonly number[][],
  tolerance: number,
  label: string,
): void {
  if (actual.length !== expected.length)
    throw new Error(`${label}: ${actual.length} rows, expected ${expected.length}`);
  let worst = 0;
  let where = '';
  expected.forEach((row, r) => {
    if (actual[r].length !== row.length)
      throw new Error(`${label}: row ${r} has ${actual[r].length} values, expected ${row.length}`);
    row.forEach((e, c) => {
      const a = actual[r][c];
      const err = Math.abs(a - e) / Math.max(1, Math.abs(e));
      if (!(err <= worst)) {
        worst = Number.isNaN(err) ? Infinity : err;
        where = `row ${r}, output ${c}: got ${a}, engine ${e}`;
      }
    });
  });
  if (!(worst <= tolerance))
    throw new Error(`${label}: differs from the engine by ${worst.toExponential(2)} (> ${tolerance}) at ${where}`);
}
