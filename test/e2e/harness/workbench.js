// What the UI scripts share: their check list, the workspace's settings, opening a file and training it from its
// ▶ Train lens, the training panel's webview frame, waiting for a run's end, reading the results, and screenshots.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { repoRoot } = require('./paths');

/** How long the workbench, the extension and the panel may take to show up on a loaded two-core machine. */
const MODEL_TIMEOUT_MS = 90000;
/** A run of a small example takes seconds; a loaded two-core machine may need much longer. */
const RUN_TIMEOUT_MS = 180000;

/** A list of checks: `check(ok, what)` prints and records one; `tally()` counts them for run.js. */
function checklist() {
  const results = [];
  const check = (ok, what) => {
    results.push({ ok, what });
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
    return ok;
  };
  const tally = () => {
    const failed = results.filter((result) => !result.ok).length;
    return { passed: results.length - failed, failed };
  };
  return { check, tally };
}

/** Replaces the workspace's .vscode/settings.json with `settings`. */
function writeWorkspaceSettings(folder, settings) {
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Collects the errors the training panel logs (its own, and refused content) from now on. */
function watchPanelErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /nn-panel|Content Security Policy|Refused to/.test(message.text()))
      errors.push(message.text());
  });
  return errors;
}

/** Checks that the panel logged none of the errors `watchPanelErrors` collected. */
function checkNoPanelErrors(check, errors) {
  return check(
    errors.length === 0,
    `the webview logged no errors${errors.length ? `: ${errors.slice(0, 3).join(' | ')}` : ''}`,
  );
}

/** Opens `file` from the Explorer and, with `line`, waits until the editor shows a line matching it. */
async function openFile(page, file, line) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first();
  await row.waitFor({ timeout: MODEL_TIMEOUT_MS });
  await row.click();
  if (line) {
    await page.locator('.editor-instance .view-line', { hasText: line }).first().waitFor({ timeout: MODEL_TIMEOUT_MS });
  }
}

/** The open editor's ▶ Train code lens, once it shows. */
async function trainLens(page) {
  const lens = page.locator('.editor-instance .codelens-decoration a', { hasText: '▶ Train' }).first();
  await lens.waitFor({ timeout: MODEL_TIMEOUT_MS });
  return lens;
}

/** The webview's content frame (inside VS Code's outer webview iframe), once the panel has loaded. */
async function panelFrame(page) {
  const outer = await (
    await page.waitForSelector('iframe.webview.ready', { state: 'attached', timeout: MODEL_TIMEOUT_MS })
  ).contentFrame();
  const inner = await (
    await outer.waitForSelector('iframe#active-frame', { state: 'attached', timeout: MODEL_TIMEOUT_MS })
  ).contentFrame();
  await inner.waitForSelector('.progress-text', { timeout: MODEL_TIMEOUT_MS });
  return inner;
}

/** Opens `file` from the Explorer (see openFile), clicks its ▶ Train lens and returns the panel's frame. */
async function trainFromLens(page, file, line) {
  await openFile(page, file, line);
  await (await trainLens(page)).click();
  return panelFrame(page);
}

/** Waits until the progress line tells how the run ended and returns it. */
function runEnd(frame, timeout = RUN_TIMEOUT_MS) {
  return frame
    .waitForFunction(
      () => /^(Finished|Stopped|Diverged|Failed)/.test(document.querySelector('.progress-text')?.textContent || ''),
      undefined,
      { timeout },
    )
    .then(() => frame.textContent('.progress-text'));
}

/** The cells of each row of the results' metrics table ([name, train, validation, …]). */
function metricRows(frame) {
  return frame.$$eval('.metrics-table tbody tr', (trs) =>
    trs.map((r) => [...r.children].map((c) => c.textContent.trim())),
  );
}

/** The metrics table's rows for loss and accuracy (empty when absent). */
async function metrics(frame) {
  const rows = await metricRows(frame);
  return {
    loss: rows.find((cells) => cells[0] === 'loss') || [],
    accuracy: rows.find((cells) => cells[0] === 'accuracy') || [],
  };
}

