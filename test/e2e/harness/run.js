#!/usr/bin/env node
// `npm run test:e2e`: the end-to-end tests in a real VS Code (code-server from npm, driven by headless
// Chromium). Installs VS Code into the cache on first use, opens a temporary copy of examples/ (plus the
// e2e fixtures) as the workspace, runs test/e2e/suite inside the extension host, then the UI smoke test, the
// training panel UI tests (panel-ui.js, panel-file.js), then the web build in the web worker extension host (web.js).
// Prints each test and "N passed, N failed"; exits non-zero on any failure.
// Environment: NN_E2E_VERBOSE=1 shows all workbench logs; NN_E2E_GREP=text runs matching tests only;
// NN_E2E_SKIP_UI=1 skips the UI smoke, panel and web worker host tests; NN_E2E_ONLY=web (or a comma-separated
// list of suite, smoke, panel, panel-file, torch, web, vsix) runs just those passes; NN_E2E_VSIX=dist/nn-studio.vsix also runs the UI smoke test
// against that package installed into a second code-server (as a user would install it);
// NN_VSCODE_CACHE moves the install cache.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startCodeServer, launchBrowser } = require('./codeServer');
const paths = require('./paths');
const { runSuite } = require('./suite');
const { runPanelUi } = require('./panel-ui');
const { runPanelFile } = require('./panel-file');
const { runUiSmoke } = require('./ui-smoke');
const { runWebUi } = require('./web');
const { runTorchPanel } = require('./torch-panel');
const { makeWorkspace } = require('./workspace');

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const verbose = process.env.NN_E2E_VERBOSE === '1';
/** Whether a pass runs: all of them unless NN_E2E_ONLY names some. */
const only = (process.env.NN_E2E_ONLY || '').split(',').filter(Boolean);
const runs = (pass) => only.length === 0 || only.includes(pass);

function install() {
  // The npm_* variables of `npm run` would leak into the nested npm installs; drop them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const result = spawnSync('bash', [path.join(__dirname, 'install.sh')], { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`install.sh failed (exit ${result.status})`);
}

function requireBuild() {
  for (const file of ['dist/extension.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(paths.repoRoot, file))) throw new Error(`${file} is missing: run npm run build first`);
  }
}

function printSuite({ exitCode, summary, logFile }) {
  if (!summary) {
    console.log(`[e2e] the suite wrote no results (exit code ${exitCode}); extension host log: ${logFile}`);
    return { passed: 0, failed: 1 };
  }
  for (const test of summary.results) {
    const mark = test.state === 'passed' ? 'ok  ' : test.state === 'skipped' ? 'skip' : 'FAIL';
    console.log(`  ${mark} ${test.title}`);
    if (test.error) console.log('       ' + test.error.split('\n').slice(0, 4).join('\n       '));
  }
  const failed = summary.failed + (exitCode === 0 || summary.failed > 0 ? 0 : 1);
  console.log(
    `extension host suite: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped ?? 0} skipped`,
  );
  return { passed: summary.passed, failed };
}

async function main() {
  requireBuild();
  install();
  const folder = makeWorkspace();
  const resultFile = path.join(folder, '..', `${path.basename(folder)}-result.json`);
  const server = await startCodeServer({ env: { NN_TEST_RESULT: resultFile } });
  console.log(
    `[e2e] code-server on 127.0.0.1:${server.port} after ${elapsed()}; workspace ${folder}; state ${server.state}`,
  );
  const browser = await launchBrowser();
  let totals = { passed: 0, failed: 0 };
  try {
    if (runs('suite')) {
      console.log('[e2e] extension host suite');
      const suite = printSuite(await runSuite({ server, browser, folder, resultFile, verbose }));
      totals = { passed: totals.passed + suite.passed, failed: totals.failed + suite.failed };
      console.log(`[e2e] suite done after ${elapsed()}`);
    }
    if (process.env.NN_E2E_SKIP_UI !== '1' && runs('smoke')) {
      console.log('[e2e] UI smoke test');
      // A second copy, so the workbench does not restore the editors the suite left open.
      const ui = await runUiSmoke({ server, browser, folder: makeWorkspace(), outDir: paths.screenshots });
      totals = { passed: totals.passed + ui.passed, failed: totals.failed + ui.failed };
      console.log(
        `UI smoke test: ${ui.passed} passed, ${ui.failed} failed (screenshots in ${path.relative(process.cwd(), paths.screenshots) || '.'})`,
      );
    }
    if (process.env.NN_E2E_SKIP_UI !== '1' && runs('panel')) {
      console.log('[e2e] training panel UI test');
      const panel = await runPanelUi({ server, browser, folder: makeWorkspace(), outDir: paths.screenshots });
      totals = { passed: totals.passed + panel.passed, failed: totals.failed + panel.failed };
      console.log(
        `training panel UI test: ${panel.passed} passed, ${panel.failed} failed (screenshots panel-ui-*.png)`,
      );
    }
    if (process.env.NN_E2E_SKIP_UI !== '1' && runs('panel-file')) {
      console.log('[e2e] panel as an editor of the file');
      const edits = await runPanelFile({ server, browser, folder: makeWorkspace(), outDir: paths.screenshots });
      totals = { passed: totals.passed + edits.passed, failed: totals.failed + edits.failed };
      console.log(
        `panel file-editing test: ${edits.passed} passed, ${edits.failed} failed (screenshots panel-file-*.png)`,
      );
    }
    if (process.env.NN_E2E_SKIP_UI !== '1' && runs('torch')) {
      console.log('[e2e] the PyTorch backend in the panel');
      const torch = await runTorchPanel({ server, browser, folder: makeWorkspace(), outDir: paths.screenshots });
      totals = { passed: totals.passed + torch.passed, failed: totals.failed + torch.failed };
      console.log(
        `PyTorch backend test: ${torch.skipped ? 'skipped' : `${torch.passed} passed, ${torch.failed} failed (screenshots torch-*.png)`}`,
      );
    }
    if (process.env.NN_E2E_SKIP_UI !== '1' && runs('web')) {
      console.log('[e2e] web worker host test');
      const web = await runWebUi({ server, browser, folder: makeWorkspace(), outDir: paths.screenshots });
      totals = { passed: totals.passed + web.passed, failed: totals.failed + web.failed };
      console.log(`web worker host test: ${web.passed} passed, ${web.failed} failed (screenshots web-*.png)`);
    }
  } finally {
    server.stop();
  }
  try {
    const vsix = process.env.NN_E2E_VSIX;
    if (vsix && process.env.NN_E2E_SKIP_UI !== '1' && runs('vsix')) {
      console.log(`[e2e] UI smoke test with ${vsix} installed`);
      const installedServer = await startCodeServer({ vsix });
      try {
        console.log(`[e2e] installed: ${installedServer.installed.join(', ') || '(nothing)'}`);
        const ok = installedServer.installed.some((id) => id.startsWith('nn-studio.nn-studio@'));
        const ui = await runUiSmoke({
          server: installedServer,
          browser,
          folder: makeWorkspace(),
          installed: true,
          prefix: 'vsix-smoke',
        });
        const passed = ui.passed + (ok ? 1 : 0);
        const failed = ui.failed + (ok ? 0 : 1);
        totals = { passed: totals.passed + passed, failed: totals.failed + failed };
        console.log(`installed .vsix smoke test: ${passed} passed, ${failed} failed`);
      } finally {
        installedServer.stop();
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  console.log(`\n[e2e] finished in ${elapsed()}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  return totals.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e] ${error && error.stack ? error.stack : error}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
