/**
 * Every threshold of the checks, static and training, with its default (rules.md). Each one is the setting
 * `nn.KEY` (`nn.GROUP.NAME` for the grouped ones); the settings, the checks, the trainer and docs/checks.md all
 * read this one table.
 */
import { OPTIMIZERS } from './catalog';
import { DEFAULT_MODEL_SIZE_THRESHOLDS, type ModelSizeThresholds } from './model/size';

export type OptimizerName = 'sgd' | 'adam' | 'rmsprop';

/** Thresholds of the static checks. */
export interface StaticThresholds {
  /** saturating-stack fires at this many saturating hidden layers in a row. */
  saturatingDepth: number;
  /** dying-relu-risk fires above this learning rate, per optimizer. */
  lrLimit: Record<OptimizerName, number>;
  /** high-learning-rate fires at or above this learning rate, per optimizer. */
  lrHigh: Record<OptimizerName, number>;
  /** model-size warns above these (the engine's own limit is not a setting). */
  modelSize: ModelSizeThresholds;
}

/** Thresholds of the training checks. */
export interface TrainingThresholds {
  /** dead-units: fraction of a ReLU-family layer's units that output 0 for every sample. */
  deadFraction: number;
  /** saturated-units: fraction of a sigmoid/tanh layer's units in the flat tails. */
  saturatedFraction: number;
  /** A unit is in the flat tail when |f′| < this × max |f′| … */
  saturationDerivative: number;
  /** … for at least this fraction of the samples. */
  saturationSamples: number;
  /** vanishing-gradient: first hidden layer's gradient norm below this × the output layer's … */
  vanishingRatio: number;
  /** … for this many epochs in a row. */
  vanishingEpochs: number;
  /** exploding-gradient: a layer's gradient norm above this. */
  explodingNorm: number;
  /** loss-plateau: the last this-fraction of the epochs … */
  plateauWindow: number;
  /** … improved the training loss by less than this fraction … */
  plateauImprovement: number;
  /** … while the loss is still above this fraction of its first-epoch value (far from a good fit). */
  plateauFar: number;
  /** loss-plateau needs at least this many epochs. */
  plateauMinEpochs: number;
  /** overfitting: validation loss above its best for this many epochs while the training loss falls … */
  overfittingEpochs: number;
  /** … and now at least this fraction above its best … */
  overfittingRise: number;
  /** … and risen by at least this fraction of what it gained from the first epoch to its best. */
  overfittingMinRise: number;
}

export interface Thresholds extends StaticThresholds, TrainingThresholds {}

const TRAINING_DEFAULTS: TrainingThresholds = {
  deadFraction: 0.4,
  saturatedFraction: 0.5,
  saturationDerivative: 0.01,
  saturationSamples: 0.9,
  vanishingRatio: 1e-3,
  vanishingEpochs: 10,
  explodingNorm: 1e3,
  plateauWindow: 0.2,
  plateauImprovement: 0.01,
  plateauFar: 0.5,
  plateauMinEpochs: 10,
  overfittingEpochs: 10,
  overfittingRise: 0.1,
  overfittingMinRise: 0.1,
};

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = {
  saturatingDepth: 3,
  // The learning rates at which ReLU units start to die are the catalog's `highLr` of each optimizer.
  lrLimit: Object.fromEntries(OPTIMIZERS.map((o) => [o.name, o.highLr])) as Record<OptimizerName, number>,
  // rules.md high-learning-rate: rates at which training usually diverges, whatever the activations.
  lrHigh: { sgd: 1, adam: 0.1, rmsprop: 0.1 },
  modelSize: DEFAULT_MODEL_SIZE_THRESHOLDS,
  ...TRAINING_DEFAULTS,
};

/** The training thresholds' names, in the order above. */
export const TRAINING_THRESHOLD_KEYS = Object.keys(TRAINING_DEFAULTS) as readonly (keyof TrainingThresholds)[];

/** What each setting does, in one line, for docs/checks.md (package.json carries the editor's own text). */
export const THRESHOLD_DOCS: Readonly<Record<keyof Thresholds, string>> = {
  saturatingDepth: 'how many saturating hidden layers in a row make a `saturating-stack`.',
  lrLimit: 'the learning rates above which `dying-relu-risk` fires.',
  lrHigh: 'the learning rates at or above which `high-learning-rate` fires.',
  modelSize: 'the parameter count and the megabytes a run needs above which `model-size` warns.',
  deadFraction: "the share of a ReLU-family hidden layer's units that must output 0 on every sample for `dead-units`.",
  saturatedFraction:
    "the share of a sigmoid or tanh hidden layer's units that must be saturated for `saturated-units`.",
  saturationDerivative: 'a unit is saturated on a sample when its slope is below this share of the steepest slope.',
  saturationSamples: '… on at least this share of the samples.',
  vanishingRatio:
    "`vanishing-gradient` fires when the first hidden layer's gradient stays below this multiple of the output layer's …",
  vanishingEpochs: '… for this many epochs in a row.',
  explodingNorm:
    "`exploding-gradient` fires when a layer's gradient norm goes above this (NaN or infinity always stops the run).",
  plateauWindow: '`loss-plateau` looks at this share of the epochs, counted back from the latest …',
  plateauImprovement: '… and fires when the training loss improved by less than this share over them …',
  plateauFar: '… while the loss is still above this share of its first-epoch value.',
  plateauMinEpochs: '`loss-plateau` is only checked from this many epochs on.',
  overfittingEpochs:
    '`overfitting` fires when the validation loss stayed above its best for this many epochs while the training loss fell …',
  overfittingRise: '… is now at least this share above its best …',
  overfittingMinRise: '… and gave back at least this share of what it gained between the first epoch and its best.',
};

/** The well-formed training thresholds among settings values (finite numbers under their own names). */
export function trainingThresholdsFrom(values: Readonly<Record<string, unknown>>): Partial<TrainingThresholds> {
  const out: Partial<TrainingThresholds> = {};
  for (const key of TRAINING_THRESHOLD_KEYS) {
    const value = values[key];
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

/** Training thresholds from settings over the defaults; a missing or unusable value keeps its default. */
export function withTrainingDefaults(overrides: Readonly<Record<string, unknown>> = {}): TrainingThresholds {
  return { ...TRAINING_DEFAULTS, ...trainingThresholdsFrom(overrides) };
}
