/** The panel's curves keep every epoch of a run, and thin a very long run to an even stride. */
import assert from 'node:assert/strict';
import { MAX_CURVE_POINTS, applyHostMessage, createState } from '../../../media/src/panel/state';
import type { EpochPoint, EpochProgress } from '../../../server/src/protocol';

function point(n: number): EpochPoint {
  return { epoch: n, trainLoss: 1 / n, valLoss: 2 / n, trainMetric: 0.5, valMetric: 0.5, gradNorms: [n] };
}

function epoch(n: number, earlier: EpochPoint[] = []): EpochProgress {
  return {
    ...point(n),
    type: 'epoch',
    runId: 'long',
    epochs: 1_000_000,
    metricName: 'accuracy',
    elapsedMs: n,
    samplesPerSecond: 1,
    layers: [
      { name: 'dense_1', sourceIndex: 0, activation: 'relu', gradNorm: n, histogram: { min: 0, max: 1, counts: [] } },
    ],
    findings: [],
    earlier,
  };
}

describe('panel curves', () => {
  it('keep every epoch, from the batches and from the messages themselves', () => {
    const state = createState();
    applyHostMessage(state, epoch(1));
    applyHostMessage(
      state,
      epoch(
        50,
        Array.from({ length: 48 }, (_, i) => point(i + 2)),
      ),
    );
    const run = state.train[0];
    assert.deepEqual(
      run.epochs,
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    assert.deepEqual(run.gradNorms[0], run.epochs);
  });

  it('thin a long run to evenly spaced epochs, between half and all of MAX_CURVE_POINTS, plus the newest', () => {
    const state = createState();
    const total = 5 * MAX_CURVE_POINTS + 3;
    for (let n = 1; n <= total; n += 100) {
      const last = Math.min(n + 99, total);
      const between = [];
      for (let k = n; k < last; k++) between.push(point(k));
      applyHostMessage(state, epoch(last, between));
      const run = state.train[0];
      assert.ok(run.epochs.length <= MAX_CURVE_POINTS + 1, `${run.epochs.length} points after epoch ${last}`);
      assert.equal(run.epochs.at(-1), last);
    }
    const run = state.train[0];
    assert.ok(run.epochs.length >= MAX_CURVE_POINTS / 2, `${run.epochs.length} points`);
    const body = run.epochs.slice(0, -1);
    const stride = run.stride ?? 1;
    assert.ok(stride > 1);
    assert.ok(
      body.every((e, i) => e === (i + 1) * stride),
      'evenly spaced, on the stride',
    );
    for (const series of [run.trainLoss, run.valLoss, run.trainMetric, run.valMetric, ...run.gradNorms]) {
      assert.equal(series.length, run.epochs.length);
    }
    assert.deepEqual(run.gradNorms[0], run.epochs);
    assert.deepEqual(
      run.trainLoss,
      run.epochs.map((e) => 1 / e),
    );
  });
});
