// Builds the workspace the tests open: a fresh temporary copy of examples/ plus the e2e fixture files,
// so tests may edit files freely and the repository stays untouched.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { repoRoot } = require('./paths');

function makeWorkspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-e2e-ws-'));
  fs.cpSync(path.join(repoRoot, 'examples'), dir, { recursive: true });
  fs.cpSync(path.join(repoRoot, 'test/e2e/fixtures'), dir, { recursive: true });
  return dir;
}

module.exports = { makeWorkspace };
