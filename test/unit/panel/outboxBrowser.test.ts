/**
 * The host's outbox against the real panel in headless Chromium: progress is fed much faster than the
 * webview (slowed by a busy listener) acknowledges it; the host's queue stays bounded, nothing piles up, and
 * the panel ends with the latest state and every epoch on its curves. Needs `npm run build` and chromium.
 */
import assert from 'node:assert/strict';
import { PanelOutbox } from '../../../client/src/panel/outbox';
import type { RunFinished, PanelBatch, PanelToHost, PanelUpdate } from '../../../server/src/protocol';
import { binaryStream, panelInit, syntheticRun } from '../../browser/fixtures/syntheticStream';
import { openPanel, useChromium, type PanelPage } from '../../browser/panelPage';

const EPOCHS = 300;
/** How long the webview spends on each message (its main thread is busy, as under load). */
const WEBVIEW_MS_PER_MESSAGE = 25;
/** How often the host gets a progress message (far faster than the webview answers). */
const HOST_MS_PER_MESSAGE = 2;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function progressStream(reports = EPOCHS): PanelUpdate[] {
  const dataset = binaryStream().find((m) => m.type === 'started')!;
  if (dataset.type !== 'started') throw new Error('no started message');
  return [
    panelInit(),
    { type: 'plan', mode: 'train', runs: [{ runId: 'run-1', label: 'spirals' }] },
    { type: 'runState', state: 'running' },
    ...(syntheticRun({
      runId: 'run-1',
      epochs: EPOCHS,
      reports,
      seed: 5,
      speed: 1,
      hidden: 'relu',
      dataset: dataset.dataset,
      kind: 'binary',
      gridSize: 100,
    }) as PanelUpdate[]),
    { type: 'runState', state: 'finished' },
  ];
}

async function slowDown(panel: PanelPage): Promise<void> {
  await panel.page.evaluate((ms) => {
    window.addEventListener('message', () => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    });
  }, WEBVIEW_MS_PER_MESSAGE);
}

/** The acks the panel posted since the last call. */
async function newAcks(panel: PanelPage, from: number): Promise<number[]> {
  const posted: PanelToHost[] = await panel.page.evaluate(
    (start) => (window as unknown as { __posted: PanelToHost[] }).__posted.slice(start),
    from,
  );
  return posted.map((m) => (m.type === 'ack' ? m.seq : -1));
}

describe('panel outbox in the browser', function () {
  this.timeout(120_000);
  const browser = useChromium();

  it('keeps the host’s queue bounded when the webview is slow, and ends on the latest state', async () => {
    const panel = await openPanel(browser());
    try {
      await slowDown(panel);
      const stream = progressStream();
      const batches: PanelBatch[] = [];
      const outbox = new PanelOutbox((batch) => {
        batches.push(batch);
        void panel.page.evaluate((b) => {
          (window as unknown as { __sent: number }).__sent++;
          window.postMessage(b, '*');
        }, batch);
      });
      let maxPending = 0;
      let maxPendingProgress = 0;
      let maxInFlight = 0;
      let producing = true;
      const produce = async () => {
        for (const update of stream) {
          outbox.push(update);
          maxPending = Math.max(maxPending, outbox.pendingCount);
          const progress = outbox.waiting.filter((u) => u.type === 'epoch').length;
          maxPendingProgress = Math.max(maxPendingProgress, progress);
          maxInFlight = Math.max(maxInFlight, outbox.inFlightCount);
          await sleep(HOST_MS_PER_MESSAGE);
        }
        producing = false;
      };
      let read = (await panel.posted()).length;
      const acknowledge = async () => {
        while (producing || outbox.inFlightCount > 0 || outbox.pendingCount > 0) {
          const posted = await newAcks(panel, read);
          read += posted.length;
          for (const seq of posted) if (seq >= 0) outbox.ack(seq);
          await sleep(5);
        }
      };
      await Promise.all([produce(), acknowledge()]);
      await panel.settle();

      assert.equal(maxInFlight, 1, 'one batch in flight at a time');
      assert.equal(maxPendingProgress, 1, 'progress waits as one coalesced message');
      // Besides it only the few messages that start the run (init, plan, run state, started) ever waited.
      assert.ok(maxPending <= 5, `at most five updates waited at once (saw ${maxPending})`);
      assert.ok(batches.length < stream.length / 3, `${batches.length} batches for ${stream.length} updates`);

      const text = await panel.page.locator('.progress-text').innerText();
      assert.match(text, new RegExp(`^Finished after ${EPOCHS} epochs`));
      assert.equal(await panel.page.locator('.progress').getAttribute('aria-valuenow'), '100');
      const saved = (await panel.savedState()) as { json: string };
      const state = JSON.parse(saved.json) as { train: { epochs: number[]; latest: { epoch: number } }[] };
      assert.deepEqual(
        state.train[0].epochs,
        Array.from({ length: EPOCHS }, (_, i) => i + 1),
      );
      assert.equal(state.train[0].latest.epoch, EPOCHS);
      assert.deepEqual(panel.errors, []);
      assert.deepEqual(panel.consoleErrors, []);
    } finally {
      await panel.close();
    }
  });

  it('fills the progress bar when a run is stopped, marked as stopped', async () => {
    const panel = await openPanel(browser());
    try {
      const stream = progressStream(30);
      const cut = stream.findIndex((m) => m.type === 'epoch' && m.epoch >= 120);
      const finished = stream.find((m): m is RunFinished => m.type === 'finished')!;
      await panel.replay([
        ...stream.slice(0, cut + 1),
        { ...finished, reason: 'stopped', epochs: 120 },
        { type: 'runState', state: 'finished' },
      ]);
      const bar = panel.page.locator('.progress');
      assert.equal(await bar.getAttribute('aria-valuenow'), '100');
      assert.equal(await bar.getAttribute('data-outcome'), 'stopped');
      assert.match(await panel.page.locator('.progress-text').innerText(), /^Stopped after 120 of 300 epochs/);
    } finally {
      await panel.close();
    }
  });
});