/**
 * How much of a canvas is painted (runs in the webview): its size, the share of opaque pixels, the number of
 * distinct colours and the mean brightness (0–255), sampled.
 */
function canvasInk(canvas) {
  const { width, height } = canvas;
  if (!width || !height || canvas.hidden) return { width, height, opaque: 0, colours: 0, brightness: 0 };
  const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const colours = new Set();
  let opaque = 0;
  let samples = 0;
  let brightness = 0;
  for (let i = 0; i < data.length; i += 4 * 3) {
    samples++;
    if (data[i + 3] > 0) opaque++;
    brightness += (data[i] + data[i + 1] + data[i + 2]) / 3;
    colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  }
  return { width, height, opaque: opaque / samples, colours: colours.size, brightness: brightness / samples };
}

/** Whether a canvas's ink (from canvasInk) is a full picture: nearly every pixel painted, in many colours. */
const painted = (ink) => ink.opaque > 0.95 && ink.colours >= 20;

/** How many frames the panel has drawn (its body carries the count). */
function frames(frame) {
  return frame.evaluate(() => Number(document.body.dataset.frames || 0));
}

/** Waits until the panel has drawn at least one more frame after `since`. */
async function nextFrame(frame, since) {
  await frame.waitForFunction((n) => Number(document.body.dataset.frames || 0) > n, since, { timeout: 30000 });
}

/** The editor's cursor line, from its line numbers (the status bar loses Ln/Col while the webview has focus). */
async function waitForCursorLine(page, line) {
  const active = page.locator('.editor-instance .margin .active-line-number');
  const moved = await active
    .filter({ hasText: new RegExp(`^${line}$`) })
    .first()
    .waitFor({ timeout: 30000 })
    .then(
      () => true,
      () => false,
    );
  const shown = await active
    .first()
    .textContent()
    .catch(() => '?');
  return { moved, shown };
}

/** 1-based line numbers of the layer statements of the first model in `text` (a layer's sourceIndex → its line). */
function layerLines(text) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^\s*model\b/.test(line));
  const out = [];
  for (let i = start + 1; i < lines.length && !/^\s*}/.test(lines[i]); i++) {
    if (/^\s*(\w+\s*:\s*)?(dense|dropout|activation)\b/.test(lines[i])) out.push(i + 1);
  }
  return out;
}

/**
 * A screenshot of the webview alone, scrolled to the panel's `selector`, into `file`. Returns the file's path
 * from the repository, or undefined when the section or the webview is not there.
 */
async function shootSection(page, frame, selector, file) {
  const box = await page.locator('iframe.webview.ready').boundingBox();
  const section = await frame.$(selector);
  if (!section || !box) return undefined;
  await section.evaluate((node) => node.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: file, clip: box });
  return path.relative(repoRoot, file);
}

/**
 * Screenshots of the panel: the whole workbench with the webview at its top (`<name>.png`), then the webview
 * alone scrolled to each of `sections` (`<name>-<suffix>.png`, [suffix, selector] pairs). Returns their paths.
 */
async function shoot(page, frame, outDir, name, sections = []) {
  const whole = path.join(outDir, `${name}.png`);
  await frame.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: whole });
  const files = [path.relative(repoRoot, whole)];
  for (const [suffix, selector] of sections) {
    const taken = await shootSection(page, frame, selector, path.join(outDir, `${name}-${suffix}.png`));
    if (taken) files.push(taken);
  }
  await frame.evaluate(() => window.scrollTo(0, 0));
  return files;
}

module.exports = {
  MODEL_TIMEOUT_MS,
  RUN_TIMEOUT_MS,
  checklist,
  writeWorkspaceSettings,
  watchPanelErrors,
  checkNoPanelErrors,
  openFile,
  trainLens,
  panelFrame,
  trainFromLens,
  runEnd,
  metricRows,
  metrics,
  canvasInk,
  painted,
  frames,
  nextFrame,
  waitForCursorLine,
  layerLines,
  shootSection,
  shoot,
};
