/** The SVG plot of an activation and its derivative. */
import assert from 'node:assert/strict';
import { ACTIVATIONS, findActivation } from '../../../server/src/catalog';
import {
  activationPlotMarkdown,
  activationPlotSvg,
  niceTicks,
  plotFunctions,
  sampleCurve,
} from '../../../server/src/features/plot';
import { EXTRA_PARAM_SETS } from '../catalog/fixtures';

/** The polyline points of an SVG, in SVG coordinates. */
function polylines(svg: string): [number, number][][] {
  return [...svg.matchAll(/<polyline points="([^"]+)"/g)].map((m) =>
    m[1].split(' ').map((p) => p.split(',').map(Number) as [number, number]),
  );
}

describe('features: activation plot', () => {
  for (const def of ACTIVATIONS) {
    for (const params of [{}, ...(EXTRA_PARAM_SETS[def.name] ?? [])]) {
      it(`${def.name} ${JSON.stringify(params)}: a well-formed, transparent SVG with both curves inside the frame`, () => {
        const svg = activationPlotSvg(def, params);
        assert.match(svg, /^<svg [^>]*width="360" height="150"/);
        assert.ok(svg.endsWith('</svg>'));
        assert.doesNotMatch(svg, /NaN|Infinity|undefined/);
        assert.doesNotMatch(svg, /<rect/, 'no background box');
        const lines = polylines(svg);
        assert.ok(lines.length >= 2, 'f and f′');
        for (const point of lines.flat()) {
          assert.ok(point[0] >= 0 && point[0] <= 360 && point[1] >= 0 && point[1] <= 150, `point ${point} inside`);
        }
        assert.equal((svg.match(/<text [^>]*>[^<]+<\/text>/g) ?? []).length >= 10, true, 'tick labels and legend');
      });
    }
  }

  it('draws the curves the catalog computes (relu: f rises to the top right, f′ steps from 0 to 1)', () => {
    const relu = findActivation('relu')!;
    const fns = plotFunctions(relu, {});
    const bound = relu.bind({});
    for (const x of [-3, -0.5, 0.5, 4]) {
      assert.equal(fns.f(x), bound.f(x));
      assert.equal(fns.df(x), bound.df(x));
    }
    const [df0, df1, f0, f1] = polylines(activationPlotSvg(relu, {}));
    // Polylines come f′ first (drawn under f), each split at the kink x = 0.
    assert.ok(df0 && df1 && f0 && f1);
    assert.equal(new Set(df0.map((p) => p[1])).size, 1, 'f′ is flat left of 0');
    assert.ok(f1[f1.length - 1][1] < f1[0][1], 'f rises to the right');
  });

  it('breaks a curve at a jump instead of drawing a vertical line (step)', () => {
    const step = findActivation('step')!;
    const segments = sampleCurve(step.bind({}).f, step.kinks({}), { xMin: -5, xMax: 5, samples: 101 });
    assert.equal(segments.length, 2);
    assert.ok(segments[0].every(([, y]) => y === 0));
    assert.ok(segments[1].every(([, y]) => y === 1));
  });

  it('plots softmax as one unit against a rival score of 0, i.e. σ(x)', () => {
    const fns = plotFunctions(findActivation('softmax')!, {});
    assert.ok(Math.abs(fns.f(1) - 1 / (1 + Math.exp(-1))) < 1e-12);
    assert.match(fns.caption!, /whole layer/);
  });

  it('plots maxout as a convex example unit whose slope is the derivative', () => {
    const fns = plotFunctions(findActivation('maxout')!, { pieces: 3 });
    for (let x = -4.9; x < 5; x += 0.37) {
      const h = 1e-6;
      const kinkNear = fns.kinks.some((k) => Math.abs(k - x) < 1e-3);
      if (!kinkNear) assert.ok(Math.abs((fns.f(x + h) - fns.f(x - h)) / (2 * h) - fns.df(x)) < 1e-6);
      assert.ok(fns.f(x) <= (fns.f(x - 0.1) + fns.f(x + 0.1)) / 2 + 1e-12, 'convex');
    }
    assert.equal(fns.kinks.length, 2);
  });

  it('embeds the plot as a base64 data URI image in Markdown', () => {
    const markdown = activationPlotMarkdown(findActivation('tanh')!, {});
    const match = /^!\[[^\]]+\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)$/.exec(markdown);
    assert.ok(match);
    assert.equal(Buffer.from(match[1], 'base64').toString('utf8'), activationPlotSvg(findActivation('tanh')!, {}));
  });

  it('picks round tick steps', () => {
    assert.deepEqual(niceTicks(-5, 5, 10), [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]);
    assert.deepEqual(niceTicks(-0.08, 1.08, 4), [0, 0.5, 1]);
    assert.deepEqual(niceTicks(0, 0.3, 4), [0, 0.1, 0.2, 0.3]);
  });
});
