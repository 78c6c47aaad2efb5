/**
 * Click Pause → the panel shows the paused run: from the click until the webview holds the last epoch the
 * worker trained before pausing. Progress goes worker → host → webview as in the panel (30 ms interval,
 * 100×100 grids); the webview is a thread that spends DRAW_MS per message (busy under load). Measured with
 * the host's outbox (one batch in flight, progress coalesced) and, for comparison, posting every message.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { PanelOutbox } from '../../client/src/panel/outbox';
import type { HostToPanel, TrainingEvent } from '../../server/src/protocol';
import type { RunHandle } from '../../server/src/train/runner';

/** What a webview under load spends on one message (validation, state, a redraw). */
export const DRAW_MS = 60;
const QUIET_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The webview: a thread that gets each message as a copy (structured clone, as a webview does), spends
 * DRAW_MS on it, and answers with the batch's number and the newest epoch it now shows.
 */
const WEBVIEW = `
const { parentPort, workerData } = require('node:worker_threads');
let epoch = 0;
parentPort.on('message', (message) => {
  const updates = message.type === 'batch' ? message.updates : [message];
  for (const update of updates) if (update.type === 'epoch') epoch = update.epoch;
  const until = performance.now() + workerData.drawMs;
  while (performance.now() < until);
  parentPort.postMessage({ seq: message.type === 'batch' ? message.seq : undefined, epoch });
});
`;

function webview(): Worker {
  return new Worker(WEBVIEW, { eval: true, workerData: { drawMs: DRAW_MS } });
}

/** Median-ready latencies of `trials` pauses; `coalesce` picks the outbox or one post per message. */
export async function displayPauseLatencies(
  start: () => RunHandle,
  coalesce: boolean,
  trials: number,
): Promise<number[]> {
  const view = webview();
  let shown = 0;
  let shownAt = 0;
  const outbox = new PanelOutbox((batch) => view.postMessage(batch));
  view.on('message', (reply: { seq?: number; epoch: number }) => {
    if (reply.epoch !== shown) shownAt = performance.now();
    shown = reply.epoch;
    if (reply.seq !== undefined) outbox.ack(reply.seq);
  });
  const post = (message: HostToPanel) => {
    try {
      if (coalesce) outbox.push(message as never);
      else view.postMessage(message);
    } catch (error) {
      console.error('post failed', error);
    }
  };
  const run = start();
  let trained = 0;
  let trainedAt = 0;
  run.onEvent((event: TrainingEvent) => {
    if (event.type === 'epoch') {
      trained = event.epoch;
      trainedAt = performance.now();
    }
    post(event);
  });
  post({ type: 'plan', mode: 'train', runs: [{ runId: run.runId, label: 'bench' }] });
  // Pause a run that is training, not one whose worker is still starting.
  await new Promise<void>((resolve) => run.onEvent((event) => event.type !== 'started' && resolve()));
  await sleep(500);
  const latencies: number[] = [];
  try {
    for (let i = 0; i < trials; i++) {
      const clicked = performance.now();
      run.pause();
      post({ type: 'runState', state: 'paused' });
      // The worker has paused once no epoch arrived for QUIET_MS; then wait for the display to show that epoch.
      while (performance.now() - Math.max(trainedAt, clicked) < QUIET_MS || shown < trained) {
        if (performance.now() - clicked > 60_000) throw new Error('the display never caught up');
        await sleep(5);
      }
      latencies.push(Math.max(0, shownAt - clicked));
      run.resume();
      post({ type: 'runState', state: 'running' });
      await sleep(400 + Math.random() * 200);
    }
  } finally {
    await run.terminate();
    await view.terminate();
  }
  return latencies;
}
