/** The thresholds of the training checks (defaults from rules.md); each is a user setting. */
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
  /** overfitting: validation loss above its best for this many epochs while the training loss falls. */
  overfittingEpochs: number;
}

export const DEFAULT_THRESHOLDS: TrainingThresholds = {
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
};

export function withDefaults(overrides?: Partial<TrainingThresholds>): TrainingThresholds {
  return { ...DEFAULT_THRESHOLDS, ...(overrides ?? {}) };
}
