// The web build in code-server's web worker extension host, driven through the workbench like a person.
// A temporary copy of the extension keeps only what a browser can run: package.json without `main` (so
// VS Code must pick the `browser` entry and the web worker host), dist/web/**, the webview script, media,
// grammar and examples. Checks: the activation line in the "NN Studio" output says web worker and the Node
// extension host never activated it; a squiggle and the Problems count on typo.nn; a hover on an activation
// with its plot; the quick fix; training runs in the panel: xor.nn (no Backend select: PyTorch needs Python) and
// iris.nn (the bundled data set) to their end, and a long run paused, stepped one epoch and stopped.
// Screenshots web-*.png.
// Run by run.js after the panel UI test, or alone: node test/e2e/harness/web.js (after npm run build).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { repoRoot, screenshots } = require('./paths');
const { visibleBox } = require('./locate');
const {
  MODEL_TIMEOUT_MS,
  RUN_TIMEOUT_MS,
  checklist,
  trainFromLens,
  runEnd,
  metrics,
  shootSection,
} = require('./workbench');

const BROWSER_ENTRY = './dist/web/extension.js';
/** What the web copy of the extension holds besides package.json (dist/web is required, the rest if present). */
const WEB_FILES = [
  'dist/web',
  'dist/panel.js',
  'dist/panel.js.map',
  'media',
  'syntaxes',
  'language-configuration.json',
  'examples',
  'README.md',
  'LICENSE',
];
/**
 * package.json fields that only the Node build uses. `extensionKind` goes too: code-server also has a Node
 * (remote) extension host, and a `workspace` kind would send the extension there, as it should on the desktop;
 * VS Code for the Web has no such host, and without the field the `browser` entry alone decides.
 */
const NODE_ONLY_FIELDS = ['main', 'bin', 'scripts', 'devDependencies', 'dependencies', 'extensionKind'];

/**
 * Writes a copy of the extension that only a web worker extension host can run into a fresh temporary
 * folder and returns its path. Throws when the web build is missing.
 */
function prepareWebExtension(root = repoRoot) {
  const entry = path.join(root, BROWSER_ENTRY);
  if (!fs.existsSync(entry)) throw new Error(`${path.relative(root, entry)} is missing: run npm run build first`);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (manifest.browser && path.posix.normalize(manifest.browser) !== path.posix.normalize(BROWSER_ENTRY)) {
    throw new Error(`package.json's browser entry is ${manifest.browser}, expected ${BROWSER_ENTRY}`);
  }
  for (const field of NODE_ONLY_FIELDS) delete manifest[field];
  manifest.browser = BROWSER_ENTRY;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-e2e-web-ext-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const file of WEB_FILES) {
    const from = path.join(root, file);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, file), { recursive: true });
  }
  return dir;
}

/**
 * The log files of the Node (remote) extension host under the code-server state folder, with their text.
 * With `since` (an earlier answer), only what each file gained after it: earlier passes on the same server
 * ran the Node build there, and their activations are not this pass's.
 */
function nodeHostLogs(state, since = new Map()) {
  const out = new Map();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/exthost/i.test(full) && entry.name.endsWith('.log')) {
        out.set(full, fs.readFileSync(full, 'utf8').slice(since.get(full)?.length ?? 0));
      }
    }
  };
  const logs = path.join(state, 'user-data', 'logs');
  if (fs.existsSync(logs)) walk(logs);
  return out;
}

