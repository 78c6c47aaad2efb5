/**
 * The training panel in headless Chromium: replays host message streams into the built dist/panel.js and
 * checks what a user would see (curves, heatmaps, health table, confusion matrix, text-only data) and what
 * the panel sends back. Needs `npm run build` first (`npm test` does it) and Debian's chromium.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import {
  BINARY_CONFUSION,
  HOSTILE_CLASSES,
  HOSTILE_HEADER,
  MULTICLASS_CONFUSION,
  binaryStream,
  compareStream,
  hostileCsvStream,
} from '../../browser/fixtures/syntheticStream';
import { recordRun } from '../../browser/fixtures/recordEngine';
import { formatMetric } from '../../../media/src/panel/numbers';
import type { HostToPanel, RunFinished } from '../../../server/src/protocol';
import { readFileSync } from 'node:fs';
import { ROOT, openPanel, useChromium, type PanelPage, type ThemeName } from '../../browser/panelPage';
import type { PanelToHost } from '../../../server/src/protocol';

const SCREENSHOTS = path.join(ROOT, 'test', 'screenshots');

/** Counts pixels of a canvas close to a CSS color (within `tolerance` per channel). */
async function pixelsNear(panel: PanelPage, selector: string, cssColor: string, tolerance = 40): Promise<number> {
  return panel.page.evaluate(
    ({ selector, cssColor, tolerance }) => {
      const canvas = document.querySelector(selector) as HTMLCanvasElement | null;
      if (!canvas) return -1;
      const probe = document.createElement('canvas').getContext('2d')!;
      probe.fillStyle = cssColor;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (
          data[i + 3] > 0 &&
          Math.abs(data[i] - r) <= tolerance &&
          Math.abs(data[i + 1] - g) <= tolerance &&
          Math.abs(data[i + 2] - b) <= tolerance
        )
          count++;
      }
      return count;
    },
    { selector, cssColor, tolerance },
  );
}

/** Distinct colors in a canvas (a blank or flat canvas has one). */
async function distinctColors(panel: PanelPage, selector: string): Promise<number> {
  return panel.page.evaluate((selector) => {
    const canvas = document.querySelector(selector) as HTMLCanvasElement | null;
    if (!canvas || canvas.width === 0) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  }, selector);
}

/** The average color of a small square of a canvas, in canvas pixels. */
async function colorAt(panel: PanelPage, selector: string, fx: number, fy: number): Promise<[number, number, number]> {
  return panel.page.evaluate(
    ({ selector, fx, fy }) => {
      const canvas = document.querySelector(selector) as HTMLCanvasElement;
      const x = Math.floor(fx * canvas.width);
      const y = Math.floor(fy * canvas.height);
      const d = canvas.getContext('2d')!.getImageData(x, y, 1, 1).data;
      return [d[0], d[1], d[2]] as [number, number, number];
    },
    { selector, fx, fy },
  );
}

function themeVar(panel: PanelPage, name: string): Promise<string> {
  return panel.page.evaluate((n) => getComputedStyle(document.body).getPropertyValue(n).trim(), name);
}

async function texts(panel: PanelPage, selector: string): Promise<string[]> {
  return panel.page.$$eval(selector, (nodes) => nodes.map((n) => (n.textContent ?? '').trim()));
}

