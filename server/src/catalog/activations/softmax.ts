/** Softmax: an activation over the whole layer rather than per unit. */
import { sigmoid } from '../math';
import { defineActivation } from './define';

export const softmax = defineActivation({
  name: 'softmax',
  shape: 'softmax',
  /**
   * Softmax has no per-unit form: use `softmaxInto` and `softmaxBackwardInto` from catalog/math for a layer.
   * The scalar forms here describe one unit against a single rival logit of 0 (softmax([x, 0])₀ = σ(x)), so
   * df is the Jacobian's diagonal entry sᵢ(1 − sᵢ). They suit plots and hovers, not training.
   */
  bind: () => ({
    f: sigmoid,
    df(x) {
      return sigmoid(x) * sigmoid(-x);
    },
  }),
  family: 'softmax',
  // Monotonic: output i rises with its own logit.
  properties: ['outputOnly', 'monotonic', 'smooth'],
  formula: 'sⱼ = e^(zⱼ) / Σₖ e^(zₖ), over all units of the layer',
  derivative: '∂sᵢ/∂zⱼ = sᵢ·(δᵢⱼ − sⱼ)',
  range: '(0, 1) per unit; the outputs sum to 1',
  summary: 'Turns a layer of scores into probabilities that are positive and sum to 1.',
  goodFor:
    'The output of a classifier whose classes are mutually exclusive, one unit per class (multiclass). ' +
    'For labels that can be on together, use sigmoid instead.',
  pitfalls:
    'Only for an output layer. It couples all units of the layer, so raising one probability lowers the others; ' +
    'a single softmax unit always outputs 1.',
});
