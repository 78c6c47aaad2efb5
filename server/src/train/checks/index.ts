/** Runs every training check over a run's history. */
import type { TrainingFinding } from '../../protocol';
import { deadUnits } from './deadUnits';
import { explodingGradient } from './explodingGradient';
import { lossPlateau } from './lossPlateau';
import { overfitting } from './overfitting';
import { saturatedUnits } from './saturatedUnits';
import { withDefaults, type TrainingThresholds } from './thresholds';
import type { CheckContext } from './types';
import { vanishingGradient } from './vanishingGradient';

export { DEFAULT_THRESHOLDS, withDefaults, type TrainingThresholds } from './thresholds';
export type { CheckContext, Divergence, EpochRecord, LayerFacts } from './types';

export const TRAINING_CHECKS = [deadUnits, saturatedUnits, vanishingGradient, explodingGradient, lossPlateau, overfitting] as const;

export function runTrainingChecks(context: CheckContext, thresholds?: Partial<TrainingThresholds>): TrainingFinding[] {
  const t = withDefaults(thresholds);
  return TRAINING_CHECKS.flatMap((check) => check(context, t));
}
