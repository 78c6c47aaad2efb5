/**
 * Dataset names for `data`: the 2-D toy sets, the bundled real sets and csv.
 *
 * `spiral` without `classes` is the binary two-arm spiral. `spiral(classes: K)` has K interleaved arms, one class
 * per arm, and is a multiclass set with K classes (K = 2 gives the same two arms, labelled as two classes).
 */
import { intParam, nonNegative, numberOf, numberParam } from './params';
import type { DatasetDef, ParamDef, ParamValues, TaskKind } from './types';

/** How many points a toy set has, how much noise, and how many clusters `blobs` makes, when the file does not say. */
export const TOY_DEFAULTS: Readonly<{ points: number; noise: number; blobClasses: number }> = {
  points: 400,
  noise: 0.1,
  blobClasses: 3,
};

const points: ParamDef = intParam(
  'points',
  TOY_DEFAULTS.points,
  `Number of points to generate, a whole number ≥ 1 (default ${TOY_DEFAULTS.points}).`,
  1,
);
const noise: ParamDef = numberParam(
  'noise',
  TOY_DEFAULTS.noise,
  `Amount of random jitter added to each point, 0 or more (default ${TOY_DEFAULTS.noise}).`,
  nonNegative('noise', `such as ${TOY_DEFAULTS.noise}`),
);
const toyParams: readonly ParamDef[] = [points, noise];
const one = (): number => 1;

export const DATASETS: readonly DatasetDef[] = [
  {
    name: 'xor',
    kind: 'toy',
    params: toyParams,
    task: 'binary',
    features: 2,
    classes: one,
    doc: 'Points in four quadrants; the class is on when exactly one coordinate is positive. No straight line separates them.',
  },
  {
    name: 'circle',
    kind: 'toy',
    params: toyParams,
    task: 'binary',
    features: 2,
    classes: one,
    doc: 'An inner disc of one class inside a ring of the other.',
  },
  {
    name: 'gaussian',
    kind: 'toy',
    params: toyParams,
    task: 'binary',
    features: 2,
    classes: one,
    doc: 'Two Gaussian clouds, one per class; nearly linearly separable.',
  },
  {
    name: 'spiral',
    kind: 'toy',
    params: [
      ...toyParams,
      intParam(
        'classes',
        'optional',
        'Number of spiral arms, one class each (a whole number ≥ 2); omit for the binary spiral.',
        2,
      ),
    ],
    features: 2,
    classes: (p) => (p.classes === undefined ? 1 : numberOf(p, 'classes', 2)),
    doc: 'Interleaved spiral arms; hard for a small network. Binary with two arms, multiclass with `classes: K` arms.',
  },
  {
    name: 'moons',
    kind: 'toy',
    params: toyParams,
    task: 'binary',
    features: 2,
    classes: one,
    doc: 'Two interlocking half-moons.',
  },
  {
    name: 'blobs',
    kind: 'toy',
    params: [
      ...toyParams,
      intParam(
        'classes',
        TOY_DEFAULTS.blobClasses,
        `Number of clusters, one class each (a whole number ≥ 2, default ${TOY_DEFAULTS.blobClasses}).`,
        2,
      ),
    ],
    task: 'multiclass',
    features: 2,
    classes: (p) => numberOf(p, 'classes', TOY_DEFAULTS.blobClasses),
    doc: 'K round clusters of points, one class per cluster.',
  },
  {
    name: 'plane',
    kind: 'toy',
    params: toyParams,
    task: 'regression',
    features: 2,
    classes: one,
    doc: 'Regression: the target is a linear function of the two coordinates.',
  },
  {
    name: 'sine',
    kind: 'toy',
    params: toyParams,
    task: 'regression',
    features: 2,
    classes: one,
    doc: 'Regression: the target follows a sine wave over the plane; needs a nonlinear model.',
  },
  {
    name: 'iris',
    kind: 'bundled',
    params: [],
    task: 'multiclass',
    features: 4,
    classes: () => 3,
    doc: 'Fisher’s iris flowers: 150 rows, 4 measurements, 3 species.',
  },
  {
    name: 'digits',
    kind: 'bundled',
    params: [],
    task: 'multiclass',
    features: 64,
    classes: () => 10,
    doc: 'Handwritten digits as 8×8 pixel counts: 1797 rows, 64 features, 10 classes.',
  },
  {
    name: 'csv',
    kind: 'csv',
    params: [
      {
        name: 'path',
        type: 'string',
        required: true,
        doc: 'The CSV file, relative to the .nn file and inside the workspace.',
      },
      {
        name: 'target',
        type: 'string',
        required: true,
        doc: 'The column to predict; several comma-separated 0/1 columns for multilabel.',
      },
    ],
    doc: 'Your own data: a CSV file with a header row.',
  },
];

/**
 * The task a dataset fits with these parameters: fixed for most, multiclass for `spiral(classes: K)`,
 * binary for plain `spiral`, and undefined for csv (it depends on the target column and the model's task).
 */
export function datasetTask(def: DatasetDef, params: ParamValues): TaskKind | undefined {
  if (def.name === 'spiral') return params.classes === undefined ? 'binary' : 'multiclass';
  return def.task;
}
