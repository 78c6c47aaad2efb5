// Runs the mocha suite (test/e2e/suite) inside the extension host of a real VS Code (code-server),
// with the repository loaded as the extension under development.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { repoRoot, suiteEntry } = require('./paths');

// Workbench chatter that says nothing about the tests (offline gallery lookups, socket setup, …).
const NOISE =
  /ENOTFOUND|^\s+at |connection token|Creating a socket|grace time|AgentHost|AccountPolicyGate|Service Worker|builtin extensions cache/;

/**
 * Opens the workbench with the suite as extensionTestsPath and waits for the extension host to report
 * its exit code. Returns { exitCode, summary } where summary is the suite's result JSON (or undefined).
 */
async function runSuite({ server, browser, folder, resultFile, timeoutMs = 300000, verbose = false }) {
  const page = await browser.newPage();
  const logFile = path.join(server.state, 'extension-host.log');
  const log = fs.createWriteStream(logFile);
  let exited;
  const done = new Promise((resolve) => (exited = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => exited(code));
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const line = util.format(...(args || []));
    log.write(line + '\n');
    if (verbose || !NOISE.test(line))
      console.log('  │ ' + line.replace(/\n\s+at [\s\S]*/, '').replace(/\n/g, '\n  │ '));
  });
  page.on('pageerror', (error) => log.write(`[pageerror] ${error.message}\n`));
  await page.goto(server.url({ folder, extensionPath: repoRoot, testsPath: suiteEntry }));
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  let exitCode = await Promise.race([done, timeout]);
  clearTimeout(timer);
  if (exitCode === 'timeout') {
    const shot = path.join(server.state, 'suite-timeout.png');
    await page.screenshot({ path: shot }).catch(() => undefined);
    console.log(`[e2e] the suite did not finish within ${timeoutMs / 1000} s; screenshot ${shot}, logs ${logFile}`);
    exitCode = 3;
  }
  await page.close().catch(() => undefined);
  log.end();
  const summary = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : undefined;
  return { exitCode, summary, logFile };
}

module.exports = { runSuite };
