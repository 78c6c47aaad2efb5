/** vanishing-gradient: the first hidden layer gets a tiny fraction of the output layer's gradient, epoch after epoch. */
import type { TrainingFinding } from '../../protocol';
import type { TrainingThresholds } from './thresholds';
import { compact, type CheckContext } from './types';

export function vanishingGradient(context: CheckContext, t: Pick<TrainingThresholds, 'vanishingRatio' | 'vanishingEpochs'>): TrainingFinding[] {
  const { history, layers } = context;
  if (layers.length < 2 || layers[0].role !== 'hidden' || history.length < t.vanishingEpochs) return [];
  const outputIndex = layers.length - 1;
  let worst = 0;
  for (const record of history.slice(-t.vanishingEpochs)) {
    const first = record.layers[0]?.gradNorm;
    const output = record.layers[outputIndex]?.gradNorm;
    if (first === undefined || output === undefined || !(output > 0)) return [];
    const ratio = first / output;
    if (!(ratio < t.vanishingRatio)) return [];
    worst = Math.max(worst, ratio);
  }
  const facts = layers[0];
  return [{
    code: 'vanishing-gradient',
    severity: 'warning',
    message: `the gradient reaching '${facts.name}' has been under ${compact(worst)}× the output layer's for the last ${t.vanishingEpochs} epochs, so the first layer barely learns — use relu (or another non-saturating activation) in the hidden layers`,
    layer: facts.name,
    sourceIndex: facts.sourceIndex,
    epoch: context.epoch,
  }];
}
