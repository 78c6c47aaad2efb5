/**
 * The input features of `features` (language.md §4 Training): what a network sees of a 2-D point (x1, x2),
 * as TensorFlow Playground's feature checkboxes. Each is computed from the raw point before standardization.
 * The trainer, the decision-boundary grid, prediction and every exporter read the definitions here.
 */

export interface FeatureDef {
  name: string;
  /** The formula as shown in hovers and completion, e.g. `x1²`. */
  formula: string;
  /** What the feature lets the network see, in a sentence or two. */
  doc: string;
  /** The feature of the point (x1, x2). */
  value: (x1: number, x2: number) => number;
}

export const FEATURES = [
  {
    name: 'x1',
    formula: 'x1',
    doc: 'The first coordinate as it is: with it alone a unit can only split the plane by a vertical line.',
    value: (x1: number) => x1,
  },
  {
    name: 'x2',
    formula: 'x2',
    doc: 'The second coordinate as it is: with it alone a unit can only split the plane by a horizontal line.',
    value: (_x1: number, x2: number) => x2,
  },
  {
    name: 'x1sq',
    formula: 'x1²',
    doc: 'Grows with the distance from the vertical axis, on either side. With x2sq, one unit can already draw a circle or an ellipse.',
    value: (x1: number) => x1 * x1,
  },
  {
    name: 'x2sq',
    formula: 'x2²',
    doc: 'Grows with the distance from the horizontal axis, on either side. With x1sq, one unit can already draw a circle or an ellipse.',
    value: (_x1: number, x2: number) => x2 * x2,
  },
  {
    name: 'x1x2',
    formula: 'x1·x2',
    doc: 'Positive in two opposite quadrants and negative in the other two: the xor pattern, handed to the network ready-made.',
    value: (x1: number, x2: number) => x1 * x2,
  },
  {
    name: 'sinx1',
    formula: 'sin(x1)',
    doc: 'Repeats every 2π along the first coordinate, so waves and bands across the plane need fewer units.',
    value: (x1: number) => Math.sin(x1),
  },
  {
    name: 'sinx2',
    formula: 'sin(x2)',
    doc: 'Repeats every 2π along the second coordinate, so waves and bands across the plane need fewer units.',
    value: (_x1: number, x2: number) => Math.sin(x2),
  },
] as const satisfies readonly FeatureDef[];

export type FeatureName = (typeof FEATURES)[number]['name'];

/** What the network sees when a train block has no `features` line: the point itself. */
export const DEFAULT_FEATURES: readonly FeatureName[] = ['x1', 'x2'];

const byName = new Map<string, FeatureDef>(FEATURES.map((def) => [def.name, def]));

export const findFeature = (name: string): FeatureDef | undefined => byName.get(name);
export const isFeatureName = (name: string): name is FeatureName => byName.has(name);
/** The entry of a feature name. Total: every `FeatureName` has an entry. */
export const featureNamed = (name: FeatureName): FeatureDef => byName.get(name)!;

/** Writes the features of a point (x1, x2) into `out` from `offset`, in the order they were listed. */
export type FeatureTransform = (x1: number, x2: number, out: { [i: number]: number }, offset: number) => void;

/** The transform of these features (names resolved once, so it is cheap per point). */
export function featureTransform(features: readonly FeatureName[]): FeatureTransform {
  const values = features.map((name) => featureNamed(name).value);
  return (x1, x2, out, offset) => {
    for (let j = 0; j < values.length; j++) out[offset + j] = values[j](x1, x2);
  };
}

/** Whether the features are the raw point itself (`x1, x2` in that order), so no transform is needed. */
export function isIdentityFeatures(features: readonly FeatureName[] | undefined): boolean {
  return !features || (features.length === 2 && features[0] === 'x1' && features[1] === 'x2');
}
