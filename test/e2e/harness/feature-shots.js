// Screenshots of the activation hover in a real VS Code, in a light and a dark theme: opens
// examples/spirals.nn, hovers `sigmoid`, waits for the inline plot image to load and checks it rendered.
// Usage (after npm run build): node test/e2e/harness/feature-shots.js  → test/screenshots/hover-*.png
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { startCodeServer, launchBrowser } = require('./codeServer');
const { repoRoot, screenshots } = require('./paths');
const { makeWorkspace } = require('./workspace');

const THEMES = [
  ['light', 'Default Light Modern'],
  ['dark', 'Default Dark Modern'],
];

async function hoverShot({ server, browser, theme, label }) {
  const folder = makeWorkspace();
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': theme }));
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url({ folder, extensionPath: repoRoot }));
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'spirals.nn' });
    await row.waitFor({ timeout: 90000 });
    await row.click();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    const word = editor.locator('.view-line span span', { hasText: /^sigmoid$/ }).first();
    await word.waitFor({ timeout: 60000 });
    // Wait for the server (inlay hints appear once it has analysed the file), then hover.
    await editor.locator('.view-line', { hasText: 'params' }).first().waitFor({ timeout: 60000 });
    // Hover the word; on a loaded machine the first hover can be missed, so move away and try again.
    const image = page.locator('.monaco-hover img').first();
    for (let attempt = 1; ; attempt++) {
      const box = await word.boundingBox();
      await page.mouse.move(5, 5);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      try {
        await image.waitFor({ timeout: 15000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await page.waitForFunction(
      () => {
        const img = document.querySelector('.monaco-hover img');
        return img && img.complete && img.naturalWidth > 0;
      },
      undefined,
      { timeout: 20000 },
    );
    const src = await image.getAttribute('src');
    const text = await page.locator('.monaco-hover').first().innerText();
    const ok = src.startsWith('data:image/svg+xml;base64,') && /σ\(x\) = 1 \/ \(1 \+ e⁻ˣ\)/.test(text);
    await page.waitForTimeout(400);
    const file = path.join(screenshots, `hover-sigmoid-${label}.png`);
    await page.screenshot({ path: file });
    const hoverBox = await page.locator('.monaco-hover').first().boundingBox();
    await page.screenshot({ path: file.replace('.png', '-close.png'), clip: hoverBox });
    // Scroll the hover to its plot and lower sections.
    await page.mouse.move(hoverBox.x + hoverBox.width / 2, hoverBox.y + hoverBox.height / 2);
    await page.mouse.wheel(0, 180);
    await page.waitForTimeout(300);
    await page.screenshot({ path: file.replace('.png', '-scrolled.png'), clip: hoverBox });
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${label}: hover with formula and plot image → ${path.relative(repoRoot, file)}`,
    );
    return ok;
  } finally {
    await context.close();
  }
}

(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  const server = await startCodeServer();
  const browser = await launchBrowser();
  let failed = 0;
  try {
    for (const [label, theme] of THEMES) {
      try {
        if (!(await hoverShot({ server, browser, theme, label }))) failed++;
      } catch (error) {
        failed++;
        console.log(`FAIL ${label}: ${error.message.split('\n')[0]}`);
      }
    }
  } finally {
    await browser.close();
    server.stop();
  }
  process.exitCode = failed ? 1 : 0;
})();
