/**
 * The panel's layout and its file-editing controls in headless Chromium: in a 1100×800 window the map and
 * the loss curve sit beside the controls on the first screen; at 420 px everything is one column; the compare
 * view's boundaries fill the width in even rows with one legend entry per activation; a regression model's map
 * is an output map; regularization and features edit the file while the view options do not. Screenshots go
 * to test/screenshots/panel-layout-*.png. Needs `npm run build` first and Debian's chromium.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { ElementHandle } from 'playwright-core';
import { binaryStream, compareStream, panelInit } from '../../browser/fixtures/syntheticStream';
import { ROOT, openPanel, useChromium, type PanelPage } from '../../browser/panelPage';
import type { PanelToHost, TrainSettingChange } from '../../../server/src/protocol';

const SCREENSHOTS = path.join(ROOT, 'test', 'screenshots');

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(panel: PanelPage, selector: string): Promise<Box> {
  const handle: ElementHandle | null = await panel.page.$(selector);
  assert.ok(handle, `${selector} exists`);
  const found = await handle.boundingBox();
  assert.ok(found, `${selector} is laid out`);
  return found;
}

const right = (b: Box) => b.x + b.width;
const bottom = (b: Box) => b.y + b.height;

async function screenshot(panel: PanelPage, name: string, fullPage = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await panel.page.screenshot({ path: path.join(SCREENSHOTS, `panel-layout-${name}.png`), fullPage });
}

async function resize(panel: PanelPage, width: number): Promise<void> {
  await panel.page.setViewportSize({ width, height: 800 });
  await panel.settle();
}

/** Visible tables wider than their card, or scrolling sideways inside it (empty when all fit). */
async function tablesStickingOut(panel: PanelPage): Promise<string[]> {
  return await panel.page.$$eval('table', (tables) =>
    tables.flatMap((table) => {
      const t = table.getBoundingClientRect();
      if (t.width === 0) return [];
      const card = table.closest('.card')!;
      const c = card.getBoundingClientRect();
      const scroller = table.closest('.table-scroll');
      const scrolls = scroller ? scroller.scrollWidth - scroller.clientWidth : 0;
      const out = Math.round(t.right - (c.right - parseFloat(getComputedStyle(card).paddingRight)));
      return out > 0 || scrolls > 0 ? [`${table.className}: ${out} px past the card, scrolls ${scrolls} px`] : [];
    }),
  );
}

/** The file edits the panel asked for since `from`. */
async function fileEdits(panel: PanelPage, from: number): Promise<TrainSettingChange[]> {
  return (await panel.posted())
    .slice(from)
    .flatMap((m: PanelToHost) => (m.type === 'applyFix' && m.fix.kind === 'setTrainSetting' ? [m.fix.setting] : []));
}

