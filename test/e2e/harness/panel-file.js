// The training panel as an editor of the .nn file, driven through the workbench like a person: train
// spirals.nn from its lens, check the network view and click a unit and a layer to reveal their lines, change
// the learning rate in the panel and see the file's text change (and Ctrl+Z restore it), type a new epochs
// value in the editor and see the panel's field follow and its results called stale, reload the window and see
// the panel come back with its results and settings, then screenshot it in the dark and light themes.
// The editor's text is read from the editor (inlay hints are turned off while it is read: they add text to its
// lines). Every wait is on a DOM state, never a fixed sleep.
// Run by run.js after the panel UI test, or alone: node test/e2e/harness/panel-file.js (after npm run build).
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
  openFile,
  trainLens: findTrainLens,
  panelFrame,
  runEnd,
  metricRows,
  canvasInk,
  painted,
  frames,
  nextFrame,
  waitForCursorLine,
  layerLines,
  shoot,
} = require('./workbench');

const FILE = 'spirals.nn';
const EDIT_TIMEOUT_MS = 30000;
const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern' };

function writeSettings(folder, { theme, inlayHints }) {
  writeWorkspaceSettings(folder, {
    'workbench.colorTheme': theme,
    'editor.inlayHints.enabled': inlayHints ? 'on' : 'off',
  });
}

/** The text of the first editor as it shows it: its rendered lines in order of their place on screen. */
function editorText(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    const lines = [...(editor?.querySelectorAll('.view-lines .view-line') ?? [])];
    return lines
      .map((line) => ({ top: Number.parseFloat(line.style.top) || 0, text: line.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text)
      .join('\n');
  });
}

/** Where two texts first differ, for a failure's message. */
function firstDifference(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i < 0 ? a.length : i;
  return `line ${at + 1}: expected ${JSON.stringify(a[at] ?? '(end)')}, shown ${JSON.stringify(b[at] ?? '(end)')}`;
}

/** Waits until the editor shows a text for which `accept(text)` is true; returns the last text seen. */
async function waitForEditorText(page, accept, timeoutMs = EDIT_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let text = await editorText(page);
  while (!accept(text) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    text = await editorText(page);
  }
  return text;
}

/** Waits until a panel field shows `value`; returns what it shows. */
async function waitForField(frame, label, value) {
  const ok = await frame
    .waitForFunction(
      ([name, expected]) => {
        const span = [...document.querySelectorAll('.controls label span')].find((s) => s.textContent === name);
        return span?.parentElement.querySelector('input')?.value === expected;
      },
      [label, value],
      { timeout: EDIT_TIMEOUT_MS },
    )
    .then(
      () => true,
      () => false,
    );
  return { ok, shown: await fieldInput(frame, label).inputValue() };
}

function fieldInput(frame, label) {
  return frame.getByLabel(label, { exact: true });
}

/** The stale banner's text once it is shown and names `line`, or what it says (or '(hidden)') after the wait. */
async function staleBanner(frame, line) {
  const named = await frame
    .waitForFunction(
      (n) => {
        const banner = document.querySelector('.stale-banner');
        return banner && !banner.hidden && banner.textContent.includes(`line ${n} `);
      },
      line,
      { timeout: EDIT_TIMEOUT_MS },
    )
    .then(
      () => true,
      () => false,
    );
  const text = await frame.$eval('.stale-banner', (b) => (b.hidden ? '(hidden)' : b.firstChild.textContent.trim()));
  return { named, text };
}

/** What the results show: the progress line, the metrics rows and whether the boundary and curves are drawn. */
async function resultsShown(frame) {
  const progress = (await frame.textContent('.progress-text')).trim();
  const metrics = (await metricRows(frame)).map((cells) => cells.join(' '));
  const boundary = await frame.$eval('canvas.boundary', canvasInk).catch(() => ({ opaque: 0, colours: 0 }));
  const curves = await frame.$$eval(
    '.card canvas',
    (canvases) => canvases.filter((c) => !c.closest('.boundary-row') && !c.closest('.network') && c.width > 100).length,
  );
  return { progress, metrics, boundaryDrawn: painted(boundary), curves };
}

