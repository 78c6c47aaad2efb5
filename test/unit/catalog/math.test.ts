/** The numeric helpers: known values, stability and the softmax Jacobian. */
import * as assert from 'assert';
import {
  bceWithLogit,
  erf,
  erfc,
  logSigmoid,
  logSumExp,
  normalCdf,
  normalPdf,
  sigmoid,
  softmaxBackwardInto,
  softmaxInto,
  softplus,
} from '../../../server/src/catalog/math';

/** Reference values of erf and erfc (as printed by Python's math module, which agree with published tables). */
const ERF_TABLE: Array<[number, number, number]> = [
  [0.1, 0.1124629160182849, 0.8875370839817152],
  [-0.3, -0.3286267594591274, 1.3286267594591274],
  [0.5, 0.5204998778130465, 0.4795001221869535],
  [1, 0.8427007929497149, 0.15729920705028513],
  [2, 0.9953222650189527, 0.004677734981047265],
  [2.5, 0.999593047982555, 0.0004069520174449589],
  [3, 0.9999779095030014, 2.2090496998585438e-5],
  [4, 0.9999999845827421, 1.541725790028002e-8],
  [5, 0.9999999999984626, 1.5374597944280351e-12],
];

function softmax(values: number[]): number[] {
  const out = new Array<number>(values.length);
  softmaxInto(values, 0, out, 0, values.length);
  return out;
}

