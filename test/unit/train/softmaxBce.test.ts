/**
 * bce on a softmax output is computed from the logits: a confidently wrong prediction still gets the full,
 * finite gradient (a clamped probability used to give exactly zero), and the loss matches the textbook
 * formula wherever that formula is accurate.
 */
import { strict as assert } from 'node:assert';
import { Learner } from '../../../server/src/train/engine/learner';
import { dense, network } from './helpers';

/** A softmax output layer on one constant input of 1: with W = 0 its logits are its biases. */
function softmaxLearner(units: number, logits: number[][]): { learner: Learner; X: Float64Array } {
  const spec = network(1, [dense(units, 'softmax')], { loss: { name: 'bce', params: {} } });
  const learner = new Learner(spec, { batch: logits.length, seed: 1, kind: 'float64' });
  assert.equal(logits.length, 1, 'one row: the biases are the logits');
  const layer = learner.dense[0];
  layer.W.fill(0);
  layer.b.set(logits[0]);
  return { learner, X: Float64Array.of(1) };
}

/** −(1/W)·Σⱼ [tⱼ ln pⱼ + (1 − tⱼ) ln(1 − pⱼ)] with p = softmax(z), computed the direct way. */
function directBce(z: number[], t: number[]): number {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  const p = e.map((v) => v / s);
  return -p.reduce((sum, pj, j) => sum + t[j] * Math.log(pj) + (1 - t[j]) * Math.log(1 - pj), 0) / z.length;
}

/** ∂/∂z of the 2-unit loss: p₀ = σ(z₀ − z₁), so ∂L/∂z₀ = ((p₀ − t₀) − (p₁ − t₁))/2 = −∂L/∂z₁. */
function analyticTwoUnit(z: number[], t: number[]): number[] {
  const p0 = 1 / (1 + Math.exp(-(z[0] - z[1])));
  const p1 = 1 / (1 + Math.exp(-(z[1] - z[0])));
  const g = (p0 - t[0] - (p1 - t[1])) / 2;
  return [g, -g];
}

describe('bce on a softmax output', () => {
  for (const z of [
    [12, -12],
    [30, 0],
    [-40, 40],
    [400, -400],
  ]) {
    it(`gives the analytic, non-zero gradient when confidently wrong (logits ${z.join(', ')})`, () => {
      const t = z[0] > z[1] ? [0, 1] : [1, 0];
      const { learner, X } = softmaxLearner(2, [z]);
      learner.computeGradients(X, Float64Array.from(t), 1);
      const grad = Array.from(learner.dense[0].db);
      const expected = analyticTwoUnit(z, t);
      grad.forEach((g, j) => {
        assert.ok(Number.isFinite(g) && g !== 0, `gradient ${j} is ${g}`);
        assert.ok(Math.abs(g - expected[j]) <= 1e-6, `gradient ${j}: ${g}, analytic ${expected[j]}`);
      });
      const loss = learner.evaluateChunk(X, Float64Array.from(t), 1);
      assert.ok(Number.isFinite(loss) && loss > 5, `loss ${loss}`);
    });
  }

  for (const [z, t] of [
    [
      [0.3, -0.2],
      [1, 0],
    ],
    [
      [2, -1],
      [0, 1],
    ],
    [
      [-3, 1.5],
      [0, 1],
    ],
    [
      [1, 2, -0.5],
      [0, 0, 1],
    ],
    [
      [4, 0, 1],
      [1, 0, 0],
    ],
  ]) {
    it(`agrees with the direct formula where it is accurate (logits ${z.join(', ')})`, () => {
      const { learner, X } = softmaxLearner(z.length, [z]);
      const loss = learner.evaluateChunk(X, Float64Array.from(t), 1);
      assert.ok(Math.abs(loss - directBce(z, t)) <= 1e-12, `loss ${loss}, direct ${directBce(z, t)}`);
    });
  }

  it('matches central differences on three units, also when one unit is confidently wrong', () => {
    for (const z of [
      [1, 2, -0.5],
      [25, 0, -3],
    ]) {
      const t = [0, 1, 0];
      const { learner, X } = softmaxLearner(3, [z]);
      const T = Float64Array.from(t);
      learner.computeGradients(X, T, 1);
      const grad = Array.from(learner.dense[0].db);
      const h = 1e-5;
      grad.forEach((g, j) => {
        const up = [...z];
        up[j] += h;
        const down = [...z];
        down[j] -= h;
        const numeric =
          (softmaxLearner(3, [up]).learner.evaluateChunk(X, T, 1) -
            softmaxLearner(3, [down]).learner.evaluateChunk(X, T, 1)) /
          (2 * h);
        assert.ok(
          Number.isFinite(g) && Math.abs(g - numeric) <= 1e-6,
          `logits ${z}: gradient ${j} is ${g}, finite difference ${numeric}`,
        );
      });
      assert.ok(Math.abs(grad[0]) > 0.1, 'the confidently wrong unit gets a real gradient');
    }
  });
});

describe('bce on a 1-unit softmax', () => {
  it('keeps a finite loss and passes no gradient (the output is always 1)', () => {
    const { learner, X } = softmaxLearner(1, [[3]]);
    const T = Float64Array.of(0);
    assert.ok(Number.isFinite(learner.evaluateChunk(X, T, 1)));
    learner.computeGradients(X, T, 1);
    assert.deepEqual(Array.from(learner.dense[0].db), [0]);
  });
});
