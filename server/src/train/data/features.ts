/** The `features` transform on a loaded dataset: each 2-D point (x1, x2) becomes the features listed. */
import { featureTransform, isIdentityFeatures, type FeatureName } from '../../catalog';
import { DataError, type Dataset } from './types';

/**
 * The dataset as the network sees it with these features: the same rows and targets, one column per feature
 * (computed from the raw point, before any standardization). Without features, or with `x1, x2`, the dataset itself.
 * Throws DataError when features are asked of data that is not 2-D.
 */
export function withFeatures(dataset: Dataset, features: readonly FeatureName[] | undefined): Dataset {
  if (!features || isIdentityFeatures(features)) return dataset;
  if (dataset.features !== 2) {
    throw new DataError(`'features' needs 2-D points (x1, x2), but '${dataset.name}' has ${dataset.features} columns`);
  }
  const k = features.length;
  const x = new Float64Array(dataset.n * k);
  const transform = featureTransform(features);
  for (let r = 0; r < dataset.n; r++) transform(dataset.x[2 * r], dataset.x[2 * r + 1], x, r * k);
  return { ...dataset, features: k, x, featureNames: [...features] };
}