describe('catalog math', () => {
  it('erf matches known values to 1e-14', () => {
    for (const [x, e] of ERF_TABLE) {
      assert.ok(Math.abs(erf(x) - e) < 1e-14, `erf(${x}) = ${erf(x)}, expected ${e}`);
      assert.ok(Math.abs(erf(-x) + e) < 1e-14, `erf is odd at ${x}`);
    }
    assert.strictEqual(erf(0), 0);
    assert.strictEqual(erf(10), 1);
    assert.strictEqual(erf(-Infinity), -1);
  });

  it('erfc keeps its relative precision in the right tail', () => {
    for (const [x, , c] of ERF_TABLE) {
      assert.ok(Math.abs(erfc(x) - c) / c < 1e-12, `erfc(${x}) = ${erfc(x)}, expected ${c}`);
    }
    assert.ok(erfc(30) === 0 && erfc(-30) === 2);
  });

  it('normal density and distribution function', () => {
    assert.ok(Math.abs(normalPdf(0) - 1 / Math.sqrt(2 * Math.PI)) < 1e-16);
    assert.strictEqual(normalCdf(0), 0.5);
    assert.ok(Math.abs(normalCdf(1) - 0.8413447460685429) < 1e-15);
    // Φ(−6) ≈ 9.8659e-10 must keep its relative precision (it is not computed as 1 − something).
    assert.ok(Math.abs(normalCdf(-6) - 9.865876450377012e-10) / 9.865876450377012e-10 < 1e-12);
    assert.ok(Math.abs(normalCdf(2) + normalCdf(-2) - 1) < 1e-15);
  });

  it('sigmoid, softplus and log-sigmoid are finite and exact at the extremes', () => {
    assert.strictEqual(sigmoid(0), 0.5);
    assert.strictEqual(sigmoid(1e4), 1);
    assert.strictEqual(sigmoid(-1e4), 0);
    assert.ok(Math.abs(sigmoid(-30) - Math.exp(-30) / (1 + Math.exp(-30))) < 1e-28);
    assert.strictEqual(softplus(1e4), 1e4);
    assert.strictEqual(softplus(-1e4), 0);
    assert.ok(Math.abs(softplus(0) - Math.LN2) < 1e-16);
    assert.strictEqual(logSigmoid(-1e4), -1e4);
    assert.ok(Math.abs(logSigmoid(0) + Math.LN2) < 1e-16);
  });

  it('softmax of [1.8, 0.9, 0.68] is [0.58, 0.23, 0.19] rounded', () => {
    const s = softmax([1.8, 0.9, 0.68]);
    assert.deepStrictEqual(
      s.map((v) => Math.round(v * 100) / 100),
      [0.58, 0.23, 0.19],
    );
  });

  it('softmax of [1e4, 0, −1e4] is finite and sums to 1', () => {
    const s = softmax([1e4, 0, -1e4]);
    assert.ok(s.every(Number.isFinite));
    assert.ok(Math.abs(s[0] + s[1] + s[2] - 1) < 1e-15);
    assert.strictEqual(s[0], 1);
  });

  it('softmax works at offsets and in place', () => {
    const buf = new Float64Array([9, 1, 2, 3, 9]);
    softmaxInto(buf, 1, buf, 1, 3);
    const expected = softmax([1, 2, 3]);
    assert.strictEqual(buf[0], 9);
    assert.strictEqual(buf[4], 9);
    for (let i = 0; i < 3; i++) assert.ok(Math.abs(buf[1 + i] - expected[i]) < 1e-16);
  });

  it('softmax Jacobian sᵢ(δᵢⱼ − sⱼ) matches finite differences of softmaxInto', () => {
    const z = [0.3, -1.2, 2.1, 0.05];
    const s = softmax(z);
    const h = 1e-3;
    for (let j = 0; j < z.length; j++) {
      const at = (delta: number): number[] => softmax(z.map((v, k) => (k === j ? v + delta : v)));
      const [m2, m1, p1, p2] = [at(-2 * h), at(-h), at(h), at(2 * h)];
      for (let i = 0; i < z.length; i++) {
        const numeric = (m2[i] - 8 * m1[i] + 8 * p1[i] - p2[i]) / (12 * h);
        const analytic = s[i] * ((i === j ? 1 : 0) - s[j]);
        assert.ok(Math.abs(numeric - analytic) / Math.abs(analytic) < 1e-6, `∂s${i}/∂z${j}: ${numeric} vs ${analytic}`);
      }
    }
  });

  it('softmaxBackwardInto applies the Jacobian to a gradient', () => {
    const z = [1.5, -0.5, 0.25];
    const g = [0.7, -1.1, 0.4];
    const s = softmax(z);
    const out = [0, 0, 0];
    softmaxBackwardInto(s, 0, g, 0, out, 0, 3);
    for (let i = 0; i < 3; i++) {
      let expected = 0;
      for (let j = 0; j < 3; j++) expected += g[j] * s[j] * ((i === j ? 1 : 0) - s[i]);
      assert.ok(Math.abs(out[i] - expected) < 1e-15);
    }
    // The gradient of a sum of probabilities (always 1) is 0.
    softmaxBackwardInto(s, 0, [1, 1, 1], 0, out, 0, 3);
    assert.ok(out.every((v) => Math.abs(v) < 1e-16));
  });

  it('logSumExp is stable and exact on easy cases', () => {
    assert.ok(Math.abs(logSumExp([1e4, 1e4]) - (1e4 + Math.LN2)) < 1e-11);
    assert.ok(Math.abs(logSumExp([0, 0, 0]) - Math.log(3)) < 1e-15);
    assert.ok(Math.abs(logSumExp([5, 1, 2, 3, 7], 1, 3) - Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3))) < 1e-14);
    assert.strictEqual(logSumExp([-1e4]), -1e4);
    assert.strictEqual(logSumExp([]), -Infinity);
  });

  it('bceWithLogit equals −[y ln σ(z) + (1−y) ln(1−σ(z))] and stays finite', () => {
    for (const z of [-3, -0.5, 0, 0.7, 4]) {
      for (const y of [0, 0.3, 1]) {
        const p = sigmoid(z);
        const direct = -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
        assert.ok(Math.abs(bceWithLogit(z, y) - direct) < 1e-14, `z=${z} y=${y}`);
      }
    }
    assert.strictEqual(bceWithLogit(1e4, 0), 1e4);
    assert.strictEqual(bceWithLogit(-1e4, 0), 0);
    assert.ok(Number.isFinite(bceWithLogit(-1e4, 1)));
  });
});
