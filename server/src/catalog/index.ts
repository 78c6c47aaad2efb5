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
  ActivationDef, ActivationProperties, DatasetDef, InitDef, LossDef, OptimizerDef, ParamValues, RegularizerDef, TaskDef,
} from './types';
import { numberOf } from './params';

export * from './types';
export { ACTIVATIONS, PROPERTY_TABLE, SELU_ALPHA, SELU_LAMBDA } from './activations';
export { DATASETS, datasetTask } from './datasets';
export { INITS } from './inits';
export { LOSSES } from './losses';
export { OPTIMIZERS } from './optimizers';
export { REGULARIZERS } from './regularizers';
export { TASKS } from './tasks';
export { MODEL_KEYWORDS, TOP_LEVEL_KEYWORDS, TRAIN_KEYWORDS, type KeywordDoc } from './keywords';
export { resolveParams } from './params';
export { didYouMean, editDistance } from './suggest';

interface Named {
  name: string;
  aliases?: readonly string[];
}

/** A lookup by name and alias (exact spelling), plus the list of every spelling for suggestions. */
function indexByName<T extends Named>(defs: readonly T[]): { find(name: string): T | undefined; names: readonly string[] } {
  const map = new Map<string, T>();
  for (const def of defs) {
    for (const key of [def.name, ...(def.aliases ?? [])]) {
      if (map.has(key)) throw new Error(`catalog: '${key}' is defined twice`);
      map.set(key, def);
    }
  }
  return { find: (name) => map.get(name), names: [...map.keys()] };
}

const activations = indexByName(ACTIVATIONS);
const tasks = indexByName(TASKS);
const losses = indexByName(LOSSES);
const optimizers = indexByName(OPTIMIZERS);
const inits = indexByName(INITS);
const regularizers = indexByName(REGULARIZERS);
const datasets = indexByName(DATASETS);

export const findActivation = (nameOrAlias: string): ActivationDef | undefined => activations.find(nameOrAlias);
export const findTask = (name: string): TaskDef | undefined => tasks.find(name);
export const findLoss = (nameOrAlias: string): LossDef | undefined => losses.find(nameOrAlias);
export const findOptimizer = (name: string): OptimizerDef | undefined => optimizers.find(name);
export const findInit = (nameOrAlias: string): InitDef | undefined => inits.find(nameOrAlias);
export const findRegularizer = (name: string): RegularizerDef | undefined => regularizers.find(name);
export const findDataset = (name: string): DatasetDef | undefined => datasets.find(name);

/** Every accepted spelling (names and aliases), for "did you mean" and completion. */
export const ACTIVATION_NAMES = activations.names;
export const TASK_NAMES = tasks.names;
export const LOSS_NAMES = losses.names;
export const OPTIMIZER_NAMES = optimizers.names;
export const INIT_NAMES = inits.names;
export const REGULARIZER_NAMES = regularizers.names;
export const DATASET_NAMES = datasets.names;

/**
 * The properties of an activation with these parameters. Same as `def.properties` except where a parameter
 * changes them: leaky_relu with α = 1 is linear (smooth), and elu is smooth only with α = 1.
 */
export function propertiesFor(def: ActivationDef, params: ParamValues): ActivationProperties {
  const p = { ...def.properties };
  if (def.name === 'elu') p.smooth = numberOf(params, 'alpha', 1) === 1;
  if (def.name === 'leaky_relu') p.smooth = numberOf(params, 'alpha', 0.01) === 1;
  return p;
}
