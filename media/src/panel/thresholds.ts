/** Epochs-to-threshold for the compare view. */
import type { RunThreshold } from '../../../server/src/protocol';
import type { RunRecord } from './state';

/**
 * The first epoch at which the run met the threshold, as the trainer reported it (it checks every epoch,
 * including those it did not send), or undefined while it has not, or when there is no threshold.
 */
export function epochsToThreshold(run: RunRecord, threshold: RunThreshold | undefined): number | undefined {
  if (!threshold) return undefined;
  return run.finished?.reachedAt ?? run.latest?.reachedAt;
}

/** Words for the threshold, e.g. `validation accuracy ≥ 90%`. */
export function describeThreshold(threshold: RunThreshold, metric: 'accuracy' | 'mae' | undefined): string {
  const what = threshold.key === 'valLoss' ? 'validation loss' : `validation ${metric === 'mae' ? 'MAE' : 'accuracy'}`;
  const sign = threshold.direction === 'atLeast' ? '≥' : '≤';
  const value =
    threshold.key === 'valMetric' && metric !== 'mae'
      ? `${Number((threshold.value * 100).toPrecision(3))}%`
      : String(threshold.value);
  return `${what} ${sign} ${value}`;
}
