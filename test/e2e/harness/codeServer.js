// Starts code-server on a free loopback port and headless Chromium to drive its workbench.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { chromiumPath, codeServerEntry, node24 } = require('./paths');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Installs a .vsix into the extensions folder of `state`, the way a user would; returns the installed ids. */
function installVsix(state, vsix) {
  const dirs = ['--user-data-dir', path.join(state, 'user-data'), '--extensions-dir', path.join(state, 'extensions')];
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(state, 'xdg-config'),
    XDG_DATA_HOME: path.join(state, 'xdg-data'),
  };
  const install = spawnSync(node24, [codeServerEntry, ...dirs, '--install-extension', path.resolve(vsix)], {
    env,
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`installing ${vsix} failed:\n${install.stdout}${install.stderr}`);
  const list = spawnSync(node24, [codeServerEntry, ...dirs, '--list-extensions', '--show-versions'], {
    env,
    encoding: 'utf8',
  });
  return list.stdout.split('\n').filter((line) => /^[\w-]+\.[\w-]+@/.test(line));
}

/**
 * Starts code-server with a fresh state directory. `env` reaches the extension host (the suite reads
 * NN_TEST_RESULT from it); `vsix` is installed first. Resolves once the server listens; `stop()` kills
 * its whole process group.
 */
async function startCodeServer({ env = {}, vsix, startupTimeoutMs = 90000 } = {}) {
  const port = await freePort();
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-e2e-state-'));
  const installed = vsix ? installVsix(state, vsix) : [];
  const logFile = path.join(state, 'server.log');
  const child = spawn(path.join(__dirname, 'start-code-server.sh'), [String(port), state], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log = fs.createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`code-server did not start within ${startupTimeoutMs} ms; see ${logFile}`)),
      startupTimeoutMs,
    );
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      if (seen.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}; see ${logFile}`));
    });
  });
  const authority = `127.0.0.1:${port}`;
  return {
    port,
    state,
    logFile,
    installed,
    /** The workbench URL for `folder`; with `extensionPath`, that extension is loaded under development. */
    url({ folder, extensionPath, testsPath }) {
      const base = `http://${authority}/?folder=${encodeURIComponent(folder)}`;
      if (!extensionPath) return base;
      const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`]];
      if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${testsPath}`]);
      return `${base}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    },
  };
}

function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

module.exports = { startCodeServer, launchBrowser };
