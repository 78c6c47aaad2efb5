// The training panel's Backend choice in the Node extension host, driven like a person: with `nn.python` set to an
// interpreter that has torch, open xor.nn, train it once with the engine from its ▶ Train lens, pick PyTorch in
// the Backend select, press Play and watch the PyTorch run: train.py runs in a Python process, the curves fill in
// while it trains, Step (and Pause) stay disabled, and the final decision boundary appears once the weights come
// back. Skipped, with the reason, when no interpreter can import torch. Screenshots torch-*.png.
// Run by run.js (NN_E2E_ONLY=torch), or alone: node test/e2e/harness/torch-panel.js (after npm run build).
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { repoRoot, screenshots } = require('./paths');
const {
  checklist,
  writeWorkspaceSettings,
  watchPanelErrors,
  checkNoPanelErrors,
  trainFromLens,
  runEnd,
  metrics,
  canvasInk,
  painted,
  shootSection,
} = require('./workbench');

const FILE = 'xor.nn';
/** A PyTorch run starts Python and imports torch (seconds), then trains; a loaded machine needs longer. */
const RUN_TIMEOUT_MS = 240000;
/** The interpreters tried, in order: NN_PYTHON, Debian's Python (which has python3-torch), then python3 on PATH. */
const CANDIDATES = [process.env.NN_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);

/** The first interpreter that can import torch, or the reason none can. */
function findTorchPython() {
  const tried = [];
  for (const python of CANDIDATES) {
    const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8', timeout: 120000 });
    if (probe.status === 0) return { python };
    const why = probe.error ? probe.error.message : (probe.stderr || '').trim().split('\n').pop();
    tried.push(`${python}: ${why || `exit ${probe.status}`}`);
  }
  return { reason: `no Python can import torch (${tried.join('; ')})` };
}

/** The command lines of the running train.py processes (the PyTorch backend's trainer). */
function trainerProcesses() {
  try {
    return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => /python\S*\s.*train\.py/.test(line));
  } catch {
    return [];
  }
}

/**
 * Starts sampling the panel every 50 ms (runs in the webview): the progress line, whether Step and the
 * Play/Pause button are disabled, how many charts have drawn data, and whether the boundary canvas shows.
 */
function startSampling() {
  const samples = [];
  window.__nnSamples = samples;
  const button = (name) => [...document.querySelectorAll('button')].find((b) => name.test(b.textContent.trim()));
  window.__nnSampler = setInterval(() => {
    const charts = [...document.querySelectorAll('.chart')].filter(
      (chart) => chart.querySelector('.chart-empty')?.hidden && chart.querySelector('canvas'),
    ).length;
    const boundary = document.querySelector('canvas.boundary');
    samples.push({
      text: document.querySelector('.progress-text')?.textContent || '',
      step: button(/^Step$/)?.disabled ?? null,
      play: button(/Play|Pause|Resume/)?.disabled ?? null,
      charts,
      boundary: !!boundary && !boundary.hidden && boundary.width > 0,
    });
  }, 50);
}

function stopSampling() {
  clearInterval(window.__nnSampler);
  return window.__nnSamples;
}