describe('panel layout and controls in headless Chromium', function () {
  this.timeout(300_000);
  const browser = useChromium();
  let panel: PanelPage;
  before(async () => {
    panel = await openPanel(browser(), { theme: 'light', width: 1100 });
    await resize(panel, 1100);
    await panel.replay(binaryStream());
  });
  after(() => panel?.close());

  it('shows the boundary and the loss curve beside the controls on the first screen of a 1100×800 window', async () => {
    const controls = await box(panel, '.controls');
    const map = await box(panel, 'canvas.boundary');
    const loss = await box(panel, '.loss-card .uplot');
    for (const [name, b] of [
      ['the boundary', map],
      ['the loss chart', loss],
    ] as const) {
      assert.ok(bottom(b) <= 800, `${name} ends at ${bottom(b)}, within the first 800 px`);
      assert.ok(b.x >= right(controls), `${name} starts at x ${b.x}, right of the controls (${right(controls)})`);
      assert.ok(b.y < bottom(controls), `${name} is beside the controls, not below them`);
    }
    assert.ok(loss.x >= right(map), 'the loss chart is beside the boundary');
    assert.ok(map.width >= 300, `the boundary is ${map.width} px wide`);
    await screenshot(panel, '1100-light');
    await panel.setTheme('dark');
    await screenshot(panel, '1100-dark');
    await panel.setTheme('light');
  });

  it('draws the map once: no second copy of the unit pictures in the boundary card', async () => {
    assert.equal((await panel.page.$$('.boundary-card canvas')).length, 1);
  });

  it('calls a regression model’s map an output map', async () => {
    await panel.replay([panelInit({ taskKind: 'regression' })]);
    assert.equal(await panel.page.textContent('.boundary-card h2'), 'Output map');
    assert.match((await panel.page.getAttribute('canvas.boundary', 'aria-label')) ?? '', /^Output map/);
    await panel.replay([panelInit()]);
    assert.equal(await panel.page.textContent('.boundary-card h2'), 'Decision boundary');
  });

  it('writes regularization into the file: a kind with its default rate, a new rate, and none', async () => {
    const from = (await panel.posted()).length;
    await panel.page.selectOption('.controls label:has-text("Regularization") select', 'l2');
    assert.deepEqual(await fileEdits(panel, from), [{ key: 'regularize', value: { kind: 'l2', amount: 0.0001 } }]);
    // The file now says l1(0.003): the fields follow it.
    const settings = { ...panelInit().settings, regularize: { kind: 'l1' as const, amount: 0.003 } };
    await panel.replay([panelInit({ settings })]);
    assert.equal(await panel.page.inputValue('.controls label:has-text("Regularization") select'), 'l1');
    const rate = panel.page.getByRole('spinbutton', { name: 'Rate', exact: true });
    assert.equal(await rate.inputValue(), '0.003');
    await rate.fill('0.01');
    await rate.blur();
    await panel.page.selectOption('.controls label:has-text("Regularization") select', 'none');
    await panel.settle();
    assert.deepEqual((await fileEdits(panel, from)).slice(1), [
      { key: 'regularize', value: { kind: 'l1', amount: 0.01 } },
      { key: 'regularize', value: null },
    ]);
    await panel.replay([panelInit()]);
  });

  it('shows the seven features as toggles that edit the file, keeping at least one', async () => {
    const labels = await panel.page.$$eval('.feature-toggles label', (ls) => ls.map((l) => l.textContent));
    assert.deepEqual(labels, ['x1', 'x2', 'x1²', 'x2²', 'x1·x2', 'sin(x1)', 'sin(x2)']);
    const from = (await panel.posted()).length;
    await panel.page.click('.feature-toggles input[value="x1sq"]');
    await panel.page.click('.feature-toggles input[value="x1"]');
    await panel.settle();
    assert.deepEqual(await fileEdits(panel, from), [
      { key: 'features', value: ['x1', 'x2', 'x1sq'] },
      { key: 'features', value: ['x2'] },
    ]);
    await panel.replay([panelInit({ settings: { ...panelInit().settings, features: ['x2'] } })]);
    await panel.page.click('.feature-toggles input[value="x2"]');
    await panel.settle();
    assert.equal(await panel.page.isChecked('.feature-toggles input[value="x2"]'), true, 'the last one stays on');
    assert.equal((await fileEdits(panel, from)).length, 2, 'and nothing is sent');
    await panel.replay([panelInit()]);
  });

  it('keeps the view options in a View group that never edits the file', async () => {
    const group = panel.page.locator('.view-group');
    assert.match(await group.innerText(), /View[\s\S]*not in the file/);
    assert.equal(await group.locator('label:has-text("Show test data")').count(), 1);
    assert.equal(await group.locator('label:has-text("Discretize output")').count(), 1);
    const posted = (await panel.posted()).length;
    await panel.page.getByLabel('Show test data').uncheck();
    await panel.settle();
    assert.match((await panel.page.textContent('.boundary-card .caption')) ?? '', /test data hidden/);
    assert.equal((await panel.posted()).length, posted, 'a view option sends nothing');
    await panel.page.getByLabel('Show test data').check();
    await panel.settle();
    assert.match((await panel.page.textContent('.boundary-card .caption')) ?? '', /rings: validation data/);
  });

  it('shows the run buttons, the progress, the loss curve and the map first in a 450×800 panel', async () => {
    await resize(panel, 450);
    const buttons = await panel.page.$$eval('.run-buttons button', (bs) =>
      bs.map((b) => ({ text: b.textContent, top: b.getBoundingClientRect().top })),
    );
    assert.deepEqual(
      buttons.map((b) => b.text),
      ['▶ Play', 'Step', 'Reset', '■ Stop'],
    );
    assert.equal(
      new Set(buttons.map((b) => b.top)).size,
      1,
      `the four buttons share one row: ${JSON.stringify(buttons)}`,
    );
    const progress = await box(panel, '.progress-row');
    const loss = await box(panel, '.loss-card .uplot');
    const map = await box(panel, 'canvas.boundary');
    const settings = await box(panel, '.controls .control-group');
    assert.ok(progress.y > buttons[0].top && progress.y < loss.y, 'the progress sits between the buttons and the loss');
    assert.ok(bottom(loss) <= 800, `the loss chart ends at ${bottom(loss)}, within the first 800 px`);
    assert.ok(map.y + 100 <= 800, `the map starts at ${map.y}, on the first screen`);
    assert.ok(settings.y >= bottom(map), 'the settings come after the map');
    await screenshot(panel, '450-light');
    await panel.setTheme('dark');
    await screenshot(panel, '450-dark');
    await panel.setTheme('light');
  });

  it('keeps the health table inside its card at 420 and 620 px', async () => {
    for (const width of [420, 620]) {
      await resize(panel, width);
      assert.deepEqual(await tablesStickingOut(panel), [], `at ${width} px`);
    }
    await panel.page
      .locator('.health-card')
      .screenshot({ path: path.join(SCREENSHOTS, 'panel-layout-health-620.png') });
    await resize(panel, 1100);
  });

  it('names the inputs as the model sees them: x1, x2, or the features the file sets', async () => {
    const header = async () => (await panel.page.textContent('.data-summary')) ?? '';
    const inputs = async () => await panel.page.$$eval('.network-input', (ts) => ts.map((t) => t.textContent));
    assert.match(await header(), /2 inputs · features x1, x2 ·/);
    assert.deepEqual(await inputs(), ['x1', 'x2']);
    const features = ['x1', 'x2', 'x1sq', 'sinx2'];
    const stream = binaryStream();
    const firstEpoch = stream.findIndex((m) => m.type === 'epoch');
    await panel.replay(
      stream
        .slice(0, firstEpoch + 1)
        .map((m) =>
          m.type === 'started'
            ? { ...m, spec: { ...m.spec, input: 4 }, settings: { ...m.settings, features } }
            : m.type === 'init'
              ? { ...m, settings: { ...m.settings, features } }
              : m,
        ),
    );
    assert.match(await header(), /4 inputs · features x1, x2, x1², sin\(x2\) ·/);
    assert.deepEqual(await inputs(), ['x1', 'x2', 'x1²', 'sin(x2)']);
    await panel.replay(binaryStream());
  });

  it('puts everything in one column in a 420 px panel: buttons, loss, map, then the settings', async () => {
    await resize(panel, 420);
    const controls = await box(panel, '.controls .control-group');
    const buttons = await box(panel, '.run-buttons');
    const map = await box(panel, 'canvas.boundary');
    const loss = await box(panel, '.loss-card');
    assert.ok(buttons.y < loss.y, 'the buttons come first');
    assert.ok(controls.y >= bottom(map), 'the settings come after the loss and the map');
    assert.ok(map.y >= bottom(loss), 'the map comes after the loss, not beside it');
    assert.ok(Math.abs(loss.x - controls.x) < 2, 'the cards start where the controls do');
    const overflow = await panel.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `nothing sticks out to the right (${overflow} px)`);
    await screenshot(panel, '420-light', true);
    await panel.setTheme('dark');
    await screenshot(panel, '420-dark', true);
    await panel.setTheme('light');
    await resize(panel, 1100);
  });

  it('lays the compare boundaries out in even rows with one legend entry per activation', async () => {
    await panel.replay(compareStream());
    const tops = async () => await panel.page.$$eval('.tile', (ts) => ts.map((t) => t.getBoundingClientRect().top));
    assert.equal(new Set(await tops()).size, 1, 'four tiles in one row at 1100 px');
    assert.deepEqual(await panel.page.$$eval('.compare-legend > .legend-item', (ls) => ls.map((l) => l.textContent)), [
      'relu',
      'tanh',
      'sigmoid',
      'leaky_relu',
    ]);
    await screenshot(panel, 'compare-1100-light', true);
    await resize(panel, 420);
    const rows = await tops();
    assert.equal(new Set(rows).size, 2, 'two rows at 420 px');
    assert.deepEqual(
      rows.map((t) => t === rows[0]),
      [true, true, false, false],
      'of two tiles each (2 + 2, not 3 + 1)',
    );
    await panel.setTheme('dark');
    await screenshot(panel, 'compare-420-dark', true);
  });

  it('keeps the compare summary inside its card at 420 and 620 px', async () => {
    for (const width of [420, 620]) {
      await resize(panel, width);
      assert.deepEqual(await tablesStickingOut(panel), [], `at ${width} px`);
      const use = await panel.page.$$eval('.compare-table button', (bs) => bs.length);
      assert.ok(use > 0, 'the summary offers its Use this buttons');
      await panel.page
        .locator('.compare-table')
        .screenshot({ path: path.join(SCREENSHOTS, `panel-layout-summary-${width}-dark.png`) });
    }
    await panel.setTheme('light');
    await panel.page
      .locator('.compare-table')
      .screenshot({ path: path.join(SCREENSHOTS, 'panel-layout-summary-620-light.png') });
    assert.deepEqual(panel.errors, []);
    assert.deepEqual(panel.consoleErrors, []);
  });

  it('disables Step as soon as PyTorch is chosen, before any run, and sends the choice to the host', async () => {
    const torchPanel = await openPanel(browser(), { theme: 'light', width: 1100 });
    try {
      await torchPanel.replay([panelInit({ torchAvailable: true })]);
      const step = torchPanel.page.locator('.run-buttons button', { hasText: 'Step' });
      assert.equal(await step.isDisabled(), false, 'Step is offered with the engine');
      const from = (await torchPanel.posted()).length;
      await torchPanel.page.selectOption('select[aria-label="Backend"]', 'torch');
      assert.equal(await step.isDisabled(), true, 'Step is disabled with PyTorch before Play');
      const sent = (await torchPanel.posted()).slice(from);
      assert.deepEqual(
        sent.filter((m) => m.type === 'backend'),
        [{ type: 'backend', backend: 'torch' }],
      );
      await torchPanel.page.selectOption('select[aria-label="Backend"]', 'engine');
      assert.equal(await step.isDisabled(), false, 'Step comes back with the engine');
    } finally {
      await torchPanel.close();
    }
  });
});
