/** The training checks, one file each, and the function that runs them over a run's history. */
import type { TrainingFinding } from '../../protocol';
import { withTrainingDefaults, type TrainingThresholds } from '../../thresholds';
import { deadUnits } from './deadUnits';
import { explodingGradient } from './explodingGradient';
import { lossPlateau } from './lossPlateau';
import { overfitting } from './overfitting';
import { saturatedUnits } from './saturatedUnits';
import type { TrainingCheckContext, TrainingCheckDef } from './types';
import { vanishingGradient } from './vanishingGradient';

export type { Divergence, EpochRecord, LayerFacts, TrainingCheckContext, TrainingCheckDef } from './types';

/** In the order of rules.md. */
export const TRAINING_CHECKS: readonly TrainingCheckDef[] = [
  deadUnits,
  saturatedUnits,
  vanishingGradient,
  explodingGradient,
  lossPlateau,
  overfitting,
];

export function findTrainingCheck(code: string): TrainingCheckDef | undefined {
  return TRAINING_CHECKS.find((c) => c.code === code);
}

/** One check's findings, with its code, its declared severity and the fixes it offers filled in. */
export function runTrainingCheck(
  check: TrainingCheckDef,
  context: TrainingCheckContext,
  thresholds: TrainingThresholds,
): TrainingFinding[] {
  return check.check(context, thresholds).map((found) => {
    const finding: TrainingFinding = { ...found, code: check.code, severity: found.severity ?? check.severity };
    const fixes = check.fix?.(finding, context) ?? [];
    if (fixes.length > 0) finding.fixes = fixes;
    return finding;
  });
}

export function runTrainingChecks(
  context: TrainingCheckContext,
  thresholds?: Partial<TrainingThresholds>,
): TrainingFinding[] {
  const t = withTrainingDefaults(thresholds);
  return TRAINING_CHECKS.flatMap((check) => runTrainingCheck(check, context, t));
}
