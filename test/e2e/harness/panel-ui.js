// The training panel driven through the workbench like a person: open spirals.nn, click the ▶ Train code
// lens, watch the run finish in the webview, read the accuracy, check the decision boundary is drawn, click
// a layer to jump to its line, run Compare activations from its lens, and take screenshots of the panel in
// the Dark Modern and Light Modern themes. Every wait is on a DOM state, never a fixed sleep.
// Run by run.js after the UI smoke test, or alone: node test/e2e/harness/panel-ui.js (after npm run build).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { repoRoot, screenshots } = require('./paths');
const {
  MODEL_TIMEOUT_MS,
  RUN_TIMEOUT_MS,
  checklist,
  writeWorkspaceSettings,
  watchPanelErrors,
  checkNoPanelErrors,
  trainFromLens,
  runEnd,
  metrics,
  canvasInk,
  painted,
  frames,
  nextFrame,
  waitForCursorLine,
  layerLines,
  shoot,
} = require('./workbench');

const FILE = 'spirals.nn';
const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern' };
// The compare defaults, in the catalog's order (server/src/catalog/activations/compare.ts).
const ACTIVATIONS = ['relu', 'leaky_relu', 'tanh', 'sigmoid'];

function setTheme(folder, theme) {
  writeWorkspaceSettings(folder, {
    'workbench.colorTheme': theme,
    // flawed.nn's softmax-one-unit is an error, and no run starts from a file with errors: as a warning it trains.
    'nn.checks': { 'softmax-one-unit': 'warning' },
  });
}

/**
 * The lowest WCAG contrast ratio between the text of the visible elements matching each selector and the
 * background behind it (runs in the webview). Returns { selector: [ratio, sample text] }.
 */