/** Runs a command from the command palette by its title, then waits for the palette to close. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ timeout: 20000 });
  await input.fill(`>${title}`);
  const item = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await item.waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
}

/** The lines the Output view shows for the channel `name` (opened through the channel picker). */
async function outputLines(page, name, pattern, timeoutMs = 30000) {
  await runCommand(page, 'Output: Show Output Channels');
  const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first();
  await pick.waitFor({ timeout: 20000 });
  await pick.click();
  // The view follows the end of the channel and shows only the lines in sight: go to the first line.
  await page.locator('.panel .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  const lines = page.locator('.panel .monaco-editor .view-line');
  await lines
    .filter({ hasText: pattern })
    .first()
    .waitFor({ timeout: timeoutMs })
    .catch(() => undefined);
  return (await lines.allInnerTexts()).map((line) => line.replace(/\u00a0/g, ' '));
}

/** After a failure: the visible lines of the output channels that explain it, into files in `dir`. */
async function dumpOutputs(page, dir) {
  for (const name of ['NN Studio', 'NN Language Server', 'Extension Host (Worker)']) {
    await page.keyboard.press('Escape');
    const lines = await outputLines(page, name, /./, 5000).catch((error) => [`(not read: ${error.message})`]);
    const file = path.join(dir, `output-${name.replace(/\W+/g, '-')}.txt`);
    fs.writeFileSync(file, lines.join('\n'));
    console.log(`  output "${name}": ${file}`);
  }
}

/** Hovers `target` until `shown` appears (a loaded machine can miss the first hover). */
async function hoverUntil(page, target, shown, what) {
  for (let attempt = 1; ; attempt++) {
    const box = await visibleBox(target);
    await page.mouse.move(5, 5);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    const ok = await shown.waitFor({ timeout: 10000 }).then(
      () => true,
      () => false,
    );
    if (ok) return;
    if (attempt === 3) throw new Error(`${what} did not appear after 3 tries`);
  }
}

async function problemCount(page) {
  const text = await page
    .locator('#status\\.problems')
    .innerText()
    .catch(() => '');
  return { text: text.replace(/\s+/g, ' ').trim(), errors: Number((text.match(/\d+/) || ['NaN'])[0]) };
}

/** Waits until the status bar counts `count` errors; false when it does not within the time. */
async function waitForErrors(page, count, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await problemCount(page)).errors === count) return true;
    await page.waitForTimeout(250);
  }
  return false;
}

/** A copy of iris.nn with a long run, written into the workspace for the pause/step/stop check. */
const LONG_RUN = { file: 'iris-long.nn', from: 'iris.nn' };

