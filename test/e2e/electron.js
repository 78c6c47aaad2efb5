#!/usr/bin/env node
// `npm run test:vscode`: the same end-to-end suite in desktop VS Code, downloaded by @vscode/test-electron
// (needs internet access to update.code.visualstudio.com and a display, e.g. xvfb-run on Linux).
// NN_VSCODE_VERSION picks the VS Code version (default: stable).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');
const { repoRoot, suiteEntry } = require('./harness/paths');
const { makeWorkspace } = require('./harness/workspace');

async function main() {
  const workspace = makeWorkspace();
  const resultFile = path.join(os.tmpdir(), `${path.basename(workspace)}-result.json`);
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-e2e-user-'));
  let exitCode = 1;
  try {
    exitCode = await runTests({
      version: process.env.NN_VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteEntry,
      extensionTestsEnv: { NN_TEST_RESULT: resultFile, NN_E2E_GREP: process.env.NN_E2E_GREP || '' },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userData}`,
      ],
    });
  } catch (error) {
    console.error(`[test:vscode] ${error && error.message ? error.message : error}`);
  }
  if (fs.existsSync(resultFile)) {
    const summary = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    console.log(`${summary.passed} passed, ${summary.failed} failed`);
  } else {
    console.log('[test:vscode] the suite wrote no results');
    console.log('0 passed, 1 failed');
  }
  process.exit(exitCode === 0 ? 0 : 1);
}

main();
