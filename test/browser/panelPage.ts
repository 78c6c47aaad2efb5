/**
 * Drives the built panel (dist/panel.js) in headless Chromium through playwright-core: loads the test page,
 * applies a theme, replays host messages, and reads back what the panel posted.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import type { HostToPanel, PanelToHost } from '../../server/src/protocol';
import { THEMES } from './themes';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = path.resolve(__dirname, '..', '..');
const PAGE_URL = pathToFileURL(path.join(__dirname, 'panel.html')).href;

export type ThemeName = keyof typeof THEMES;

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
      '--allow-file-access-from-files',
    ],
  });
}

const BUNDLE = path.join(ROOT, 'dist', 'panel.js');

/**
 * Gives the calling mocha suite a headless Chromium: launched before its tests (the suite is skipped, saying
 * why, on a machine without Debian's chromium), closed after them. The returned getter reads the browser.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  before(async function () {
    if (!chromiumAvailable()) {
      // CI installs Debian's chromium before the tests; a machine without it cannot run these suites.
      console.log(`    skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
      this.skip();
    }
    assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build first`);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export interface PanelPage {
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  consoleErrors: string[];
  replay(messages: readonly unknown[]): Promise<void>;
  posted(): Promise<PanelToHost[]>;
  savedState(): Promise<unknown>;
  /** Waits until the panel has drawn at least one frame after everything sent so far. */
  settle(): Promise<void>;
  setTheme(theme: ThemeName): Promise<void>;
  close(): Promise<void>;
}

export async function openPanel(
  browser: Browser,
  options: { theme?: ThemeName; width?: number; initialState?: unknown } = {},
): Promise<PanelPage> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1100, height: 900 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  // A script injected by the data would show up as a dialog; fail loudly if one ever opens.
  page.on('dialog', (dialog) => {
    errors.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  if (options.initialState !== undefined) {
    await page.addInitScript((state) => {
      (window as unknown as { __initialState: unknown }).__initialState = state;
    }, options.initialState);
  }
  await page.goto(PAGE_URL);
  await page.waitForFunction(() => Number(document.body.dataset.frames ?? 0) > 0);
  const panel: PanelPage = {
    page,
    errors,
    consoleErrors,
    async replay(messages) {
      await page.evaluate((all) => {
        const w = window as unknown as { __sent: number };
        for (const message of all) window.postMessage(message, '*');
        w.__sent += all.length;
      }, messages as unknown[]);
      await panel.settle();
    },
    posted: () => page.evaluate(() => (window as unknown as { __posted: PanelToHost[] }).__posted),
    savedState: () => page.evaluate(() => (window as unknown as { __state: unknown }).__state),
    async settle() {
      await page.waitForFunction(() => {
        const w = window as unknown as { __sent: number; __received: number };
        return w.__received >= w.__sent;
      });
      // Redraws are throttled to one per 33 ms: give the panel a few frames to catch up.
      await page.evaluate(
        () =>
          new Promise<void>((resolve) => setTimeout(() => requestAnimationFrame(() => setTimeout(resolve, 50)), 50)),
      );
    },
    async setTheme(theme) {
      const fixture = THEMES[theme];
      await page.evaluate((f) => {
        const style = document.documentElement.style;
        for (const [name, value] of Object.entries(f.variables)) style.setProperty(name, value);
        document.body.className = f.bodyClass;
      }, fixture);
      await panel.settle();
    },
    close: () => page.close(),
  };
  await panel.setTheme(options.theme ?? 'dark');
  return panel;
}

export type { HostToPanel };
