/** Epochs-to-threshold for the compare view. */
import type { RunThreshold } from '../../../server/src/protocol';
import type { RunRecord } from './state';

/** The first reported epoch at which the run meets the threshold, or undefined if it has not yet. */
export function epochsToThreshold(run: RunRecord, threshold: RunThreshold | undefined): number | undefined {
  if (!threshold) return undefined;
  const series = threshold.key === 'valLoss' ? run.valLoss : run.valMetric;
  for (let i = 0; i < series.length; i++) {
    const v = series[i];
    if (threshold.direction === 'atLeast' ? v >= threshold.value : v <= threshold.value) return run.epochs[i];
  }
  return undefined;
}

/** Words for the threshold, e.g. `validation accuracy ≥ 90%`. */
export function describeThreshold(threshold: RunThreshold, metric: 'accuracy' | 'mae' | undefined): string {
  const what = threshold.key === 'valLoss' ? 'validation loss' : `validation ${metric === 'mae' ? 'MAE' : 'accuracy'}`;
  const sign = threshold.direction === 'atLeast' ? '≥' : '≤';
  const value =
    threshold.key === 'valMetric' && metric !== 'mae' ? `${Number((threshold.value * 100).toPrecision(3))}%` : String(threshold.value);
  return `${what} ${sign} ${value}`;
}
