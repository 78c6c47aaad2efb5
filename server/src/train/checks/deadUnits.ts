/** dead-units: a large share of a ReLU-family layer's units output 0 for every sample, so they stop learning. */
import type { TrainingFinding } from '../../protocol';
import type { TrainingThresholds } from './thresholds';
import { percent, type CheckContext } from './types';

export function deadUnits(context: CheckContext, t: Pick<TrainingThresholds, 'deadFraction'>): TrainingFinding[] {
  const last = context.history[context.history.length - 1];
  if (!last) return [];
  const findings: TrainingFinding[] = [];
  last.layers.forEach((health, i) => {
    const facts = context.layers[i];
    const dead = health.deadFraction;
    if (!facts?.canDie || facts.role !== 'hidden' || dead === undefined || dead < t.deadFraction) return;
    findings.push({
      code: 'dead-units',
      severity: 'warning',
      message: `${percent(dead)} of the units in '${facts.name}' (${facts.activation}) output 0 for every sample, so they no longer learn — lower the learning rate or use leaky_relu`,
      layer: facts.name,
      sourceIndex: facts.sourceIndex,
      epoch: context.epoch,
    });
  });
  return findings;
}
