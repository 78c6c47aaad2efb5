/**
 * loss-plateau: over the last part of the run the training loss stopped improving while it is still far
 * from a good fit (above a fraction of where it started).
 */
import { compact, defineTrainingCheck, percent } from './types';

export const lossPlateau = defineTrainingCheck({
  code: 'loss-plateau',
  severity: 'info',
  title: 'Training loss stopped improving',
  summary: 'The training loss stopped improving over the last part of the run while still far from a good fit.',
  template:
    'the training loss improved by less than {improvement} over the last {span} epochs and is still {loss} (it started at {first}) — the model is stuck: try relu hidden layers, a different learning rate or more units',
  explanation: [
    'Over the last part of the run the training loss has hardly moved, yet it is still more than half of where it ' +
      'started. The model is stuck rather than finished: more epochs alone will not help.',
    'A model too simple for the data (a network without non-linear hidden layers cannot fit XOR, for instance), a ' +
      'learning rate too small to make progress or too large to settle, and saturated or dead units are the usual causes.',
  ].join('\n\n'),
  fixes: {},
  remedy: 'Try relu hidden layers, a different learning rate, or more units.',
  settings: ['plateauWindow', 'plateauImprovement', 'plateauFar', 'plateauMinEpochs'],
  example: {
    text:
      'model m {\n  task binary\n  input 2\n  dense 4\n  dense 1 sigmoid\n  optimizer adam(lr: 0.05)\n}\n\n' +
      'train m {\n  data xor(points: 200)\n  epochs 30\n}\n',
  },
  check(context, t) {
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
    return [
      {
        message: `the training loss improved by less than ${percent(t.plateauImprovement)} over the last ${span} epochs and is still ${compact(current)} (it started at ${compact(first)}) — the model is stuck: try relu hidden layers, a different learning rate or more units`,
        epoch: context.epoch,
      },
    ];
  },
});
