/** The property table of activations.md, the inits it implies, and checks of monotonic/smooth against f and f′. */
import * as assert from 'assert';
import { ACTIVATIONS, findActivation, propertiesFor, type ActivationProperties } from '../../../server/src/catalog';
import { normalCdf, normalPdf } from '../../../server/src/catalog/math';
import { samplePoints } from './fixtures';

/** activations.md, "Properties the checks and hovers use", copied row by row. */
const SPEC_TABLE: Partial<Record<keyof ActivationProperties, string[]>> = {
  saturating: ['sigmoid', 'tanh', 'hard_sigmoid', 'softsign', 'step'],
  // The spec's row also lists leaky_relu, prelu and maxout; measured (see the test below) their mean output is
  // as far from 0 as relu's, so the catalog leaves them out.
  zeroCentered: ['tanh', 'softsign', 'linear', 'elu', 'selu'],
  canDie: ['relu', 'relu6', 'step'],
  reluFamily: ['relu', 'relu6', 'leaky_relu', 'prelu', 'elu', 'gelu', 'swish', 'mish', 'maxout'],
  selfNormalizing: ['selu'],
  outputOnly: ['softmax'],
  notTrainable: ['step'],
};

/** The names of activations.md's main table, with their aliases. */
const SPEC_NAMES: Record<string, string[]> = {
  step: ['binary_step'],
  linear: ['identity', 'none'],
  sigmoid: ['logistic'],
  tanh: [],
  hard_sigmoid: [],
  softsign: [],
  relu: [],
  relu6: [],
  leaky_relu: [],
  prelu: [],
  elu: [],
  selu: [],
  gelu: [],
  swish: ['silu'],
  mish: [],
  softplus: [],
  softmax: [],
  maxout: [],
};

const members = (key: keyof ActivationProperties): string[] =>
  ACTIVATIONS.filter((d) => d.properties[key])
    .map((d) => d.name)
    .sort();

describe('catalog: activation properties', () => {
  it('lists exactly the activations of activations.md, with their aliases', () => {
    assert.deepStrictEqual(ACTIVATIONS.map((d) => d.name).sort(), Object.keys(SPEC_NAMES).sort());
    for (const def of ACTIVATIONS)
      assert.deepStrictEqual([...def.aliases].sort(), SPEC_NAMES[def.name].sort(), def.name);
  });

  for (const [key, expected] of Object.entries(SPEC_TABLE)) {
    it(`"${key}" has the members of the spec table`, () => {
      assert.deepStrictEqual(members(key as keyof ActivationProperties), [...expected].sort());
    });
  }

  it('zero-centered exactly when the mean output for N(0, 1) inputs is small against its RMS', () => {
    /** E[g(X)] for X ~ N(0, 1), by the trapezoid rule on [−12, 12]. */
    const expect = (g: (x: number) => number): number => {
      const n = 4800;
      const h = 24 / n;
      let sum = 0;
      for (let i = 0; i <= n; i++) {
        const x = -12 + i * h;
        sum += (i === 0 || i === n ? 0.5 : 1) * g(x) * normalPdf(x);
      }
      return sum * h;
    };
    for (const def of ACTIVATIONS) {
      // A maxout unit outputs the largest of its pieces: for k pieces with N(0, 1) inputs, the density of the
      // maximum is k·φ(x)·Φ(x)^(k−1). Every other activation is measured through its own scalar f (softmax's is
      // one unit against a rival logit of 0).
      const pieces = def.shape === 'maxout' ? Number(def.params.find((p) => p.name === 'pieces')!.default) : 1;
      const weight = pieces === 1 ? () => 1 : (x: number) => pieces * Math.pow(normalCdf(x), pieces - 1);
      const { f } = def.bind({});
      const mean = expect((x) => f(x) * weight(x));
      const rms = Math.sqrt(expect((x) => f(x) * f(x) * weight(x)));
      // relu: 0.40 / 0.71 = 0.56; swish 0.35; elu 0.20; tanh, softsign, linear and selu 0.
      const measured = Math.abs(mean) <= 0.25 * rms;
      assert.strictEqual(
        def.properties.zeroCentered,
        measured,
        `${def.name}: mean ${mean.toFixed(3)}, rms ${rms.toFixed(3)}`,
      );
    }
    const leaky = findActivation('leaky_relu')!.bind({}).f;
    assert.ok(Math.abs(expect(leaky) - 0.395) < 0.002, 'leaky_relu averages about 0.40, like relu');
  });

  it('monotonic agrees with the sign of f′ on [−6, 6]', () => {
    // prelu's learned slope may become negative, and maxout's scalar form is only the winning piece, so neither
    // can be judged from its scalar f′.
    for (const def of ACTIVATIONS.filter((d) => d.name !== 'prelu' && d.name !== 'maxout')) {
      const { df } = def.bind({});
      const neverDecreases = samplePoints().every((x) => df(x) >= 0);
      assert.strictEqual(def.properties.monotonic, neverDecreases, def.name);
    }
  });

  it('smooth exactly when f′ has no kink with default parameters', () => {
    for (const def of ACTIVATIONS.filter((d) => d.name !== 'maxout')) {
      assert.strictEqual(def.properties.smooth, def.kinks({}).length === 0, def.name);
    }
    assert.strictEqual(findActivation('maxout')!.properties.smooth, false);
  });

  it('parameters can change smoothness', () => {
    const elu = findActivation('elu')!;
    assert.strictEqual(propertiesFor(elu, { alpha: 1 }).smooth, true);
    assert.strictEqual(propertiesFor(elu, { alpha: 2 }).smooth, false);
    const leaky = findActivation('leaky_relu')!;
    assert.strictEqual(propertiesFor(leaky, {}).smooth, false);
    assert.strictEqual(propertiesFor(leaky, { alpha: 1 }).smooth, true);
  });

  it('matching init: He for the ReLU family, LeCun for SELU, Glorot otherwise', () => {
    for (const def of ACTIVATIONS) {
      const expected = SPEC_TABLE.reluFamily!.includes(def.name)
        ? 'he_normal'
        : def.name === 'selu'
          ? 'lecun_normal'
          : 'glorot_uniform';
      assert.strictEqual(def.matchingInit, expected, def.name);
    }
  });

  it('shapes and families', () => {
    const shape = (n: string) => findActivation(n)!.shape;
    assert.strictEqual(shape('softmax'), 'softmax');
    assert.strictEqual(shape('maxout'), 'maxout');
    assert.ok(ACTIVATIONS.filter((d) => d.shape === 'elementwise').length === ACTIVATIONS.length - 2);
    assert.strictEqual(findActivation('leaky_relu')!.family, 'relu');
    assert.strictEqual(findActivation('gelu')!.family, 'relu');
    assert.strictEqual(findActivation('elu')!.family, 'relu');
    assert.strictEqual(findActivation('softsign')!.family, 'tanh');
    assert.strictEqual(findActivation('hard_sigmoid')!.family, 'sigmoid');
  });

  it('every activation has docs and readable Unicode formulas (no LaTeX)', () => {
    for (const def of ACTIVATIONS) {
      for (const text of [def.formula, def.derivative, def.range, def.summary, def.goodFor, def.pitfalls]) {
        assert.ok(text.trim().length > 0, `${def.name} has an empty doc field`);
        assert.ok(!/\\[a-z]|\$|\^\{|_\{/.test(text), `${def.name}: LaTeX in "${text}"`);
      }
      for (const p of def.params) assert.ok(p.doc.length > 0, `${def.name}.${p.name} has no doc`);
    }
  });
});
