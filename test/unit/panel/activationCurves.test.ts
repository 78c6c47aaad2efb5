import assert from 'node:assert/strict';
import { findActivation } from '../../../server/src/catalog';
import { activationLabel, sampleActivation, CURVE_SAMPLES } from '../../../server/src/features/panel/curves';
import {
  estimateRemainingMs,
  formatDuration,
  formatMetric,
  formatNumber,
  formatPercent,
} from '../../../media/src/panel/numbers';

describe('activation curves for the panel', () => {
  for (const name of ['relu', 'tanh', 'sigmoid', 'leaky_relu', 'elu', 'gelu', 'swish']) {
    it(`${name}: samples f and f′ from the catalog on [-5, 5]`, () => {
      const curve = sampleActivation(name)!;
      const bound = findActivation(name)!.bind({});
      assert.equal(curve.xs.length, CURVE_SAMPLES);
      assert.equal(curve.xs[0], -5);
      assert.equal(curve.xs.at(-1), 5);
      for (const i of [0, 37, 100, 163, 200]) {
        assert.equal(curve.f[i], bound.f(curve.xs[i]));
        assert.equal(curve.df[i], bound.df(curve.xs[i]));
      }
    });
  }

  it('names a curve with the parameters that differ from the defaults', () => {
    assert.equal(activationLabel('leaky_relu', { alpha: 0.01 }), 'leaky_relu');
    assert.equal(activationLabel('leaky_relu', { alpha: 0.2 }), 'leaky_relu(alpha: 0.2)');
    assert.equal(sampleActivation('leaky_relu', { alpha: 0.2 })!.f[0], -1);
    assert.equal(activationLabel('logistic'), 'sigmoid');
  });

  it('shows softmax through its two-class form and refuses unknown names', () => {
    const softmax = sampleActivation('softmax')!;
    assert.equal(softmax.f[100], 0.5);
    assert.equal(sampleActivation('rleu'), undefined);
  });
});

describe('panel number formatting', () => {
  it('formats numbers, percentages and metrics compactly', () => {
    assert.equal(formatNumber(0.069123), '0.06912');
    assert.equal(formatNumber(0.00001234), '1.23e-5');
    assert.equal(formatNumber(Number.NaN), 'NaN');
    assert.equal(formatNumber(-Infinity), '−∞');
    assert.equal(formatNumber(undefined), '—');
    assert.equal(formatPercent(0.5), '50%');
    assert.equal(formatPercent(0.0625), '6.3%');
    assert.equal(formatPercent(undefined), '—');
    assert.equal(formatMetric(0.935, 'accuracy'), '93.5%');
    assert.equal(formatMetric(1.25, 'mae'), '1.25');
  });

  it('estimates the time left from the pace so far', () => {
    assert.equal(estimateRemainingMs(1000, 10, 30), 2000);
    assert.equal(estimateRemainingMs(1000, 30, 30), 0);
    assert.equal(estimateRemainingMs(0, 0, 30), undefined);
    assert.equal(formatDuration(65_000), '1:05');
    assert.equal(formatDuration(3_723_000), '1:02:03');
  });
});
