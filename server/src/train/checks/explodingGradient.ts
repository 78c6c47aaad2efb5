/** exploding-gradient: a runaway gradient norm, or NaN/Infinity in the loss (the run stops there). */
import type { TrainingFinding } from '../../protocol';
import { compact, defineTrainingCheck, type TrainingCheckContext } from './types';

/** A tenth of the learning rate, rounded to one significant digit. */
export function lowerLearningRate(lr: number): number {
  return Number((lr / 10).toPrecision(1));
}

export const explodingGradient = defineTrainingCheck({
  code: 'exploding-gradient',
  severity: 'warning',
  title: 'Exploding gradient or divergence',
  summary: 'A layer’s gradient norm runs away, or the loss becomes NaN or infinite (then the run stops).',
  template:
    "the gradient of '{layer}' reached a norm of {norm} at epoch {epoch} (above {limit}) — lower the learning rate or standardize the data",
  explanation: [
    'When the updates are too large, each step overshoots and the next gradient is larger still: the weights grow ' +
      'without bound until the values overflow. A very large gradient norm is the warning sign; a loss or a layer ' +
      'output that becomes NaN or infinite is the end of it.',
    'In that second case the run stops before the bad update, so the saved weights stay finite, and the finding is an ' +
      'error that names the layer and the epoch where it happened. Too high a learning rate and inputs on a large ' +
      'scale are the usual causes.',
  ].join('\n\n'),
  fixes: { 'lower-lr': 'Set the learning rate to a tenth of what the run used (an `lr` line in the train block).' },
  remedy: 'Lower the learning rate, standardize the inputs (`normalize on`), or add a regularizer.',
  settings: ['explodingNorm'],
  example: {
    text:
      'model m {\n  task regression\n  input 2\n  dense 16 relu\n  dense 1\n  optimizer sgd(lr: 1)\n}\n\n' +
      'train m {\n  data sine(points: 200)\n  epochs 10\n}\n',
  },
  check(context, t) {
    const d = context.divergence;
    if (d?.nonFinite) {
      return [
        {
          severity: 'error',
          message: `training diverged at epoch ${d.epoch}: '${d.layer}' produced NaN or infinite values, so the run stopped — lower the learning rate or standardize the data`,
          layer: d.layer,
          sourceIndex: d.sourceIndex,
          epoch: d.epoch,
        },
      ];
    }
    let worst: { norm: number; layer: number; epoch: number } | undefined;
    for (const record of context.history) {
      record.layers.forEach((health, i) => {
        if (health.gradNorm > t.explodingNorm && (!worst || health.gradNorm > worst.norm))
          worst = { norm: health.gradNorm, layer: i, epoch: record.epoch };
      });
    }
    if (!worst) return [];
    const facts = context.layers[worst.layer];
    return [
      {
        message: `the gradient of '${facts.name}' reached a norm of ${compact(worst.norm)} at epoch ${worst.epoch} (above ${compact(t.explodingNorm)}) — lower the learning rate or standardize the data`,
        layer: facts.name,
        sourceIndex: facts.sourceIndex,
        epoch: worst.epoch,
      },
    ];
  },
  fix(_finding: TrainingFinding, context: TrainingCheckContext) {
    const lr = context.learningRate;
    if (lr === undefined || !(lr > 0) || !Number.isFinite(lr)) return [];
    const lower = lowerLearningRate(lr);
    return [
      { id: 'lower-lr', title: `Lower the learning rate to ${lower}`, change: { kind: 'setLearningRate', lr: lower } },
    ];
  },
});
