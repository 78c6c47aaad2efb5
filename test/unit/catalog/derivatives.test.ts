/** f′ of every activation against a finite difference of its f. */
import * as assert from 'assert';
import { ACTIVATIONS, type ActivationDef } from '../../../server/src/catalog';
import { describeParams, EXTRA_PARAM_SETS, paramSets, samplePoints } from './fixtures';

const H = 1e-3;
/** Closer than this to a kink, the stencil (which reaches 2h = 0.002 away) would straddle it. */
const KINK_MARGIN = 1e-2;
const TOLERANCE = 1e-6;
/**
 * Where |f′| is tiny, rounding in f (about one ulp of f, divided by h) dominates any difference, so the error is
 * measured relative to max(|f′|, 1e-8) rather than |f′| alone. Only the far left tail of gelu's tanh form
 * (|f′| ≈ 1e-9 near x = −6) falls below this floor; where f′ is exactly 0 (step, the flat sides of relu-like
 * functions) both sides agree exactly.
 */
const DERIVATIVE_FLOOR = 1e-8;

/**
 * Points where f′ is continuous but f″ jumps. There the five-point stencil is only first-order accurate, so such
 * points are skipped like kinks (they are not kinks: f′ has no jump).
 */
function secondDerivativeBreaks(def: ActivationDef): number[] {
  if (def.name === 'softsign') return [0];
  if (def.name === 'elu') return [0];
  return [];
}

/** Five-point central difference (error O(h⁴)). */
function fivePoint(f: (x: number) => number, x: number): number {
  return (f(x - 2 * H) - 8 * f(x - H) + 8 * f(x + H) - f(x + 2 * H)) / (12 * H);
}

describe('catalog: f′ matches finite differences of f', () => {
  for (const def of ACTIVATIONS) {
    for (const params of paramSets(def)) {
      it(`${def.name} (${describeParams(params)})`, () => {
        const { f, df } = def.bind(params);
        const avoid = [...def.kinks(params), ...secondDerivativeBreaks(def)];
        let tested = 0;
        let worst = 0;
        let worstAt = NaN;
        for (const x of samplePoints()) {
          if (avoid.some((k) => Math.abs(x - k) < KINK_MARGIN)) continue;
          const analytic = df(x);
          const numeric = fivePoint(f, x);
          const rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), DERIVATIVE_FLOOR);
          if (rel > worst) {
            worst = rel;
            worstAt = x;
          }
          tested++;
        }
        assert.ok(tested >= 200, `only ${tested} points tested`);
        assert.ok(worst < TOLERANCE, `relative error ${worst} at x = ${worstAt}`);
      });
    }
  }

  it('kinks are real: f′ differs on the two sides of each reported kink', () => {
    for (const def of ACTIVATIONS) {
      for (const params of paramSets(def)) {
        const { df } = def.bind(params);
        for (const k of def.kinks(params)) {
          if (def.name === 'step') continue; // f itself jumps at the threshold; f′ is 0 on both sides.
          assert.notStrictEqual(df(k - 1e-9), df(k + 1e-9), `${def.name} (${describeParams(params)}) at ${k}`);
        }
      }
    }
  });

  it('every activation with parameters has a non-default parameter set under test', () => {
    for (const def of ACTIVATIONS) {
      if (def.params.length === 0) continue;
      const sets = EXTRA_PARAM_SETS[def.name] ?? [];
      const covered = new Set(sets.flatMap((s) => Object.keys(s)));
      for (const p of def.params) assert.ok(covered.has(p.name), `${def.name}.${p.name} has no non-default test case`);
    }
  });
});
