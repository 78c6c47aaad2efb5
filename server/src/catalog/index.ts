/**
 * The catalog: activations, tasks, losses, optimizers, inits, regularizers, datasets and keywords, defined once.
 * Every other part of NN Studio reads them from here.
 */
import { ACTIVATIONS } from './activations';
import { DATASETS } from './datasets';
import { INITS } from './inits';
import { LOSSES } from './losses';
import { OPTIMIZERS } from './optimizers';
import { REGULARIZERS } from './regularizers';
import { TASKS } from './tasks';
import type {
  ActivationDef,
  ActivationName,
  ActivationProperties,
  DatasetDef,
  InitDef,
  LossDef,
  OptimizerDef,
  ParamValues,
  RegularizerDef,
  TaskDef,
} from './types';

export * from './types';
export { ACTIVATIONS, SELU_ALPHA, SELU_LAMBDA } from './activations';
export { COMPARE_CHOICES, COMPARE_DEFAULTS, COMPARE_OFFERS, type CompareOffer } from './activations/compare';
export { DATASETS, datasetTask, TOY_DEFAULTS } from './datasets';
export {
  DEFAULT_FEATURES,
  featureNamed,
  FEATURES,
  featureTransform,
  findFeature,
  isFeatureName,
  isIdentityFeatures,
  type FeatureDef,
  type FeatureName,
  type FeatureTransform,
} from './features';
export { TRAIN_DEFAULTS, type TrainDefaults } from './train';
export { INITS } from './inits';
export { LOSSES } from './losses';
export { DEFAULT_OPTIMIZER, learningRateOf, OPTIMIZERS } from './optimizers';
export { REGULARIZERS } from './regularizers';
export { TASKS } from './tasks';
export { MODEL_KEYWORDS, TOP_LEVEL_KEYWORDS, TRAIN_KEYWORDS, type KeywordDoc } from './keywords';
export { numberValue, resolveParams } from './params';
export { didYouMean, editDistance } from './suggest';

interface Named {
  name: string;
  aliases?: readonly string[];
}

/** A lookup by name and alias (exact spelling). */
function indexByName<T extends Named>(defs: readonly T[]): { find(name: string): T | undefined } {
  const map = new Map<string, T>();
  for (const def of defs) {
    for (const key of [def.name, ...(def.aliases ?? [])]) {
      if (map.has(key)) throw new Error(`catalog: '${key}' is defined twice`);
      map.set(key, def);
    }
  }
  return { find: (name) => map.get(name) };
}

const activations = indexByName(ACTIVATIONS);
const tasks = indexByName(TASKS);
const losses = indexByName(LOSSES);
const optimizers = indexByName(OPTIMIZERS);
const inits = indexByName(INITS);
const regularizers = indexByName(REGULARIZERS);
const datasets = indexByName(DATASETS);

export const findActivation = (nameOrAlias: string): ActivationDef | undefined => activations.find(nameOrAlias);
const byCanonicalName = new Map<string, ActivationDef>(ACTIVATIONS.map((def) => [def.name, def]));
/** The entry of a canonical name. Total: every `ActivationName` has an entry. */
export const activationNamed = (name: ActivationName): ActivationDef => byCanonicalName.get(name)!;
/** Whether `text` is a canonical activation name (not an alias): the check where names arrive as plain text. */
export const isActivationName = (text: string): text is ActivationName => byCanonicalName.has(text);
export const findTask = (name: string): TaskDef | undefined => tasks.find(name);
export const findLoss = (nameOrAlias: string): LossDef | undefined => losses.find(nameOrAlias);
export const findOptimizer = (name: string): OptimizerDef | undefined => optimizers.find(name);
export const findInit = (nameOrAlias: string): InitDef | undefined => inits.find(nameOrAlias);
export const findRegularizer = (name: string): RegularizerDef | undefined => regularizers.find(name);
export const findDataset = (name: string): DatasetDef | undefined => datasets.find(name);

/**
 * The properties of an activation with these parameters. Same as `def.properties` except that smoothness
 * follows the kinks these parameters leave: leaky_relu with α = 1 is linear (smooth), elu is smooth only with
 * α = 1. Maxout is never smooth (a max of pieces), though its per-piece scalar form has no kink.
 */
export function propertiesFor(def: ActivationDef, params: ParamValues): ActivationProperties {
  return { ...def.properties, smooth: def.shape !== 'maxout' && def.kinks(params).length === 0 };
}
