/**
 * The panel's network view in headless Chromium: layers as columns of units, links coloured by the sign of
 * their weight, wide layers elided, unit pictures for every hidden layer, and clicks that reveal a layer.
 * Needs the built dist/panel.js and Debian's chromium, like browser.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { networkStream, patternWeight, wideStream } from '../../browser/fixtures/networkStream';
import { ROOT, openPanel, useChromium, type PanelPage } from '../../browser/panelPage';

const SCREENSHOTS = path.join(ROOT, 'test', 'screenshots');

/** Units drawn per layer, in column order. */
async function unitsPerLayer(panel: PanelPage): Promise<Record<string, number>> {
  return panel.page.$$eval('.network-unit', (nodes) => {
    const counts: Record<string, number> = {};
    for (const n of nodes) counts[n.getAttribute('data-layer')!] = (counts[n.getAttribute('data-layer')!] ?? 0) + 1;
    return counts;
  });
}

/** The text of each node itself, without its hover <title>. */
function ownTexts(panel: PanelPage, selector: string): Promise<string[]> {
  return panel.page.$$eval(selector, (nodes) =>
    nodes.map((n) =>
      Array.from(n.childNodes)
        .filter((c) => c.nodeType === 3)
        .map((c) => c.textContent)
        .join(''),
    ),
  );
}

describe('panel network view in headless Chromium', function () {
  this.timeout(120_000);
  const browser = useChromium();

  describe('a 2 → 8 → 8 → 1 model', () => {
    let panel: PanelPage;
    before(async () => {
      panel = await openPanel(browser(), { theme: 'dark' });
      await panel.replay(networkStream());
    });
    after(() => panel.close());

    it('draws the inputs and every layer as a column of units', async () => {
      assert.deepEqual(await unitsPerLayer(panel), { input: 2, dense_1: 8, dense_2: 8, out: 1 });
      assert.deepEqual(await ownTexts(panel, '.network-layer'), ['input', 'dense_1', 'dense_2', 'out']);
    });

    it('draws one link per pair of units, coloured by the sign of its weight', async () => {
      const links = await panel.page.$$eval('line.network-link', (lines) =>
        lines.map((l) => ({
          weight: Number(l.getAttribute('data-weight')),
          stroke: l.getAttribute('stroke'),
          width: Number(l.getAttribute('stroke-width')),
          title: l.textContent,
        })),
      );
      assert.equal(links.length, 2 * 8 + 8 * 8 + 8);
      const positive = links.filter((l) => l.weight > 0);
      const negative = links.filter((l) => l.weight < 0);
      assert.ok(positive.length > 0 && negative.length > 0);
      assert.equal(new Set(positive.map((l) => l.stroke)).size, 1, 'positive weights share one colour');
      assert.equal(new Set(negative.map((l) => l.stroke)).size, 1, 'negative weights share one colour');
      assert.notEqual(positive[0].stroke, negative[0].stroke);
      // Larger weights are thicker: in dense_1, unit 8's weights (0.8) against unit 1's (0.1).
      const first = links.slice(0, 16);
      assert.ok(Math.max(...first.map((l) => l.width)) > 3 * Math.min(...first.map((l) => l.width)));
      // Hovering shows the weight: x1 (input 0) → dense_1 unit 2 has weight −0.2.
      assert.equal(patternWeight(0, 1), -0.2);
      assert.ok(
        links.some((l) => l.title === 'x1 → dense_1 unit 2: weight -0.2'),
        links
          .slice(0, 3)
          .map((l) => l.title)
          .join(' | '),
      );
    });

    it('shows a picture over the input plane for every hidden unit and the output', async () => {
      assert.equal((await panel.page.$$('canvas.network-picture')).length, 17);
    });

    it('says what a unit computes when hovered, and marks dead units', async () => {
      const titles = await panel.page.$$eval('.network-unit[data-layer="dense_1"] > title', (n) =>
        n.map((t) => t.textContent ?? ''),
      );
      assert.match(titles[0], /^dense_1, unit 1\nactivation over the plane: mean /);
    });

    it('reveals the layer when a unit or a layer title is clicked', async () => {
      await panel.page.click('.network-unit[data-layer="dense_2"][data-unit="3"]');
      await panel.page.click('text.network-layer[data-layer="out"]');
      const posted = await panel.posted();
      assert.deepEqual(posted.filter((m) => m.type === 'revealLayer').slice(-2), [
        { type: 'revealLayer', sourceIndex: 1 },
        { type: 'revealLayer', sourceIndex: 2 },
      ]);
    });

    it('leaves a screenshot to look at', async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await panel.page
        .locator('section.network')
        .screenshot({ path: path.join(SCREENSHOTS, 'panel-network-dark.png') });
      assert.deepEqual(panel.errors, []);
      assert.deepEqual(panel.consoleErrors, []);
    });
  });

  describe('a model with a 100-unit layer', () => {
    let panel: PanelPage;
    before(async () => {
      panel = await openPanel(browser(), { theme: 'light' });
      await panel.replay(wideStream());
    });
    after(() => panel.close());

    it('draws the first and last units of the wide layer around the count left out', async () => {
      assert.deepEqual(await unitsPerLayer(panel), { input: 2, wide: 9, out: 1 });
      const units = await panel.page.$$eval('.network-unit[data-layer="wide"]', (n) =>
        n.map((u) => Number(u.getAttribute('data-unit'))),
      );
      assert.deepEqual(units, [0, 1, 2, 3, 4, 96, 97, 98, 99]);
      assert.deepEqual(await ownTexts(panel, '.network-elided'), ['+91']);
    });

    it('gives each drawn unit of the wide layer its picture, and marks a saturated one', async () => {
      assert.equal((await panel.page.$$('canvas.network-picture')).length, 10);
      assert.deepEqual(
        await panel.page.$$eval('.network-unit.saturated', (n) => n.map((u) => u.getAttribute('data-unit'))),
        ['0'],
      );
    });

    it('leaves a screenshot to look at', async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await panel.page
        .locator('section.network')
        .screenshot({ path: path.join(SCREENSHOTS, 'panel-network-wide-light.png') });
      assert.deepEqual(panel.errors, []);
    });
  });
});
