/**
 * loss-plateau: over the last part of the run the training loss stopped improving while it is still far
 * from a good fit (above a fraction of where it started).
 */
import type { TrainingFinding } from '../../protocol';
import type { TrainingThresholds } from './thresholds';
import { compact, percent, type CheckContext } from './types';

export function lossPlateau(
  context: CheckContext,
  t: Pick<TrainingThresholds, 'plateauWindow' | 'plateauImprovement' | 'plateauFar' | 'plateauMinEpochs'>,
): TrainingFinding[] {
  const { history } = context;
  if (history.length < t.plateauMinEpochs) return [];
  const span = Math.max(2, Math.ceil(history.length * t.plateauWindow));
  const start = history[history.length - span].trainLoss;
  const window = history.slice(-span + 1);
  const bestInWindow = Math.min(...window.map((r) => r.trainLoss));
  const first = history[0].trainLoss;
  const current = history[history.length - 1].trainLoss;
  if (!Number.isFinite(start) || !(start > 0)) return [];
  const improvement = (start - bestInWindow) / start;
  if (improvement >= t.plateauImprovement || current < t.plateauFar * first) return [];
  return [{
    code: 'loss-plateau',
    severity: 'info',
    message: `the training loss improved by less than ${percent(t.plateauImprovement)} over the last ${span} epochs and is still ${compact(current)} (it started at ${compact(first)}) — the model is stuck: try relu hidden layers, a different learning rate or more units`,
    epoch: context.epoch,
  }];
}
