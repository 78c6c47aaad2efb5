/** saturated-units: most units of a sigmoid/tanh layer sit where the curve is flat, so little gradient passes. */
import { defineTrainingCheck, hiddenLayerFindings, percent, switchActivationFix } from './types';

export const saturatedUnits = defineTrainingCheck({
  code: 'saturated-units',
  severity: 'warning',
  title: 'Saturated sigmoid or tanh units',
  summary: 'Most units of a sigmoid or tanh hidden layer sit in the flat tails of the curve for almost every sample.',
  template:
    "{share} of the units in '{layer}' ({activation}) sit on the flat part of the curve for {samples} or more of the samples, so almost no gradient gets through — use relu in hidden layers or standardize the inputs",
  explanation: [
    'Sigmoid and tanh flatten out for large inputs: far from 0 their slope is almost 0. A unit whose input is large for ' +
      'nearly every sample passes almost no gradient back, so neither it nor the layers below it learn much.',
    'Inputs on a large scale, or weights grown large under a high learning rate, push the units there. The check ' +
      'counts a unit as saturated on a sample when its slope is below a small share of the curve’s steepest slope.',
  ].join('\n\n'),
  fixes: { relu: 'Switch the layer to relu, which does not flatten out for positive inputs.' },
  remedy: 'Use relu in hidden layers, standardize the inputs (`normalize on`), or lower the learning rate.',
  settings: ['saturatedFraction', 'saturationDerivative', 'saturationSamples'],
  example: {
    text:
      'model m {\n  task binary\n  input 2\n  dense 16 tanh\n  dense 1 sigmoid\n  optimizer sgd(lr: 10)\n}\n\n' +
      'train m {\n  data circle(points: 200)\n  epochs 20\n}\n',
  },
  check(context, t) {
    return hiddenLayerFindings(context, (health, facts) => {
      const saturated = health.saturatedFraction;
      if (!facts.saturating || saturated === undefined || saturated < t.saturatedFraction) return undefined;
      return `${percent(saturated)} of the units in '${facts.name}' (${facts.activation}) sit on the flat part of the curve for ${percent(t.saturationSamples)} or more of the samples, so almost no gradient gets through — use relu in hidden layers or standardize the inputs`;
    });
  },
  fix(finding) {
    return switchActivationFix(finding, 'relu');
  },
});
