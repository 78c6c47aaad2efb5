/** The list of checks. Each check is one file in rules/ and one line here; docs/checks.md is generated from this list. */
import { TRAINING_CHECKS } from '../train/checks';
import { CORE_CODES } from './knownCodes';
import { allLinear } from './rules/allLinear';
import { dataTask } from './rules/dataTask';
import { doubleActivation } from './rules/doubleActivation';
import { dyingReluRisk } from './rules/dyingReluRisk';
import { highLearningRate } from './rules/highLearningRate';
import { initMismatch } from './rules/initMismatch';
import { layerAfterOutput } from './rules/layerAfterOutput';
import { linearHidden } from './rules/linearHidden';
import { lossMismatch } from './rules/lossMismatch';
import { maxoutCost } from './rules/maxoutCost';
import { missingTask } from './rules/missingTask';
import { mixedHidden } from './rules/mixedHidden';
import { modelSize } from './rules/modelSize';
import { outputActivation } from './rules/outputActivation';
import { outputUnits } from './rules/outputUnits';
import { paramRange } from './rules/paramRange';
import { regressionReluOutput } from './rules/regressionReluOutput';
import { saturatingStack } from './rules/saturatingStack';
import { seluSetup } from './rules/seluSetup';
import { sigmoidHidden } from './rules/sigmoidHidden';
import { softmaxHidden } from './rules/softmaxHidden';
import { softmaxOneUnit } from './rules/softmaxOneUnit';
import { stepActivation } from './rules/stepActivation';
import { unknownSuppression, unusedSuppression } from './rules/suppressionCodes';
import type { CheckDef } from './types';

/** In the order of rules.md. */
export const CHECKS: readonly CheckDef[] = [
  sigmoidHidden,
  saturatingStack,
  linearHidden,
  allLinear,
  stepActivation,
  softmaxHidden,
  softmaxOneUnit,
  outputUnits,
  outputActivation,
  regressionReluOutput,
  lossMismatch,
  missingTask,
  dyingReluRisk,
  initMismatch,
  seluSetup,
  mixedHidden,
  paramRange,
  maxoutCost,
  layerAfterOutput,
  modelSize,
  doubleActivation,
  highLearningRate,
  dataTask,
  unusedSuppression,
  unknownSuppression,
];

const byCode = new Map(CHECKS.map((c) => [c.code, c]));

export function findCheck(code: string): CheckDef | undefined {
  return byCode.get(code);
}

/** Every code NN Studio reports: the checks, the parser and semantic analysis, and the training checks. */
export const ALL_CODES: ReadonlySet<string> = new Set([
  ...CHECKS.map((c) => c.code),
  ...CORE_CODES.map((c) => c.code),
  ...TRAINING_CHECKS.map((c) => c.code),
]);
