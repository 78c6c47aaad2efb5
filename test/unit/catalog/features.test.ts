/** The input features of `features`: one definition each, with the math every consumer shares. */
import { strict as assert } from 'node:assert';
import {
  DEFAULT_FEATURES,
  FEATURES,
  featureTransform,
  findFeature,
  isFeatureName,
  isIdentityFeatures,
} from '../../../server/src/catalog';

describe('catalog: input features', () => {
  it('defines the seven features of the language, in its order, with a formula and a doc each', () => {
    assert.deepEqual(
      FEATURES.map((f) => f.name),
      ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'],
    );
    for (const f of FEATURES) assert.ok(f.formula && f.doc.length > 20 && !f.doc.includes('\n'), f.name);
    assert.deepEqual(DEFAULT_FEATURES, ['x1', 'x2']);
  });

  it('computes each feature of a point', () => {
    const at = (name: string, x1: number, x2: number) => findFeature(name)!.value(x1, x2);
    assert.deepEqual(
      ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'].map((n) => at(n, 3, -2)),
      [3, -2, 9, 4, -6, Math.sin(3), Math.sin(-2)],
    );
  });

  it('writes the listed features of a point in the order listed', () => {
    const out = [0, 0, 0, 0];
    featureTransform(['sinx2', 'x1x2', 'x1'])(0.5, 2, out, 1);
    assert.deepEqual(out, [0, Math.sin(2), 1, 0.5]);
  });

  it('knows its names and which lists leave the point as it is', () => {
    assert.ok(isFeatureName('x1sq') && !isFeatureName('x3') && !isFeatureName('X1'));
    assert.ok(isIdentityFeatures(undefined) && isIdentityFeatures(['x1', 'x2']));
    assert.ok(
      !isIdentityFeatures(['x2', 'x1']) && !isIdentityFeatures(['x1']) && !isIdentityFeatures(['x1', 'x2', 'x1sq']),
    );
  });
});
