/** vanishing-gradient: the first hidden layer gets a tiny fraction of the output layer's gradient, epoch after epoch. */
import { compact, defineTrainingCheck, saturatingHidden } from './types';

export const vanishingGradient = defineTrainingCheck({
  code: 'vanishing-gradient',
  severity: 'warning',
  title: 'Vanishing gradient',
  summary: 'The first hidden layer’s gradient stays tiny next to the output layer’s, epoch after epoch.',
  template:
    "the gradient reaching '{layer}' has been under {ratio}× the output layer's for the last {epochs} epochs, so the first layer barely learns — use relu (or another non-saturating activation) in the hidden layers",
  explanation: [
    'Backpropagation carries the gradient from the output down to the first layer, multiplying it on the way by each ' +
      'layer’s weights and its activation’s slopes. Slopes below 1, as sigmoid’s (at most 0.25) and tanh’s away from 0, ' +
      'can shrink it layer after layer until the first layers receive almost nothing.',
    'Those layers then barely change, and the network trains as if it were only as deep as its last few layers. The ' +
      'check compares the gradient norms of the first hidden layer and of the output layer over the last epochs.',
  ].join('\n\n'),
  fixes: { relu: 'Switch the saturating hidden layers (sigmoid, tanh and their kin) to relu.' },
  remedy:
    'Use relu-family activations in the hidden layers, use fewer saturating layers, and keep the init that matches the activation.',
  settings: ['vanishingRatio', 'vanishingEpochs'],
  example: {
    text:
      'model m {\n  task binary\n  input 2\n' +
      '  dense 8 sigmoid\n'.repeat(6) +
      '  dense 1 sigmoid\n}\n\n' +
      'train m {\n  data circle(points: 200)\n  epochs 12\n}\n',
  },
  check(context, t) {
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
    return [
      {
        message: `the gradient reaching '${facts.name}' has been under ${compact(worst)}× the output layer's for the last ${t.vanishingEpochs} epochs, so the first layer barely learns — use relu (or another non-saturating activation) in the hidden layers`,
        layer: facts.name,
        sourceIndex: facts.sourceIndex,
        epoch: context.epoch,
      },
    ];
  },
  fix(_finding, context) {
    const layers = saturatingHidden(context);
    if (layers.length === 0) return [];
    return [
      {
        id: 'relu',
        title:
          layers.length === 1
            ? 'Switch the saturating hidden layer to relu'
            : `Switch the ${layers.length} saturating hidden layers to relu`,
        change: { kind: 'setActivation', sourceIndices: layers, activation: 'relu' },
      },
    ];
  },
});