/** The network view as drawn: its layer headers, units, links (by sign), pictures and elided counts. */
function networkShown(frame) {
  return frame.evaluate(() => {
    const card = document.querySelector('.network');
    const q = (selector) => [...(card?.querySelectorAll(selector) ?? [])];
    const widths = q('.network-link').map((l) => Number(l.getAttribute('stroke-width')));
    return {
      layers: q('.network-layer').map((h) => h.getAttribute('data-layer')),
      units: q('.network-unit').length,
      links: q('.network-link').length,
      positive: q('.network-link.positive').length,
      negative: q('.network-link.negative').length,
      thinnest: Math.min(...widths),
      thickest: Math.max(...widths),
      weightTitle: card?.querySelector('.network-link title')?.textContent ?? '',
      unitTitle: card?.querySelector('.network-unit:not([data-layer="input"]) title')?.textContent ?? '',
      pictures: q('canvas.network-picture').length,
      elided: q('.network-elided').map((e) => e.textContent),
    };
  });
}

const SECTIONS = [
  ['network', '.network'],
  ['results', '.results-card'],
];

async function runPanelFile({ server, browser, folder, outDir = screenshots, prefix = 'panel-file' }) {
  fs.mkdirSync(outDir, { recursive: true });
  const { check, tally } = checklist();
  writeSettings(folder, { theme: THEMES.dark, inlayHints: false });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const panelErrors = watchPanelErrors(page);
  const shots = [];
  try {
    const original = fs.readFileSync(path.join(folder, FILE), 'utf8');
    const lines = layerLines(original);
    const lineOf = (pattern) => original.split('\n').findIndex((l) => pattern.test(l)) + 1;
    await page.goto(server.url({ folder, extensionPath: repoRoot }));
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: MODEL_TIMEOUT_MS });
    await openFile(page, FILE);
    const editor = page.locator('.editor-instance .monaco-editor').first();
    const trainLens = await findTrainLens(page);
    const opened = await waitForEditorText(page, (text) => text === original);
    check(
      opened === original,
      `the editor shows spirals.nn as it is on disk (its text is read from the editor)${opened === original ? '' : `; first difference: ${firstDifference(original, opened)}`}`,
    );
    await trainLens.click();
    let frame = await panelFrame(page);
    const finished = await runEnd(frame);
    check(finished.startsWith('Finished after 300 epochs'), `the run from the ▶ Train lens finishes: "${finished}"`);

    // The network view: columns of units from the inputs to the output, links by sign and size, unit pictures.
    const net = await networkShown(frame);
    check(
      net.layers.length === lines.length + 1 && net.layers[0] === 'input' && net.units >= 2 + 9 + 9 + 1,
      `the network view draws the input and ${lines.length} layers as columns (${net.layers.join(' → ')}; ${net.units} units drawn, wide layers elided: ${net.elided.join(', ') || 'none'})`,
    );
    check(
      net.positive > 0 && net.negative > 0 && net.thickest > net.thinnest,
      `its links are coloured by sign and sized by weight (${net.links} links: ${net.positive} positive, ${net.negative} negative; widths ${net.thinnest}–${net.thickest}; e.g. "${net.weightTitle}")`,
    );
    const pictureInks = await frame.$$eval('.network canvas.network-picture', (canvases) =>
      canvases.map((c) => {
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        const colours = new Set();
        for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        return colours.size;
      }),
    );
    const varied = pictureInks.filter((n) => n >= 8).length;
    check(
      net.pictures >= 18 && varied >= net.pictures / 2,
      `each drawn hidden unit shows its picture over the input plane (${net.pictures} pictures, ${varied} with at least 8 colours; a unit says "${net.unitTitle.replace(/\n/g, ' / ')}")`,
    );

    // A click on a unit of the second hidden layer, then on the output layer's header, shows each layer's line.
    const secondHidden = net.layers[2];
    await frame.locator(`.network .network-unit[data-layer="${secondHidden}"][data-unit="2"]`).click();
    const unitReveal = await waitForCursorLine(page, lines[1]);
    check(
      unitReveal.moved,
      `clicking unit 3 of ${secondHidden} in the network view moves the editor's cursor to line ${lines[1]} (cursor line: ${unitReveal.shown})`,
    );
    const outputName = net.layers[net.layers.length - 1];
    await frame.locator(`.network text.network-layer[data-layer="${outputName}"]`).click();
    const layerReveal = await waitForCursorLine(page, lines[lines.length - 1]);
    check(
      layerReveal.moved,
      `clicking the ${outputName} column's header moves the cursor to line ${lines[lines.length - 1]} (cursor line: ${layerReveal.shown})`,
    );
    const fresh = await resultsShown(frame);
    // The picture shows the editor as a user sees it, with its inlay hints; they go again before text is read.
    writeSettings(folder, { theme: THEMES.dark, inlayHints: true });
    await page
      .locator('.editor-instance .view-line', { hasText: 'params' })
      .first()
      .waitFor({ timeout: EDIT_TIMEOUT_MS });
    shots.push(...(await shoot(page, frame, outDir, `${prefix}-dark`, SECTIONS)));
    writeSettings(folder, { theme: THEMES.dark, inlayHints: false });
    const plain = await waitForEditorText(page, (text) => text === original);
    check(plain === original, 'with inlay hints off again, the editor shows the file as it is');

    // The learning rate changed in the panel is written into the file; Ctrl+Z in the editor takes it back.
    const lr = fieldInput(frame, 'Learning rate');
    check((await lr.inputValue()) === '0.01', `the panel's learning rate shows the file's (${await lr.inputValue()})`);
    await lr.fill('0.03');
    await lr.press('Tab');
    const withLr = await waitForEditorText(page, (text) => /^\s*lr 0\.03$/m.test(text));
    const lrLines = withLr.split('\n');
    const lrLine = lrLines.findIndex((l) => /^\s*lr 0\.03$/.test(l)) + 1;
    check(
      lrLine > 0 &&
        lrLines.filter((_, i) => i !== lrLine - 1).join('\n') === original &&
        lrLines[lrLine - 1] === '  lr 0.03' &&
        lrLine > lineOf(/^\s*train\b/),
      `setting the learning rate to 0.03 in the panel writes "lr 0.03" into the train block (line ${lrLine}: "${lrLines[lrLine - 1] ?? ''}"), and nothing else changes`,
    );
    const lrStale = await staleBanner(frame, lrLine);
    check(lrStale.named, `the results say they are stale, naming line ${lrLine}: "${lrStale.text}"`);
    await editor.locator('.view-line', { hasText: /^model\s+spirals/ }).click();
    await page.keyboard.press('Control+Z');
    const undone = await waitForEditorText(page, (text) => text === original);
    check(undone === original, 'Ctrl+Z in the editor restores the text as it was');
    const lrBack = await waitForField(frame, 'Learning rate', '0.01');
    check(lrBack.ok, `the panel's learning rate follows the undo back to 0.01 (shows ${lrBack.shown})`);
    const freshAgain = await frame.waitForSelector('.stale-banner', { state: 'hidden', timeout: EDIT_TIMEOUT_MS }).then(
      () => true,
      () => false,
    );
    check(freshAgain, 'with the text as it was trained, the stale note goes away');

    // A new epochs value typed in the editor: the panel's field follows and the results are stale.
    const epochsLine = lineOf(/^\s*epochs\b/);
    // Click the line, go to its end and select the number word by word (a double click can split under load).
    await editor.locator('.view-line', { hasText: /^\s*epochs\s+300$/ }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.type('120');
    const retyped = original.replace(/^(\s*epochs )300$/m, '$1120');
    const typed = await waitForEditorText(page, (text) => text === retyped);
    check(
      typed === retyped,
      `typing 120 over the epochs value in the editor changes line ${epochsLine} only${typed === retyped ? '' : ` (${firstDifference(retyped, typed)})`}`,
    );
    const epochsField = await waitForField(frame, 'Epochs', '120');
    check(epochsField.ok, `the panel's epochs field follows the file (shows ${epochsField.shown})`);
    const epochsStale = await staleBanner(frame, epochsLine);
    check(
      epochsStale.named,
      `the results on screen say they come from an earlier version, naming line ${epochsLine}: "${epochsStale.text}"`,
    );
    shots.push(...(await shoot(page, frame, outDir, `${prefix}-stale-dark`, [])));
    const staleResults = await resultsShown(frame);
    check(
      staleResults.progress === fresh.progress && staleResults.metrics.join() === fresh.metrics.join(),
      `the old results stay on screen, marked stale, not mixed with the new setting ("${staleResults.progress}")`,
    );

    // A reload: the panel comes back with its results, its view options and the file's settings.
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.dirty').waitFor({ state: 'detached', timeout: EDIT_TIMEOUT_MS });
    const discretize = frame.getByLabel('Discretize output');
    await discretize.check();
    // The webview saves its state half a second after a view option changes.
    await page.waitForTimeout(1000);
    const before = await resultsShown(frame);
    const netBefore = await networkShown(frame);
    // Developer: Reload Window, as a user reloads VS Code (it saves the workbench's state before it goes).
    await editor.locator('.view-line', { hasText: /^model\s+spirals/ }).click();
    await page.keyboard.press('Control+Shift+P');
    const palette = page.locator('.quick-input-widget input');
    await palette.waitFor({ timeout: EDIT_TIMEOUT_MS });
    await palette.fill('>Developer: Reload Window');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Developer: Reload Window' }).first().waitFor();
    await Promise.all([page.waitForEvent('load', { timeout: MODEL_TIMEOUT_MS }), palette.press('Enter')]);
    await page.locator('.monaco-workbench').waitFor({ timeout: MODEL_TIMEOUT_MS });
    frame = await panelFrame(page);
    const restored = await frame
      .waitForFunction(
        (text) => document.querySelector('.progress-text')?.textContent.trim() === text,
        before.progress,
        { timeout: MODEL_TIMEOUT_MS },
      )
      .then(
        () => true,
        () => false,
      );
    const after = await resultsShown(frame);
    check(
      restored && after.metrics.join() === before.metrics.join() && after.metrics.length > 0,
      `after a window reload the panel shows the same results ("${after.progress}"; ${after.metrics.join(' | ')})`,
    );
    check(
      after.boundaryDrawn && after.curves >= 2,
      `…with its boundary and ${after.curves} curves drawn again (before the reload: ${before.curves})`,
    );
    const netAfter = await networkShown(frame);
    check(
      netAfter.links === netBefore.links && netAfter.pictures === netBefore.pictures && netAfter.positive > 0,
      `…and its network view with the trained weights (${netAfter.links} links, ${netAfter.pictures} pictures)`,
    );
    const epochsAfter = await waitForField(frame, 'Epochs', '120');
    const lrAfter = await fieldInput(frame, 'Learning rate').inputValue();
    check(
      epochsAfter.ok && lrAfter === '0.01',
      `…its fields show the file's settings (epochs ${epochsAfter.shown}, learning rate ${lrAfter})`,
    );
    const discretizeAfter = frame.getByLabel('Discretize output');
    check(await discretizeAfter.isChecked(), '…and its view option (Discretize output) is still on');
    const staleAfter = await staleBanner(frame, epochsLine);
    check(staleAfter.named, `…and still says the results are stale: "${staleAfter.text}"`);

    // Run again from the stale note: fresh results for the file as it is, then the light theme's pictures.
    await frame.locator('.stale-banner button', { hasText: 'Run again' }).click();
    const rerun = await frame
      .waitForFunction(
        () => /^Finished after 120 epochs/.test(document.querySelector('.progress-text')?.textContent || ''),
        undefined,
        { timeout: RUN_TIMEOUT_MS },
      )
      .then(
        () => true,
        () => false,
      );
    const rerunHidden = await frame.$eval('.stale-banner', (b) => b.hidden);
    check(
      rerun && rerunHidden,
      `"Run again" trains the file as it is ("${await frame.textContent('.progress-text')}") and the stale note goes away`,
    );
    await discretizeAfter.uncheck();
    const beforeTheme = await frames(frame);
    writeSettings(folder, { theme: THEMES.light, inlayHints: true });
    await page.locator('.monaco-workbench.vs').waitFor({ timeout: 60000 });
    await frame.waitForSelector('body.vscode-light', { timeout: 60000 });
    await nextFrame(frame, beforeTheme);
    check(true, 'the panel follows the switch to Light Modern');
    shots.push(...(await shoot(page, frame, outDir, `${prefix}-light`, SECTIONS)));

    checkNoPanelErrors(check, panelErrors);
    console.log(`  screenshots: ${shots.join(', ')}`);
  } catch (error) {
    check(false, `panel-as-file-editor step failed: ${error.message.split('\n')[0]}`);
    await page.screenshot({ path: path.join(outDir, `${prefix}-error.png`) }).catch(() => undefined);
  } finally {
    await context.close();
  }
  return tally();
}

module.exports = { runPanelFile };

if (require.main === module) require('./standalone').runStandalone(runPanelFile);