function writeLongRun(folder) {
  const text = fs.readFileSync(path.join(folder, LONG_RUN.from), 'utf8');
  const long = text.replace(/\biris\b(?= \{)/g, 'irislong').replace(/epochs \d+/, 'epochs 20000');
  fs.writeFileSync(path.join(folder, LONG_RUN.file), long);
}

const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

/** Closes every editor (the training panel too) and waits until no webview is left. */
async function closeAllEditors(page) {
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await runCommand(page, 'View: Close All Editors');
  await page.waitForFunction(() => !document.querySelector('iframe.webview'), undefined, { timeout: 30000 });
}

/** The progress line and the epoch it shows (NaN before the first). */
async function epochOf(frame) {
  const text = (await frame.textContent('.progress-text')) || '';
  return { text, epoch: Number((/^Epoch (\d+)/.exec(text) || [])[1]) };
}

/** Whether the panel has a Backend select, and whether it shows. */
function backendOffered(frame) {
  return frame.evaluate(() => {
    const select = document.querySelector('select[aria-label="Backend"]');
    const torch = [...document.querySelectorAll('option')].some((o) => /pytorch/i.test(o.textContent));
    return {
      present: !!select || torch,
      visible: !!select && select.getClientRects().length > 0 && !select.closest('[hidden]'),
    };
  });
}

/**
 * Drives the workbench of `server` on `folder` with the web copy of the extension (`extensionPath`, prepared
 * from the repository when not given). `training: false` skips the training step (for a probe extension).
 */
async function runWebUi({
  server,
  browser,
  folder,
  outDir = screenshots,
  prefix = 'web',
  extensionPath,
  training = true,
}) {
  fs.mkdirSync(outDir, { recursive: true });
  const { check, tally } = checklist();
  const shot = async (page, name, options = {}) => {
    const file = path.join(outDir, `${prefix}-${name}.png`);
    await page.screenshot({ path: file, ...options });
    return path.relative(repoRoot, file);
  };
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  // The web worker extension host and the workers it starts log to their own consoles: keep those for failures.
  const workerLog = [];
  page.on('worker', (worker) => {
    workerLog.push(`[worker started] ${worker.url().slice(0, 200)}`);
    worker.on('console', (message) => workerLog.push(`[${message.type()}] ${message.text()}`));
  });
  const shots = [];
  const logsBefore = nodeHostLogs(server.state);
  let step = 'preparing the web copy of the extension';
  try {
    const extension = extensionPath || prepareWebExtension();
    if (training) writeLongRun(folder);
    step = 'opening typo.nn';
    await page.goto(server.url({ folder, extensionPath: extension }), { timeout: MODEL_TIMEOUT_MS });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'typo.nn' });
    await row.waitFor({ timeout: MODEL_TIMEOUT_MS });
    await row.click();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'rleu' }).waitFor({ timeout: MODEL_TIMEOUT_MS });

    step = 'waiting for the diagnostic';
    const squiggle = editor.locator('.squiggly-error').filter({ visible: true }).first();
    await squiggle.waitFor({ timeout: MODEL_TIMEOUT_MS });
    const diagnosticHover = page.locator('.monaco-hover', { hasText: "did you mean 'relu'" }).first();
    await hoverUntil(page, squiggle, diagnosticHover, 'the hover over the squiggle');
    const problems = await problemCount(page);
    check(
      problems.errors === 1,
      `typo.nn gets its diagnostic in the web host: a squiggle, its message on hover, one error in the status bar (${JSON.stringify(problems.text)})`,
    );
    await page.waitForTimeout(300); // Let the hover fade in before the picture.
    shots.push(await shot(page, 'diagnostic'));

    step = 'reading the NN Studio output';
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    const lines = await outputLines(page, 'NN Studio', /activated/);
    const activation = lines.find((line) => /activated/i.test(line)) || '';
    // The Node extension host logs each activation; NN Studio must not be among them.
    const nodeLog = [...nodeHostLogs(server.state, logsBefore).values()].join('\n');
    const nodeActivations = nodeLog.match(/_doActivateExtension \S+/g) || [];
    const inNode = nodeActivations.some(
      (line) => line.endsWith('nn-studio.nn-studio,') || /nn-studio\.nn-studio/.test(line),
    );
    check(
      /web ?worker/i.test(activation) && !inNode,
      `the extension runs in the web worker extension host (output: ${JSON.stringify(activation.trim()) || 'no activation line'}; the Node extension host ${inNode ? 'ALSO activated it' : `did not activate it (it activated ${nodeActivations.length} others)`})`,
    );
    shots.push(await shot(page, 'output'));
    await page.keyboard.press('Control+J'); // Hide the panel again: the editor gets the room back.

    step = 'hovering an activation';
    const word = editor.locator('.view-line span span', { hasText: /^sigmoid$/ }).first();
    const image = page.locator('.monaco-hover img').first();
    await hoverUntil(page, word, image, 'the hover over sigmoid');
    const loaded = await page
      .waitForFunction(
        () => {
          const img = document.querySelector('.monaco-hover img');
          return img && img.complete && img.naturalWidth > 0 ? img.naturalWidth : false;
        },
        undefined,
        { timeout: 20000 },
      )
      .then(
        (handle) => handle.jsonValue(),
        () => 0,
      );
    const src = (await image.getAttribute('src')) || '';
    const hoverText = (await page.locator('.monaco-hover').first().innerText()).replace(/\s+/g, ' ');
    check(
      /sigmoid/i.test(hoverText) && src.startsWith('data:image/svg+xml') && loaded > 0,
      `hovering sigmoid shows its text and its plot ("${hoverText.slice(0, 60)}…"; <img> ${src.slice(0, 26)}…, ${loaded} px wide)`,
    );
    await page.waitForTimeout(300);
    shots.push(await shot(page, 'hover'));

    step = 'applying the quick fix';
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    const typo = await visibleBox(squiggle);
    await page.mouse.click(typo.x + typo.width / 2, typo.y + typo.height / 2);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: /relu/ }).first();
    await fix.waitFor({ timeout: 20000 });
    const fixTitle = (await fix.innerText()).trim();
    shots.push(await shot(page, 'quickfix-menu'));
    await fix.click();
    const fixed = await editor
      .locator('.view-line', { hasText: /dense\s16\srelu/ })
      .nth(1)
      .waitFor({ timeout: 20000 })
      .then(
        () => true,
        () => false,
      );
    const left = await editor.locator('.view-line', { hasText: 'rleu' }).count();
    const cleared = await waitForErrors(page, 0);
    check(
      fixed && left === 0 && cleared,
      `the quick fix "${fixTitle}" replaces rleu with relu and the error goes away (${JSON.stringify((await problemCount(page)).text)})`,
    );
    shots.push(await shot(page, 'quickfix-applied'));

    if (training) {
      step = 'training xor.nn';
      const started = Date.now();
      const xor = await trainFromLens(page, 'xor.nn', /dense\s8\stanh/);
      const finished = await runEnd(xor);
      const xorMetrics = await metrics(xor);
      check(
        finished.startsWith('Finished after 200 epochs') && Number.parseFloat(xorMetrics.accuracy[2]) >= 90,
        `xor.nn trains in the panel from its ▶ Train lens: "${finished}" (${seconds(started)} s from the click) (loss ${JSON.stringify(xorMetrics.loss)}, accuracy ${JSON.stringify(xorMetrics.accuracy)}, validation at least 90%)`,
      );
      const backend = await backendOffered(xor);
      check(
        !backend.visible,
        `the web panel does not offer the PyTorch backend (Backend select ${backend.present ? 'present but hidden' : 'absent'})`,
      );
      shots.push(await shot(page, 'training'));
      const file = path.join(outDir, `${prefix}-training-results.png`);
      const results = await shootSection(page, xor, '.results-card', file);
      if (results) shots.push(results);

      step = 'training iris.nn';
      await closeAllEditors(page);
      const irisStarted = Date.now();
      const iris = await trainFromLens(page, 'iris.nn', /dense\s16\srelu/);
      const irisEnd = await runEnd(iris);
      const irisMetrics = await metrics(iris);
      check(
        irisEnd.startsWith('Finished after 200 epochs') && Number.parseFloat(irisMetrics.accuracy[2]) >= 85,
        `iris.nn (the bundled iris data) trains to its end in the web panel: "${irisEnd}" (${seconds(irisStarted)} s from the click) (loss ${JSON.stringify(irisMetrics.loss)}, accuracy ${JSON.stringify(irisMetrics.accuracy)}, validation at least 85%)`,
      );
      shots.push(await shot(page, 'iris'));

      step = 'pausing, stepping and stopping a long run';
      await closeAllEditors(page);
      const long = await trainFromLens(page, LONG_RUN.file, /epochs\s20000/);
      await long.waitForFunction(
        () => Number(/^Epoch (\d+)/.exec(document.querySelector('.progress-text')?.textContent || '')?.[1]) >= 5,
        undefined,
        { timeout: RUN_TIMEOUT_MS },
      );
      step = 'pausing the long run';
      await long.getByRole('button', { name: /Pause/ }).click();
      await long.waitForFunction(
        () => /paused/.test(document.querySelector('.progress-text')?.textContent || ''),
        undefined,
        { timeout: 30000 },
      );
      await page.waitForTimeout(300); // Lets an epoch already on its way arrive.
      const paused = await epochOf(long);
      await page.waitForTimeout(1200);
      const stillPaused = await epochOf(long);
      check(
        /paused/.test(paused.text) &&
          paused.epoch === stillPaused.epoch &&
          /Resume/.test(await long.getByRole('button', { name: /Resume|Pause|Play/ }).innerText()),
        `Pause holds the run: "${paused.text}", then "${stillPaused.text}" 1.2 s later, and the button offers Resume`,
      );
      shots.push(await shot(page, 'paused'));
      step = 'stepping the paused run';
      await long.getByRole('button', { name: 'Step', exact: true }).click();
      await long
        .waitForFunction(
          (n) => Number(/^Epoch (\d+)/.exec(document.querySelector('.progress-text')?.textContent || '')?.[1]) > n,
          paused.epoch,
          { timeout: 30000 },
        )
        .catch(() => undefined);
      await page.waitForTimeout(1000);
      const stepped = await epochOf(long);
      check(
        stepped.epoch === paused.epoch + 1 && /paused/.test(stepped.text),
        `Step trains exactly one more epoch: ${paused.epoch} → ${stepped.epoch} ("${stepped.text}", 1 s after the click)`,
      );
      step = 'stopping the paused run';
      await long.getByRole('button', { name: /Stop$/ }).click();
      const stopped = await runEnd(long, 30000);
      check(
        stopped.startsWith(`Stopped after ${stepped.epoch} of 20000 epochs`),
        `Stop ends the paused run where it was: "${stopped}"`,
      );
      shots.push(await shot(page, 'stopped'));
    }
    const shown = errors.filter((text) => /nn-studio|NN Studio|nn-panel|Content Security Policy/i.test(text));
    check(
      shown.length === 0,
      `the workbench logged no errors from NN Studio${shown.length ? `: ${shown.slice(0, 3).join(' | ')}` : ''}`,
    );
    console.log(`  screenshots: ${shots.join(', ')}`);
  } catch (error) {
    check(false, `web worker host step failed while ${step}: ${error.message.split('\n')[0]}`);
    await shot(page, 'error').catch(() => undefined);
    const log = path.join(server.state, 'browser-console.log');
    fs.writeFileSync(log, [...errors, '--- workers ---', ...workerLog].join('\n'));
    console.log(`  browser console errors (${errors.length}) and worker consoles in ${log}`);
    await dumpOutputs(page, server.state);
  } finally {
    await context.close();
  }
  return tally();
}

module.exports = { runWebUi, prepareWebExtension, outputLines };

if (require.main === module) require('./standalone').runStandalone(runWebUi);
