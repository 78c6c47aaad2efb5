// UI smoke test, driven through the workbench like a person: open a .nn file with an error from the
// Explorer, see it highlighted, see the squiggle, hover it for the message, and take screenshots.
// Run by run.js after the suite, or alone: node test/e2e/harness/ui-smoke.js (after npm run build).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { repoRoot, screenshots } = require('./paths');
const { visibleBox } = require('./locate');
const { checklist } = require('./workbench');

const FILE = 'typo.nn';

/**
 * Drives the workbench of `server` on `folder`. With `installed` true the extension comes from the
 * server's extensions folder (an installed .vsix); otherwise it is loaded from the repository.
 * Screenshots are named `<prefix>-*.png` in `outDir`.
 */
async function runUiSmoke({ server, browser, folder, outDir = screenshots, installed = false, prefix = 'ui-smoke' }) {
  fs.mkdirSync(outDir, { recursive: true });
  const { check, tally } = checklist();
  const context = await browser.newContext({ viewport: { width: 1100, height: 640 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url({ folder, extensionPath: installed ? undefined : repoRoot }));
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE });
    await row.waitFor({ timeout: 90000 });
    await row.click();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines').waitFor();
    await editor.locator('.view-line', { hasText: 'rleu' }).waitFor();
    check(true, `opened ${FILE} from the Explorer`);

    // Inlay hints split a decoration around the text they inject, which can leave an invisible, zero-width
    // piece first in the DOM: take the first visible piece.
    const squiggle = editor.locator('.squiggly-error').filter({ visible: true }).first();
    await squiggle.waitFor({ timeout: 60000 });
    check(true, 'the language server diagnostic shows as an error squiggle');

    // Highlighting: without the grammar every token would share one colour class. Tokenizing is
    // asynchronous, so wait for the colours rather than reading them once.
    const colours = await page
      .waitForFunction(
        () => {
          const spans = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line span span')];
          const classes = new Set(spans.filter((span) => span.textContent.trim()).map((span) => span.className));
          return classes.size >= 5 ? classes.size : false;
        },
        undefined,
        { timeout: 20000 },
      )
      .then(
        (handle) => handle.jsonValue(),
        () => 0,
      );
    check(colours >= 5, `the grammar colours the file (${colours} token colours, expected at least 5)`);
    const problems = await page
      .locator('#status\\.problems')
      .innerText()
      .catch(() => '');
    const [errorCount] = problems.match(/\d+/) || [];
    check(
      errorCount === '1',
      `the status bar counts one error (${JSON.stringify(problems.replace(/\s+/g, ' ').trim())})`,
    );

    // Hover the squiggle: the message with the suggestion appears. The code lens line can arrive after the
    // squiggle and push it down, so the squiggle is measured again before each try.
    const hover = page.locator('.monaco-hover', { hasText: "did you mean 'relu'" }).first();
    for (let attempt = 1; ; attempt++) {
      const box = await visibleBox(squiggle);
      await page.mouse.move(0, 0);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const shown = await hover.waitFor({ timeout: 7000 }).then(
        () => true,
        () => false,
      );
      if (shown) break;
      if (attempt === 3) throw new Error('the hover over the squiggle did not appear after 3 tries');
    }
    check(true, 'hovering the squiggle shows the message and its suggestion');
    await page.waitForTimeout(300); // Let the hover finish fading in before the picture.
    await page.screenshot({ path: path.join(outDir, `${prefix}-workbench.png`) });
    const editorBox = await page.locator('.editor-instance').first().boundingBox();
    await page.screenshot({ path: path.join(outDir, `${prefix}-editor.png`), clip: editorBox });

    // The Problems view lists the diagnostic with its code.
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'rleu' }).first();
    await problem.waitFor({ timeout: 20000 });
    check(/unknown-activation/.test(await problem.innerText()), 'the Problems view lists it with its code');
    await page.screenshot({ path: path.join(outDir, `${prefix}-problems.png`) });
  } catch (error) {
    check(false, `UI smoke step failed: ${error.message.split('\n')[0]}`);
    await page.screenshot({ path: path.join(outDir, `${prefix}-error.png`) }).catch(() => undefined);
  } finally {
    await context.close();
  }
  return tally();
}

module.exports = { runUiSmoke };

if (require.main === module) require('./standalone').runStandalone(runUiSmoke);
