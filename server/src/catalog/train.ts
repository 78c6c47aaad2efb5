/** The settings of a `train` block that does not write them (language.md §4 Training), stated once. */

export interface TrainDefaults {
  epochs: number;
  batch: number;
  validation: number;
  seed: number;
  normalize: boolean;
}

export const TRAIN_DEFAULTS: Readonly<TrainDefaults> = {
  epochs: 100,
  batch: 32,
  validation: 0.2,
  seed: 1,
  normalize: true,
};