function textContrast(selectors) {
  // Computed colours come as rgb()/rgba() in 0–255, or as color(srgb r g b / a) in 0–1 (from color-mix).
  const rgba = (css) => {
    const numbers = (css.match(/[\d.]+/g) || []).map(Number);
    return css.startsWith('color(srgb') ? numbers.map((v, i) => (i < 3 ? v * 255 : v)) : numbers;
  };
  const luminance = ([r, g, b]) => {
    const channel = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const backgroundOf = (node) => {
    for (let n = node; n; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c;
    }
    return rgba(getComputedStyle(document.body).backgroundColor);
  };
  const out = {};
  for (const selector of selectors) {
    let worst = [Infinity, ''];
    for (const node of document.querySelectorAll(selector)) {
      if (!node.textContent.trim() || node.getClientRects().length === 0) continue;
      const style = getComputedStyle(node);
      const fg = rgba(style.color);
      const bg = backgroundOf(node);
      // Blend a translucent text colour over its background, as the browser does.
      const alpha = fg.length >= 4 ? fg[3] * Number(style.opacity) : Number(style.opacity);
      const mixed = [0, 1, 2].map((i) => fg[i] * alpha + bg[i] * (1 - alpha));
      const [a, b] = [luminance(mixed), luminance(bg)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      if (ratio < worst[0]) worst = [Math.round(ratio * 100) / 100, node.textContent.trim().slice(0, 30)];
    }
    out[selector] = worst;
  }
  return out;
}

/** Text the panel must keep readable, and the contrast each needs (WCAG AA: 4.5 for text, 3 for secondary text). */
const READABLE = {
  h2: 4.5,
  '.progress-text': 4.5,
  '.metrics-table td': 4.5,
  '.health-table td': 4.5,
  '.compare-table td': 4.5,
  'button.link': 4.5,
  '.muted': 3,
};

async function checkContrast(frame, check, theme) {
  const report = await frame.evaluate(textContrast, Object.keys(READABLE));
  const low = Object.entries(report).filter(
    ([selector, [ratio]]) => Number.isFinite(ratio) && ratio < READABLE[selector],
  );
  const shown = Object.entries(report)
    .filter(([, [ratio]]) => Number.isFinite(ratio))
    .map(([selector, [ratio]]) => `${selector} ${ratio}`)
    .join(', ');
  check(
    low.length === 0,
    `text is readable in ${theme} (lowest contrast: ${shown})${low.length ? ` — too low: ${low.map(([s, [r, t]]) => `${s} ${r} "${t}"`).join('; ')}` : ''}`,
  );
}

const TRAIN_SECTIONS = [
  ['results', '.results-card'],
  ['health', '.health-card'],
];
const COMPARE_SECTIONS = [['boundaries', '.compare-boundaries']];

async function runPanelUi({ server, browser, folder, outDir = screenshots, prefix = 'panel-ui' }) {
  fs.mkdirSync(outDir, { recursive: true });
  const { check, tally } = checklist();
  setTheme(folder, THEMES.dark);
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const panelErrors = watchPanelErrors(page);
  const shots = [];
  try {
    await page.goto(server.url({ folder, extensionPath: repoRoot }));
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: MODEL_TIMEOUT_MS });
    const frame = await trainFromLens(page, FILE);
    const editor = page.locator('.editor-instance .monaco-editor').first();
    check(true, 'the ▶ Train code lens opens the training panel');

    const finished = await runEnd(frame);
    check(finished.startsWith('Finished after 300 epochs'), `the run finishes: "${finished}"`);

    const accuracyRow = (await metrics(frame)).accuracy;
    const validation = Number.parseFloat(accuracyRow[2]);
    check(
      validation >= 90,
      `the results show the final validation accuracy (${JSON.stringify(accuracyRow)}), at least 90%`,
    );

    const ink = await frame.$eval('canvas.boundary', canvasInk);
    check(
      ink.width >= 200 && painted(ink),
      `the decision boundary is drawn (${ink.width}×${ink.height}, ${(ink.opaque * 100).toFixed(0)}% painted, ${ink.colours} colours)`,
    );
    const curves = await frame.$$eval(
      '.card canvas',
      (canvases) => canvases.filter((c) => !c.closest('.boundary-row') && c.width > 100).length,
    );
    check(curves >= 2, `the curves are drawn (${curves} chart canvases)`);

    const text = fs.readFileSync(path.join(folder, FILE), 'utf8');
    const lines = layerLines(text);
    const layerRow = frame.locator('.health-table tbody tr[data-layer="1"]');
    const layerName = (await layerRow.locator('button.link').textContent()).trim();
    await layerRow.locator('button.link').click();
    const { moved, shown } = await waitForCursorLine(page, lines[1]);
    check(
      moved,
      `clicking ${layerName} in the health table moves the cursor to line ${lines[1]} (the editor's cursor line: ${shown})`,
    );
    await checkContrast(frame, check, 'Dark Modern (train tab)');
    shots.push(...(await shoot(page, frame, outDir, `${prefix}-train-dark`, TRAIN_SECTIONS)));

    const compareLens = editor.locator('.codelens-decoration a', { hasText: 'Compare activations' }).first();
    await compareLens.click();
    const compared = await frame
      .waitForFunction(
        (n) =>
          document.querySelector('#compare-view:not([hidden])') &&
          document.querySelector('.progress-text')?.textContent.startsWith(`${n} of ${n} runs finished`),
        ACTIVATIONS.length,
        { timeout: RUN_TIMEOUT_MS * 2 },
      )
      .then(() => frame.textContent('.progress-text'));
    check(true, `Compare activations runs every default: "${compared}"`);
    const table = await frame.$$eval('.compare-table tbody tr', (rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent.trim())),
    );
    check(
      table.length === ACTIVATIONS.length &&
        ACTIVATIONS.every((name, i) => table[i][0] === name && /^300 \/ 300$/.test(table[i][1])),
      `the compare table has a finished row per activation (${table.map((r) => `${r[0]}: ${r[1]}, ${r[2]} to threshold, ${r[4]}`).join('; ')})`,
    );
    const tiles = await Promise.all((await frame.$$('.tiles canvas')).map((tile) => tile.evaluate(canvasInk)));
    check(
      tiles.length === ACTIVATIONS.length && tiles.every(painted),
      `the ${tiles.length} compare boundaries are drawn (${tiles.map((t) => t.colours).join(', ')} colours)`,
    );
    await checkContrast(frame, check, 'Dark Modern (compare tab)');
    shots.push(...(await shoot(page, frame, outDir, `${prefix}-compare-dark`, COMPARE_SECTIONS)));

    // Light Modern: change the workspace's theme setting; the workbench and the webview follow it.
    const before = await frames(frame);
    setTheme(folder, THEMES.light);
    await page.locator('.monaco-workbench.vs').waitFor({ timeout: 60000 });
    await frame.waitForSelector('body.vscode-light', { timeout: 60000 });
    await nextFrame(frame, before);
    check(true, 'the panel follows the switch to Light Modern');
    await checkContrast(frame, check, 'Light Modern (compare tab)');
    shots.push(...(await shoot(page, frame, outDir, `${prefix}-compare-light`, COMPARE_SECTIONS)));
    const trainTab = frame.locator('.tabs .tab', { hasText: /^Train$/ });
    const beforeTab = await frames(frame);
    await trainTab.click();
    await frame.waitForSelector('#train-view:not([hidden]) canvas.boundary', { timeout: 30000 });
    await nextFrame(frame, beforeTab);
    const lightInk = await frame.$eval('canvas.boundary', canvasInk);
    check(
      painted(lightInk) && lightInk.brightness > ink.brightness,
      `the boundary is redrawn in the light theme's colours (${lightInk.colours} colours, mean brightness ${ink.brightness.toFixed(0)} → ${lightInk.brightness.toFixed(0)})`,
    );
    await checkContrast(frame, check, 'Light Modern (train tab)');
    shots.push(...(await shoot(page, frame, outDir, `${prefix}-train-light`, TRAIN_SECTIONS)));

    // The flawed example: close the spirals panel, train flawed.nn from its lens, see its finding in the
    // panel and as an nn-train problem in the workbench.
    const spiralsTab = page.locator('.tabs-container .tab', { hasText: 'Train: spirals' });
    await spiralsTab.hover();
    await spiralsTab.locator('.tab-actions .action-label').click();
    await page.waitForFunction(() => !document.querySelector('iframe.webview'), undefined, { timeout: 30000 });
    const flawedFrame = await trainFromLens(page, 'flawed.nn', 'softmax');
    const flawedEnd = await runEnd(flawedFrame);
    const findings = await flawedFrame.$$eval('.findings li.finding', (items) =>
      items.map((item) => item.textContent.trim()),
    );
    check(
      flawedEnd.startsWith('Finished') && findings.length > 0,
      `flawed.nn trains ("${flawedEnd}") and the panel lists its findings (${findings.map((f) => f.slice(0, 60)).join(' | ') || 'none'})`,
    );
    // Its gradients are all 0 (softmax over one unit passes none back): the log-scale chart must say so, not "Waiting".
    const gradientNote = await flawedFrame.$eval('.health-card .chart-empty', (node) =>
      node.hidden ? '(chart drawn)' : node.textContent,
    );
    check(
      !/Waiting/.test(gradientNote),
      `the finished run's gradient chart does not claim to wait for data ("${gradientNote}")`,
    );
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'nn-train' }).first();
    const listed = await problem.waitFor({ timeout: 60000 }).then(
      () => true,
      () => false,
    );
    check(
      listed,
      `the Problems view lists the run's finding with source nn-train${listed ? ` ("${(await problem.innerText()).replace(/\s+/g, ' ').slice(0, 120)}")` : ''}`,
    );
    shots.push(...(await shoot(page, flawedFrame, outDir, `${prefix}-flawed-light`, [['findings', '.health-card']])));

    checkNoPanelErrors(check, panelErrors);
    console.log(`  screenshots: ${shots.join(', ')}`);
  } catch (error) {
    check(false, `training panel UI step failed: ${error.message.split('\n')[0]}`);
    await page.screenshot({ path: path.join(outDir, `${prefix}-error.png`) }).catch(() => undefined);
  } finally {
    await context.close();
  }
  return tally();
}

module.exports = { runPanelUi };

if (require.main === module) require('./standalone').runStandalone(runPanelUi);
