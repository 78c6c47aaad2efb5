/** Whether an epoch's validation results meet a run's target (`StartRun.target`). */
import type { RunThreshold } from '../protocol';

export function meetsTarget(target: RunThreshold, validation: { loss: number; metric: number }): boolean {
  const value = target.key === 'valLoss' ? validation.loss : validation.metric;
  // NaN (no validation rows, a diverged loss) meets no target.
  return target.direction === 'atLeast' ? value >= target.value : value <= target.value;
}
