/** saturated-units: most units of a sigmoid/tanh layer sit where the curve is flat, so little gradient passes. */
import type { TrainingFinding } from '../../protocol';
import type { TrainingThresholds } from './thresholds';
import { percent, type CheckContext } from './types';

export function saturatedUnits(context: CheckContext, t: Pick<TrainingThresholds, 'saturatedFraction' | 'saturationSamples'>): TrainingFinding[] {
  const last = context.history[context.history.length - 1];
  if (!last) return [];
  const findings: TrainingFinding[] = [];
  last.layers.forEach((health, i) => {
    const facts = context.layers[i];
    const saturated = health.saturatedFraction;
    if (!facts?.saturating || facts.role !== 'hidden' || saturated === undefined || saturated < t.saturatedFraction) return;
    findings.push({
      code: 'saturated-units',
      severity: 'warning',
      message: `${percent(saturated)} of the units in '${facts.name}' (${facts.activation}) sit on the flat part of the curve for ${percent(t.saturationSamples)} or more of the samples, so almost no gradient gets through — use relu in hidden layers or standardize the inputs`,
      layer: facts.name,
      sourceIndex: facts.sourceIndex,
      epoch: context.epoch,
    });
  });
  return findings;
}
