/**
 * Hover, data-driven: each file in test/fixtures/features/hover has a `$0` cursor and expectations in comments:
 * `#> regex` must match the Markdown, `#! regex` must not, `#= text` is the hovered word (`none`: no hover).
 */
import assert from 'node:assert/strict';
import { hoverAt } from '../../../server/src/features/hover';
import { loadFixtures, offsetOf, SPIRALS } from './support';
import { analyze } from '../../../server/src/analysis';

describe('features: hover (fixtures)', () => {
  for (const fixture of loadFixtures('hover', '>!=')) {
    it(fixture.name, () => {
      const hover = hoverAt(fixture.analysis, fixture.offset);
      const expectedWord = fixture.directives.find((d) => d.sigil === '=')?.value;
      if (expectedWord === 'none') {
        assert.equal(hover, undefined, hover?.markdown);
        return;
      }
      assert.ok(hover, 'expected a hover');
      if (expectedWord) assert.equal(fixture.text.slice(hover.span.start, hover.span.end), expectedWord);
      for (const d of fixture.directives) {
        if (d.sigil === '>') assert.match(hover.markdown, new RegExp(d.value, 'm'), `should match /${d.value}/`);
        if (d.sigil === '!')
          assert.doesNotMatch(hover.markdown, new RegExp(d.value, 'm'), `should not match /${d.value}/`);
      }
    });
  }
});

describe('features: hover (behaviour)', () => {
  const analysis = analyze(SPIRALS);

  it('answers at the first character and just after the last one of a word, not inside the gap before it', () => {
    const start = offsetOf(SPIRALS, 'relu');
    assert.ok(hoverAt(analysis, start));
    assert.ok(hoverAt(analysis, start + 4), 'cursor right after the word');
    assert.equal(hoverAt(analysis, offsetOf(SPIRALS, '\n\n  dense') + 1), undefined, 'blank line');
  });

  it('embeds the plot as a base64 SVG that decodes to a transparent, labelled plot', () => {
    const hover = hoverAt(analysis, offsetOf(SPIRALS, 'sigmoid'))!;
    const base64 = /data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(hover.markdown)![1];
    const svg = Buffer.from(base64, 'base64').toString('utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /<rect[^>]*fill="(#fff|white)/i, 'no white background box');
    assert.match(svg, />f\(x\)</);
    assert.match(svg, />f′\(x\)</);
  });

  it('uses no LaTeX', () => {
    for (const word of ['relu', 'sigmoid', 'leaky_relu', 'adam', 'bce']) {
      const hover = hoverAt(analysis, offsetOf(SPIRALS, word))!;
      assert.doesNotMatch(hover.markdown, /\$\$|\\frac|\\sigma|\\max/, word);
    }
  });

  it('hovers every activation of the catalog with its own formula', async () => {
    const { ACTIVATIONS } = await import('../../../server/src/catalog');
    for (const def of ACTIVATIONS) {
      const text = `model m {\n  input 2\n  dense 4 ${def.name}\n  dense 1\n}\n`;
      const hover = hoverAt(analyze(text), text.indexOf(def.name));
      assert.ok(hover, def.name);
      assert.ok(hover.markdown.includes(def.formula.replace(/`/g, '')), `${def.name} shows its formula`);
      assert.ok(hover.markdown.includes(def.range), `${def.name} shows its range`);
    }
  });
});
