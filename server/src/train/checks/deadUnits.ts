/** dead-units: a large share of a ReLU-family layer's units output 0 for every sample, so they stop learning. */
import { defineTrainingCheck, hiddenLayerFindings, percent, switchActivationFix } from './types';

export const deadUnits = defineTrainingCheck({
  code: 'dead-units',
  severity: 'warning',
  title: 'Dead ReLU units',
  summary: 'A large share of a ReLU-family hidden layer’s units output 0 for every validation sample.',
  template:
    "{share} of the units in '{layer}' ({activation}) output 0 for every sample, so they no longer learn — lower the learning rate or use leaky_relu",
  explanation: [
    'A ReLU unit outputs 0 whenever its input is negative, and there its slope is 0 too. A unit whose input is negative ' +
      'for every sample therefore passes no gradient back: its weights never change again, and it stays silent for ' +
      'the rest of the run. It is wasted capacity.',
    'A large learning rate is the usual cause: one big update can push a unit’s weights and bias so far that no sample ' +
      'reaches its positive side any more. The check measures this after every epoch on the validation rows.',
  ].join('\n\n'),
  fixes: { leaky_relu: 'Switch the layer to leaky_relu, whose negative side still passes a gradient.' },
  remedy:
    'Lower the learning rate, use `leaky_relu` (or elu, gelu) whose negative side still passes a gradient, or keep He init.',
  settings: ['deadFraction'],
  example: {
    text:
      'model m {\n  task binary\n  input 2\n  dense 16 relu\n  dense 1 sigmoid\n  optimizer sgd(lr: 10)\n}\n\n' +
      'train m {\n  data circle(points: 200)\n  epochs 20\n}\n',
  },
  check(context, t) {
    return hiddenLayerFindings(context, (health, facts) => {
      const dead = health.deadFraction;
      if (!facts.canDie || dead === undefined || dead < t.deadFraction) return undefined;
      return `${percent(dead)} of the units in '${facts.name}' (${facts.activation}) output 0 for every sample, so they no longer learn — lower the learning rate or use leaky_relu`;
    });
  },
  fix(finding) {
    return switchActivationFix(finding, 'leaky_relu');
  },
});
