// Runs one UI script on its own (`node test/e2e/harness/<script>.js`): starts code-server and Chromium,
// runs the script on a fresh copy of the workspace, prints `N passed, N failed` and sets the exit code.
'use strict';
const { startCodeServer, launchBrowser } = require('./codeServer');
const { makeWorkspace } = require('./workspace');

function runStandalone(script) {
  (async () => {
    const server = await startCodeServer();
    const browser = await launchBrowser();
    try {
      const { passed, failed } = await script({ server, browser, folder: makeWorkspace() });
      console.log(`${passed} passed, ${failed} failed`);
      process.exitCode = failed === 0 ? 0 : 1;
    } finally {
      await browser.close();
      server.stop();
    }
  })().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

module.exports = { runStandalone };
