/**
 * `nn export --to pytorch --with-trainer`: a folder that trains a `.nn` model in PyTorch with the engine's
 * numbers. It holds model.py, train.py, the data as the engine reads it, the engine's initial weights for the
 * run's seed, and a README. Built from a run plan (the one run pipeline), so it refuses what a run refuses.
 */
import type { NetworkSpec, NetworkWeights, TrainSettings, DatasetRequest } from '../../model/spec';
import { encodeTargets } from '../../train/data/encode';
import { withFeatures } from '../../train/data/features';
import { loadDataset } from '../../train/data/load';
import type { Dataset } from '../../train/data/types';
import { Network } from '../../train/engine/network';
import { exportModel } from '../index';
import { toJsonExport } from '../json';
import { buildPlan } from '../plan';
import type { ExportedFile } from '../types';
import { HELPERS } from './activations';
import { className } from './python';
import { trainerScript } from './trainerScript';

export const TRAINER_FILES = {
  model: 'model.py',
  trainer: 'train.py',
  data: 'data.csv',
  initialWeights: 'initial_weights.json',
  readme: 'README.md',
} as const;

export interface TrainerFolderInput {
  spec: NetworkSpec;
  settings: TrainSettings;
  data: DatasetRequest;
  /** Name of the `.nn` file, for headers. */
  sourceName?: string;
}

export interface TrainerFolder {
  files: ExportedFile[];
  /** What the run will see: the data set's name, its rows and the split sizes, the class names. */
  summary: { dataset: string; rows: number; trainSize: number; validationSize: number; classes: string[] };
}

/** The engine's initial weights for this spec and seed (float32, as a run starts). */
export function engineInitialWeights(spec: NetworkSpec, seed: number): NetworkWeights {
  return new Network(spec, { capacity: 1, seed }).toWeights();
}

/** The number of validation rows the engine holds out of n (the same rounding as the trainer). */
export function validationRows(n: number, validation: number): number {
  let nVal = Math.round(n * Math.min(Math.max(validation, 0), 0.95));
  if (validation > 0 && nVal === 0 && n > 1) nVal = 1;
  if (nVal >= n) nVal = n - 1;
  return nVal;
}

/** One CSV field, quoted when it holds a comma, a quote, a line break or outer spaces. */
function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The data as the engine reads it: raw input columns (full precision), then the class name or the target numbers. */
function dataCsv(dataset: Dataset): string {
  const lines = [[...dataset.featureNames, ...dataset.targetNames].map(csvField).join(',')];
  const f = dataset.features;
  const target = dataset.target;
  for (let r = 0; r < dataset.n; r++) {
    const row = Array.from(dataset.x.subarray(r * f, (r + 1) * f), String);
    if (target.kind === 'classes') row.push(csvField(target.classes[target.labels[r]]));
    else row.push(...Array.from(target.values.subarray(r * target.width, (r + 1) * target.width), String));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Builds the folder's files. Throws (a DataError or Error with a clear message) when the data does not fit the model. */
export function trainerFolder(input: TrainerFolderInput): TrainerFolder {
  const { spec, settings } = input;
  const raw = loadDataset(input.data, settings.seed);
  const seen = withFeatures(raw, settings.features);
  if (seen.features !== spec.input)
    throw new Error(`'${raw.name}' gives ${seen.features} inputs per row, but the model's input is ${spec.input}`);
  const initial = engineInitialWeights(spec, settings.seed);
  const outputs = initial.dense[initial.dense.length - 1].units;
  const encoded = encodeTargets(raw, outputs, spec.task?.kind, spec.loss.name);
  const plan = buildPlan(spec, initial, settings.features);
  const model = exportModel('pytorch', { spec, settings, sourceName: input.sourceName }, 'model').files[0];
  const classes = encoded.dataset.target.kind === 'classes' ? encoded.dataset.target.classes : undefined;
  const trainer = trainerScript({
    spec,
    settings,
    plan,
    modelClass: className(spec.modelName, Object.keys(HELPERS)),
    sourceName: input.sourceName,
    inputColumns: raw.features,
    classes,
    metric: encoded.metric,
    dataFile: TRAINER_FILES.data,
    initialWeightsFile: TRAINER_FILES.initialWeights,
  });
  const nVal = validationRows(raw.n, settings.validation);
  const files: ExportedFile[] = [
    { role: 'main', name: TRAINER_FILES.model, content: model.content },
    { role: 'main', name: TRAINER_FILES.trainer, content: trainer },
    { role: 'weights', name: TRAINER_FILES.initialWeights, content: toJsonExport(spec, initial, settings) },
    { role: 'main', name: TRAINER_FILES.data, content: dataCsv(encoded.dataset) },
    { role: 'main', name: TRAINER_FILES.readme, content: readme(settings) },
  ];
  return {
    files,
    summary: { dataset: raw.name, rows: raw.n, trainSize: raw.n - nVal, validationSize: nVal, classes: classes ?? [] },
  };
}

/** A short README: what the files are and how to run them (no text from the .nn file is written into it). */
function readme(settings: TrainSettings): string {
  return [
    '# Training an NN Studio model in PyTorch',
    '',
    'Exported by `nn export --to pytorch --with-trainer`. The files:',
    '',
    '- `model.py`: the model as a PyTorch module (its layers as in the .nn file).',
    '- `train.py`: trains it as NN Studio does: same initial weights, data split, batch order, optimizer,',
    "  loss and regularization, so the per-epoch losses match NN Studio's engine.",
    `- \`data.csv\`: the data as NN Studio reads it (for a toy data set: the points generated for seed ${Math.floor(settings.seed)}).`,
    '- `initial_weights.json`: the weights NN Studio starts from for that seed (NN Studio JSON).',
    '',
    '## Run',
    '',
    '```',
    'python train.py                      # one process (CPU)',
    'python train.py --device cuda        # one GPU',
    'python train.py --json --save trained.json',
    'torchrun --nproc_per_node 4 train.py --device cuda          # 4 GPUs on this machine',
    'torchrun --nnodes 2 --nproc_per_node 4 --rdzv-backend c10d --rdzv-endpoint HOST:29500 train.py --device cuda',
    '```',
    '',
    'Data-parallel runs split each batch across the processes, so they follow the same trajectory as one process.',
    "Dropout draws its masks from PyTorch's generator, so runs with dropout agree in accuracy, not bit for bit.",
    '`--save` writes NN Studio JSON that `nn export --weights`, the training panel and the engine load back.',
    '',
  ].join('\n');
}
