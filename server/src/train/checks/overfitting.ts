/** overfitting: the validation loss keeps rising above its best while the training loss keeps falling. */
import type { TrainingFinding } from '../../protocol';
import type { TrainingThresholds } from './thresholds';
import { compact, type CheckContext } from './types';

export function overfitting(context: CheckContext, t: Pick<TrainingThresholds, 'overfittingEpochs'>): TrainingFinding[] {
  const { history } = context;
  let best = -1;
  history.forEach((r, i) => {
    if (Number.isFinite(r.valLoss) && (best < 0 || r.valLoss < history[best].valLoss)) best = i;
  });
  if (best < 0) return [];
  const last = history.length - 1;
  if (last - best < t.overfittingEpochs) return [];
  const tail = history.slice(best);
  // Rising: each of the epochs since the best is above the best, and the latest is the highest so far or near it.
  const risen = tail.slice(1).every((r) => r.valLoss > history[best].valLoss);
  const trainFalling = history[last].trainLoss < history[best].trainLoss;
  if (!risen || !trainFalling || history[last].valLoss <= history[best].valLoss) return [];
  return [{
    code: 'overfitting',
    severity: 'warning',
    message: `the validation loss has risen for ${last - best} epochs (from ${compact(history[best].valLoss)} at epoch ${history[best].epoch} to ${compact(history[last].valLoss)}) while the training loss kept falling — stop earlier, add dropout or regularize`,
    epoch: context.epoch,
  }];
}
