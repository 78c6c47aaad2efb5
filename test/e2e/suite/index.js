// The end-to-end suite's entry point, loaded by VS Code as extensionTestsPath (CommonJS, exports run()).
// It runs every *.test.js file in this folder with mocha inside the extension host, and writes the results
// to $NN_TEST_RESULT as JSON for the harness. NN_E2E_GREP limits the run to matching test titles.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

function run() {
  const resultFile = process.env.NN_TEST_RESULT;
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60000,
    color: false,
    reporter: 'spec',
    grep: process.env.NN_E2E_GREP || undefined,
  });
  for (const file of fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const results = [];
    const runner = mocha.run((failures) => {
      const summary = { passed: runner.stats.passes, failed: failures, skipped: runner.stats.pending, results };
      if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(summary, null, 2));
      console.log(`${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
      if (failures > 0) reject(new Error(`${failures} end-to-end tests failed.`));
      else resolve();
    });
    runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed', ms: test.duration }));
    runner.on('pending', (test) => results.push({ title: test.fullTitle(), state: 'skipped' }));
    runner.on('fail', (test, error) =>
      results.push({ title: test.fullTitle(), state: 'failed', error: String((error && error.stack) || error) }),
    );
  });
}

module.exports = { run };