async function runTorchPanel({ server, browser, folder, outDir = screenshots, prefix = 'torch' }) {
  fs.mkdirSync(outDir, { recursive: true });
  const found = findTorchPython();
  if (!found.python) {
    console.log(`  skip the PyTorch backend check: ${found.reason}`);
    return { passed: 0, failed: 0, skipped: 1 };
  }
  const { check, tally } = checklist();
  writeWorkspaceSettings(folder, { 'workbench.colorTheme': 'Default Dark Modern', 'nn.python': found.python });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const panelErrors = watchPanelErrors(page);
  const shots = [];
  const shot = async (name) => {
    const file = path.join(outDir, `${prefix}-${name}.png`);
    await page.screenshot({ path: file });
    shots.push(path.relative(repoRoot, file));
  };
  let step = 'opening xor.nn';
  let watcher;
  try {
    await page.goto(server.url({ folder, extensionPath: repoRoot }));
    const frame = await trainFromLens(page, FILE);

    step = 'training with the engine first';
    const engineEnd = await runEnd(frame, RUN_TIMEOUT_MS);
    const select = frame.locator('select[aria-label="Backend"]');
    step = 'waiting for the Backend select';
    const offered = await select.waitFor({ state: 'visible', timeout: 120000 }).then(
      () => true,
      () => false,
    );
    const options = offered ? await select.locator('option').evaluateAll((os) => os.map((o) => o.textContent)) : [];
    check(
      offered && options.join(',') === 'Engine,PyTorch' && (await select.inputValue()) === 'engine',
      `with nn.python = ${found.python} the panel offers the Backend select (${JSON.stringify(options)}, engine chosen; the engine run: "${engineEnd}")`,
    );
    if (!offered) throw new Error('the Backend select never showed');

    step = 'choosing PyTorch';
    await select.selectOption('torch');
    // Known gap (media/src/panel): the controls redraw only on the next state change, so Step still looks enabled
    // between this choice and the run's start (the host ignores it then). Reported, not asserted.
    await frame.waitForTimeout(500);
    const stepIdle = await frame.getByRole('button', { name: 'Step', exact: true }).isDisabled();
    console.log(
      `  note: right after choosing PyTorch, before Play, Step is ${stepIdle ? 'disabled' : 'still enabled'}`,
    );

    step = 'training in PyTorch';
    const seen = new Set();
    watcher = setInterval(() => trainerProcesses().forEach((line) => seen.add(line.slice(0, 160))), 250);
    await frame.evaluate(startSampling);
    const started = Date.now();
    await frame.getByRole('button', { name: /Play/ }).click();
    // The engine run's end stays on screen until the new run starts.
    await frame.waitForFunction(
      () => !/^(Finished|Stopped)/.test(document.querySelector('.progress-text')?.textContent || ''),
      undefined,
      { timeout: 30000 },
    );
    const end = await runEnd(frame, RUN_TIMEOUT_MS);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    clearInterval(watcher);
    const samples = await frame.evaluate(stopSampling);
    const training = samples.filter((s) => /^Epoch \d+/.test(s.text));
    const firstEpoch = training[0]?.text.match(/^Epoch (\d+)/)?.[1];
    const filledEarly = training.find((s) => s.charts >= 2);
    check(seen.size > 0, `Play runs train.py in ${found.python} (${[...seen][0] || 'no train.py process seen'})`);
    const { accuracy } = await metrics(frame);
    check(
      end.startsWith('Finished after 200 epochs') && Number.parseFloat(accuracy[2]) >= 90,
      `the PyTorch run finishes: "${end}" in ${seconds} s (accuracy ${JSON.stringify(accuracy)}, validation at least 90%)`,
    );
    check(
      filledEarly !== undefined,
      `the curves fill in while PyTorch trains (${training.length} samples during the run, from epoch ${firstEpoch ?? '?'}; charts with data at "${filledEarly?.text ?? 'never'}")`,
    );
    check(
      training.length > 0 && training.every((s) => s.step === true && s.play === true),
      `Step and Pause stay disabled throughout the PyTorch run (${training.filter((s) => s.step).length}/${training.length} samples with Step disabled, ${training.filter((s) => s.play).length} with Pause disabled)`,
    );
    const ink = await frame.$eval('canvas.boundary', canvasInk);
    check(
      ink.width >= 200 && painted(ink),
      `the final decision boundary shows once the weights come back (${ink.width}×${ink.height}, ${(ink.opaque * 100).toFixed(0)}% painted, ${ink.colours} colours; ${training.filter((s) => s.boundary).length} of the samples during the run showed a boundary)`,
    );
    await shot('finished');
    const results = await shootSection(page, frame, '.results-card', path.join(outDir, `${prefix}-results.png`));
    if (results) shots.push(results);
    checkNoPanelErrors(check, panelErrors);
    console.log(`  screenshots: ${shots.join(', ')}`);
  } catch (error) {
    check(false, `PyTorch backend step failed while ${step}: ${error.message.split('\n')[0]}`);
    await page.screenshot({ path: path.join(outDir, `${prefix}-error.png`) }).catch(() => undefined);
  } finally {
    if (watcher) clearInterval(watcher);
    await context.close();
  }
  return tally();
}

module.exports = { runTorchPanel, findTorchPython };

if (require.main === module) require('./standalone').runStandalone(runTorchPanel);