async function screenshot(panel: PanelPage, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await panel.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('panel in headless Chromium', function () {
  this.timeout(120_000);
  const browser = useChromium();

  describe('a binary run on 2-D data', () => {
    let panel: PanelPage;
    before(async () => {
      panel = await openPanel(browser(), { theme: 'dark' });
      await panel.replay(binaryStream());
    });
    after(() => panel.close());

    it('says it is ready before anything else', async () => {
      const posted = await panel.posted();
      assert.deepEqual(posted[0], { type: 'ready' });
    });

    it('draws the train and validation loss curves', async () => {
      const blue = await themeVar(panel, '--vscode-charts-blue');
      const orange = await themeVar(panel, '--vscode-charts-orange');
      const selector = '#train-view .curves:first-child .uplot canvas';
      assert.ok((await pixelsNear(panel, selector, blue, 30)) > 100, 'the training curve (blue) is drawn');
      assert.ok((await pixelsNear(panel, selector, orange, 30)) > 100, 'the validation curve (orange) is drawn');
    });

    it('paints the decision boundary with both classes', async () => {
      const selector = 'canvas.boundary';
      assert.ok((await distinctColors(panel, selector)) > 50, 'the heatmap has a gradient of colors');
      const blue = await themeVar(panel, '--vscode-charts-blue');
      const orange = await themeVar(panel, '--vscode-charts-orange');
      // Points are drawn in full class colors; the background tints lie between them and the background.
      assert.ok((await pixelsNear(panel, selector, blue, 30)) > 50, 'class 1 points are drawn');
      assert.ok((await pixelsNear(panel, selector, orange, 30)) > 50, 'class 0 points are drawn');
    });

    it('colors the plane where the model says class 1 bluer than where it says class 0', async () => {
      // In the fixture, score = sin(angle − 1.1·r); on the positive y axis that is cos(1.1·r): +0.95 at r = 5.4, −1 at r = 2.86.
      const top = (r: number) => 0.5 - r / 12;
      const classOne = await colorAt(panel, 'canvas.boundary', 0.5, top(5.4));
      const classZero = await colorAt(panel, 'canvas.boundary', 0.5, top(2.86));
      assert.ok(
        classOne[2] - classOne[0] > classZero[2] - classZero[0],
        `class 1 area ${classOne} should be bluer than class 0 area ${classZero}`,
      );
    });

    it('draws each hidden unit’s picture once, in the network view, not again beside the boundary', async () => {
      assert.equal((await panel.page.$$('.boundary-card canvas')).length, 1, 'only the map itself');
      // 16 hidden units and the output unit, whose picture is the boundary.
      assert.equal((await panel.page.$$('.network canvas.network-picture')).length, 17);
      assert.ok((await distinctColors(panel, '.network canvas.network-picture')) > 5);
    });

    it('shows the health of each layer and highlights the finding on its layer', async () => {
      const rows = await panel.page.$$eval('.health-table tbody tr', (trs) =>
        trs.map((tr) => ({
          cells: Array.from(tr.querySelectorAll('td')).map((td) => td.textContent!.trim()),
          flagged: tr.classList.contains('has-finding'),
        })),
      );
      assert.equal(rows.length, 3);
      assert.deepEqual(
        rows.map((r) => r.cells[0].replace(/\s*⚠$/, '')),
        ['dense_1', 'dense_2', 'out'],
      );
      assert.deepEqual(
        rows.map((r) => r.cells[1]),
        ['relu', 'relu', 'sigmoid'],
      );
      assert.equal(rows[0].cells[2], '6.3%');
      assert.equal(rows[1].cells[2], '50%');
      assert.equal(rows[2].cells[2], '—');
      assert.deepEqual(
        rows.map((r) => r.flagged),
        [false, true, false],
      );
      assert.ok((await distinctColors(panel, '.health-table canvas.histogram')) > 1, 'histograms are drawn');
    });

    it('plots gradient norms on a log scale', async () => {
      const blue = await themeVar(panel, '--vscode-charts-blue');
      assert.ok((await pixelsNear(panel, '.health-card .uplot canvas', blue, 30)) > 50);
    });

    it('shows the confusion matrix with class names', async () => {
      const cells = await panel.page.$$eval('table.confusion tbody tr', (trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => Number(td.textContent))),
      );
      assert.deepEqual(cells, BINARY_CONFUSION);
      assert.deepEqual(await texts(panel, 'table.confusion thead th'), ['true ↓ predicted →', '0', '1']);
    });

    it('reports the finished run and its final metrics', async () => {
      assert.match((await texts(panel, '.progress-text'))[0], /^Finished after 200 epochs/);
      const metrics = await panel.page.$$eval('.metrics-table tbody tr', (trs) => trs.map((tr) => tr.textContent));
      assert.equal(metrics.length, 2);
      assert.match(metrics[1]!, /^accuracy\d+\.\d%\d+\.\d%$/);
    });

    it('plots f and f′ of each activation in use', async () => {
      const captions = await texts(panel, '.activation figcaption');
      assert.deepEqual(captions, ['relu — dense_1, dense_2', 'sigmoid — out']);
      assert.equal((await panel.page.$$('.activation .uplot')).length, 2);
    });

    it('offers a fix for the finding and sends it when applied', async () => {
      const suggestion = await texts(panel, '.finding .suggestion span');
      assert.deepEqual(suggestion, ['Suggestion: Switch dense_2 to leaky_relu.']);
      await panel.page.click('.finding .suggestion button.primary');
      const posted = await panel.posted();
      assert.deepEqual(posted.at(-1), {
        type: 'applyFix',
        fix: { kind: 'setActivation', sourceIndices: [1], activation: 'leaky_relu' },
        rerun: false,
      });
    });

    it('asks the editor to reveal a layer when its name is clicked', async () => {
      await panel.page.click('.health-table tbody tr:nth-child(2) button.link');
      assert.deepEqual((await panel.posted()).at(-1), { type: 'revealLayer', sourceIndex: 1 });
    });

    it('copies the results as markdown', async () => {
      await panel.page.click('text=Copy results as markdown');
      const last = (await panel.posted()).at(-1) as Extract<PanelToHost, { type: 'copyResults' }>;
      assert.equal(last.type, 'copyResults');
      assert.match(last.markdown, /^## Training results: spirals \(spirals\.nn\)/);
      assert.match(last.markdown, /\| dense\\_2 \| relu \| 50% \|/);
      assert.match(last.markdown, /\| 0 \| 36 \| 4 \|/);
    });

    it('asks for an edit of the file for a changed field, and refuses invalid values', async () => {
      const epochs = panel.page.locator('.controls label:has-text("Epochs") input');
      assert.equal(await epochs.inputValue(), '200');
      await epochs.fill('300');
      await epochs.press('Enter');
      await epochs.blur();
      await panel.settle();
      const sent = (await panel.posted()).filter((m) => m.type === 'applyFix' && m.fix.kind === 'setTrainSetting');
      assert.deepEqual(sent, [
        { type: 'applyFix', fix: { kind: 'setTrainSetting', setting: { key: 'epochs', value: 300 } }, rerun: false },
      ]);
      const noise = panel.page.locator('.controls label:has-text("Noise") input');
      await noise.fill('0.3');
      await noise.blur();
      await panel.settle();
      assert.deepEqual((await panel.posted()).at(-1), {
        type: 'applyFix',
        fix: {
          kind: 'setTrainSetting',
          setting: { key: 'data', value: { name: 'spiral', args: { points: 400, noise: 0.3 } } },
        },
        rerun: false,
      });
      const before = (await panel.posted()).length;
      await epochs.fill('-5');
      await epochs.blur();
      await panel.settle();
      assert.equal(await epochs.getAttribute('aria-invalid'), 'true');
      assert.equal((await panel.posted()).length, before, 'nothing is sent for an invalid value');
    });

    it('says the results are stale after the file changed, until they are current again', async () => {
      const banner = panel.page.locator('.stale-banner');
      assert.equal(await banner.isVisible(), false);
      await panel.replay([{ type: 'stale', line: 4 }]);
      await panel.settle();
      assert.equal(await banner.isVisible(), true);
      assert.match(await banner.innerText(), /earlier version of the file \(line 4 changed\)/);
      await banner.locator('button:has-text("Run again")').click();
      assert.deepEqual((await panel.posted()).at(-1), { type: 'control', action: 'regenerate' });
      await panel.replay([{ type: 'stale' }]);
      await panel.settle();
      assert.equal(await banner.isVisible(), false, 'an undo back to the run’s text makes them current');
      await panel.replay([
        { type: 'stale', line: 2 },
        { type: 'plan', mode: 'train', runs: [] },
      ]);
      await panel.settle();
      assert.equal(await banner.isVisible(), false, 'a new plan clears it');
    });

    it('sends the run controls', async () => {
      await panel.page.click('.run-buttons button:has-text("Step")');
      await panel.page.click('.run-buttons button:has-text("Reset")');
      const controls = (await panel.posted()).filter((m) => m.type === 'control');
      assert.deepEqual(controls.slice(-2), [
        { type: 'control', action: 'step' },
        { type: 'control', action: 'reset' },
      ]);
    });

    it('logged no errors', () => {
      assert.deepEqual(panel.errors, []);
      assert.deepEqual(panel.consoleErrors, []);
    });
  });

  describe('runs recorded from the real engine', () => {
    const finishedOf = (stream: HostToPanel[]) => stream.find((m): m is RunFinished => m.type === 'finished')!;

    it('examples/spirals.nn: curves, boundary, health, final accuracy and confusion matrix', async () => {
      const stream = await recordRun(readFileSync(path.join(ROOT, 'examples', 'spirals.nn'), 'utf8'), 'spirals.nn', {
        epochs: 40,
      });
      const finished = finishedOf(stream);
      assert.equal(finished.reason, 'completed');
      const panel = await openPanel(browser(), { theme: 'dark' });
      try {
        await panel.replay(stream);
        const blue = await themeVar(panel, '--vscode-charts-blue');
        assert.ok(
          (await pixelsNear(panel, '#train-view .curves:first-child .uplot canvas', blue, 30)) > 100,
          'loss curve drawn',
        );
        assert.ok((await distinctColors(panel, 'canvas.boundary')) > 50, 'boundary painted');
        const names = await panel.page.$$eval('.health-table tbody tr td:first-child button', (b) =>
          b.map((x) => x.textContent),
        );
        assert.deepEqual(names, ['dense_1', 'dense_2', 'out']);
        const validation = await panel.page.$$eval('.metrics-table tbody tr:nth-child(2) td', (tds) =>
          tds.map((td) => td.textContent),
        );
        assert.equal(validation[1], formatMetric(finished.final.valMetric, 'accuracy'));
        const cells = await panel.page.$$eval('table.confusion tbody td', (tds) =>
          tds.map((td) => Number(td.textContent)),
        );
        assert.deepEqual(cells, finished.confusion!.flat());
        assert.match((await texts(panel, '.progress-text'))[0], /^Finished after 40 epochs/);
        assert.deepEqual(panel.consoleErrors, []);
        assert.deepEqual(panel.errors, []);
        await screenshot(panel, 'panel-recorded-spirals-dark');
      } finally {
        await panel.close();
      }
    });

    it('examples/iris.nn: no boundary for 4 inputs, a 3×3 confusion matrix with the species names', async () => {
      const stream = await recordRun(readFileSync(path.join(ROOT, 'examples', 'iris.nn'), 'utf8'), 'iris.nn', {
        epochs: 30,
      });
      const finished = finishedOf(stream);
      const panel = await openPanel(browser(), { theme: 'light' });
      try {
        await panel.replay(stream);
        assert.equal(await panel.page.isVisible('.boundary-card'), false);
        const classes = (stream.find((m) => m.type === 'started') as Extract<HostToPanel, { type: 'started' }>).dataset
          .classes;
        assert.equal(classes.length, 3);
        assert.deepEqual(await texts(panel, 'table.confusion tbody th'), classes);
        const cells = await panel.page.$$eval('table.confusion tbody td', (tds) =>
          tds.map((td) => Number(td.textContent)),
        );
        assert.deepEqual(cells, finished.confusion!.flat());
        assert.deepEqual(panel.consoleErrors, []);
        await screenshot(panel, 'panel-recorded-iris-light');
      } finally {
        await panel.close();
      }
    });
  });

  describe('data with HTML in its names', () => {
    let panel: PanelPage;
    before(async () => {
      panel = await openPanel(browser(), { theme: 'light' });
      await panel.replay(hostileCsvStream());
    });
    after(() => panel.close());

    it('shows a CSV header <script>alert(1)</script> as text', async () => {
      const summary = (await texts(panel, '.data-summary'))[0];
      assert.ok(summary.includes(`target ${HOSTILE_HEADER}`), summary);
      assert.ok(summary.includes('Data: <i>evil</i>.csv'), summary);
      assert.equal(await panel.page.$$eval('script', (s) => s.length), 2, 'only the page’s own scripts exist');
      assert.equal(
        await panel.page.$$eval('#app img, #app i, #app b', (s) => s.length),
        0,
        'no markup from the data became elements',
      );
      assert.equal((await texts(panel, '.file-name'))[0], '<img src=x onerror=alert(3)>.nn');
      assert.deepEqual(panel.errors, [], 'no script ran and no dialog opened');
    });

    it('labels the 3-class confusion matrix with the class names as text', async () => {
      assert.deepEqual((await texts(panel, 'table.confusion thead th')).slice(1), HOSTILE_CLASSES);
      assert.deepEqual(await texts(panel, 'table.confusion tbody th'), HOSTILE_CLASSES);
      const cells = await panel.page.$$eval('table.confusion tbody tr', (trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => Number(td.textContent))),
      );
      assert.deepEqual(cells, MULTICLASS_CONFUSION);
      assert.deepEqual(await texts(panel, '.legend-item'), HOSTILE_CLASSES);
    });

    it('paints a multiclass boundary in three class colors', async () => {
      const colors = await Promise.all(['orange', 'blue', 'green'].map((c) => themeVar(panel, `--vscode-charts-${c}`)));
      for (const color of colors)
        assert.ok((await pixelsNear(panel, 'canvas.boundary', color, 30)) > 20, `points in ${color}`);
    });

    it('hides the toy-data fields for CSV data', async () => {
      assert.equal(await panel.page.isVisible('.data-row'), false);
    });
  });

  describe('malformed messages', () => {
    let panel: PanelPage;
    before(async () => {
      panel = await openPanel(browser(), { theme: 'dark' });
      await panel.replay(binaryStream().slice(0, 10));
    });
    after(() => panel.close());

    it('ignores each one with a logged error and keeps its state', async () => {
      const progressBefore = await texts(panel, '.progress-text');
      const rowsBefore = await panel.page.$$eval('.health-table tbody tr', (trs) => trs.map((tr) => tr.textContent));
      const bad = [
        null,
        'hello',
        42,
        { type: 'explode' },
        { type: 'epoch', runId: 'run-1', epoch: 'seven' },
        {
          type: 'epoch',
          runId: 'run-1',
          epoch: 999,
          epochs: 200,
          trainLoss: 0,
          valLoss: 0,
          trainMetric: 1,
          valMetric: 1,
          metricName: 'accuracy',
          elapsedMs: 1,
          samplesPerSecond: 1,
          layers: [],
          findings: [],
          boundary: { width: 10, height: 10, xRange: [0, 1], yRange: [0, 1], values: [1, 2, 3] },
        },
        { type: 'finished', runId: 'run-1', reason: 'exploded', epochs: 1, final: {}, findings: [] },
        { type: 'init', mode: 'train' },
        { type: 'started', runId: 'run-1', spec: {}, settings: {}, dataset: { name: '<script>alert(1)</script>' } },
      ];
      const errorsBefore = panel.consoleErrors.length;
      await panel.replay(bad);
      const logged = panel.consoleErrors.slice(errorsBefore);
      assert.equal(logged.length, bad.length, logged.join('\n'));
      for (const line of logged) assert.match(line, /^\[nn-panel\] ignored a message: /);
      assert.match(logged[5], /boundary\.values should hold width × height = 100 numbers/);
      assert.deepEqual(await texts(panel, '.progress-text'), progressBefore);
      assert.deepEqual(
        await panel.page.$$eval('.health-table tbody tr', (trs) => trs.map((tr) => tr.textContent)),
        rowsBefore,
      );
      assert.deepEqual(panel.errors, []);
    });
  });

  describe('compare activations', () => {
    let panel: PanelPage;
    before(async () => {
      panel = await openPanel(browser(), { theme: 'dark' });
      await panel.replay(compareStream());
    });
    after(() => panel.close());

    it('shows the Compare tab with one boundary per run', async () => {
      assert.equal(await panel.page.isVisible('#compare-view'), true);
      assert.equal(await panel.page.isVisible('#train-view'), false);
      const tiles = await panel.page.$$('.tile canvas');
      assert.equal(tiles.length, 4);
      for (let i = 1; i <= 4; i++)
        assert.ok((await distinctColors(panel, `.tile:nth-child(${i}) canvas`)) > 20, `tile ${i} is painted`);
      assert.deepEqual(
        (await texts(panel, '.tile figcaption')).map((t) => t.split(' · ')[0]),
        ['relu', 'tanh', 'sigmoid', 'leaky_relu'],
      );
    });

    it('overlays the loss curves of all runs', async () => {
      // One entry per activation in its colour, then the key of the line styles.
      assert.deepEqual(await texts(panel, '.compare-legend > .legend-item'), ['relu', 'tanh', 'sigmoid', 'leaky_relu']);
      assert.equal(await panel.page.textContent('.compare-legend .line-key'), 'trainingvalidation');
      assert.equal((await panel.page.$$('.compare-view .u-legend')).length, 0, 'no legend row per series');
      const green = await themeVar(panel, '--vscode-charts-green');
      assert.ok((await pixelsNear(panel, '.compare-view .uplot canvas', green, 30)) > 50, 'the third run is drawn');
    });

    it('gives epochs to the threshold for each run', async () => {
      const rows = await panel.page.$$eval('.compare-table tbody tr', (trs) =>
        trs.map((tr) => Array.from(tr.children).map((c) => c.textContent!.trim())),
      );
      assert.equal(rows.length, 4);
      assert.deepEqual(
        rows.map((r) => r[0]),
        ['relu', 'tanh', 'sigmoid', 'leaky_relu'],
      );
      assert.equal(rows[2][2], 'not reached', 'sigmoid learns too slowly to reach 90%');
      // The column shows the epoch the trainer reported (it checks every epoch), not one the panel received.
      const reported = compareStream().flatMap((m) => (m.type === 'finished' ? [m.reachedAt] : []));
      assert.deepEqual(
        rows.map((r) => r[2]),
        reported.map((e) => (e === undefined ? 'not reached' : String(e))),
      );
      assert.ok(Number(rows[3][2]) <= Number(rows[1][2]), 'leaky_relu gets there no later than tanh');
      assert.equal((await texts(panel, '.compare-table thead th'))[2], 'Epochs to validation accuracy ≥ 90%');
    });

    it('applies the chosen activation to every hidden layer', async () => {
      await panel.page.click('.compare-table tbody tr:nth-child(2) button');
      assert.deepEqual((await panel.posted()).at(-1), {
        type: 'applyFix',
        fix: { kind: 'setActivation', sourceIndices: [0, 1], activation: 'tanh' },
        rerun: false,
      });
    });

    it('starts a comparison with the checked activations', async () => {
      await panel.page.click('.choices label:has-text("sigmoid") input');
      await panel.page.click('.choices label:has-text("gelu") input');
      await panel.page.click('text=Run comparison');
      assert.deepEqual((await panel.posted()).at(-1), {
        type: 'compare',
        activations: ['relu', 'tanh', 'leaky_relu', 'gelu'],
      });
    });
  });

  describe('state restore', () => {
    it('shows the last run again from the saved state, without any message', async () => {
      const first = await openPanel(browser(), { theme: 'dark' });
      await first.replay(binaryStream());
      const saved = await first.savedState();
      await first.close();
      assert.ok(saved, 'the panel saved its state');
      const second = await openPanel(browser(), { theme: 'dark', initialState: saved });
      try {
        assert.match((await texts(second, '.progress-text'))[0], /^Finished after 200 epochs/);
        assert.equal((await second.page.$$('.health-table tbody tr')).length, 3);
        assert.ok((await distinctColors(second, 'canvas.boundary')) > 50);
        const cells = await second.page.$$eval('table.confusion tbody td', (tds) =>
          tds.map((td) => Number(td.textContent)),
        );
        assert.deepEqual(cells, BINARY_CONFUSION.flat());
        assert.deepEqual(second.consoleErrors, []);
      } finally {
        await second.close();
      }
    });
  });

  describe('redraw throttling', () => {
    it('coalesces a burst of progress messages into few frames', async () => {
      const panel = await openPanel(browser(), { theme: 'dark' });
      try {
        const stream = binaryStream();
        const framesBefore = await panel.page.evaluate(() => Number(document.body.dataset.frames));
        const started = Date.now();
        await panel.replay(stream);
        const elapsed = Date.now() - started;
        const frames = (await panel.page.evaluate(() => Number(document.body.dataset.frames))) - framesBefore;
        assert.ok(frames < stream.length / 2, `${frames} frames for ${stream.length} messages`);
        // At most one frame per 33 ms, plus the first and the settling frames.
        assert.ok(frames <= Math.ceil(elapsed / 33) + 3, `${frames} frames in ${elapsed} ms`);
      } finally {
        await panel.close();
      }
    });
  });

  describe('screenshots', () => {
    const themes: ThemeName[] = ['light', 'dark', 'high-contrast'];
    for (const theme of themes) {
      it(`saves the train and compare views in the ${theme} theme`, async () => {
        const panel = await openPanel(browser(), { theme });
        try {
          await panel.replay(binaryStream());
          await screenshot(panel, `panel-train-${theme}`);
          await panel.replay(compareStream());
          await screenshot(panel, `panel-compare-${theme}`);
          assert.deepEqual(panel.errors, []);
        } finally {
          await panel.close();
        }
      });
    }
  });
});
