/** exploding-gradient: a runaway gradient norm, or NaN/Infinity in the loss (the run stops there). */
import type { TrainingFinding } from '../../protocol';
import type { TrainingThresholds } from './thresholds';
import { compact, type CheckContext } from './types';

export function explodingGradient(context: CheckContext, t: Pick<TrainingThresholds, 'explodingNorm'>): TrainingFinding[] {
  const d = context.divergence;
  if (d?.nonFinite) {
    return [{
      code: 'exploding-gradient',
      severity: 'error',
      message: `training diverged at epoch ${d.epoch}: '${d.layer}' produced NaN or infinite values, so the run stopped — lower the learning rate or standardize the data`,
      layer: d.layer,
      sourceIndex: d.sourceIndex,
      epoch: d.epoch,
    }];
  }
  let worst: { norm: number; layer: number; epoch: number } | undefined;
  for (const record of context.history) {
    record.layers.forEach((health, i) => {
      if (health.gradNorm > t.explodingNorm && (!worst || health.gradNorm > worst.norm)) worst = { norm: health.gradNorm, layer: i, epoch: record.epoch };
    });
  }
  if (!worst) return [];
  const facts = context.layers[worst.layer];
  return [{
    code: 'exploding-gradient',
    severity: 'warning',
    message: `the gradient of '${facts.name}' reached a norm of ${compact(worst.norm)} at epoch ${worst.epoch} (above ${compact(t.explodingNorm)}) — lower the learning rate or standardize the data`,
    layer: facts.name,
    sourceIndex: facts.sourceIndex,
    epoch: worst.epoch,
  }];
}
