/**
 * Panel controls: how long after a click on Pause or Stop the run has actually paused or stopped, on the
 * panel's own path (extension host → training worker), with a busy loop in another thread loading the CPU.
 * - Stop: from `stop()` to the worker's `finished` event (reason `stopped`).
 * - Pause: the worker sends no "paused" event, so every epoch is reported (progress interval 0) and the run
 *   counts as paused at the last epoch event that arrives after `pause()`; 0 when none does (the click
 *   landed between two slices). The bench then checks that nothing more arrives.
 * The worker trains in 15 ms slices and reads its messages between slices, so both should be well under 100 ms.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { analyze } from '../../server/src/analysis';
import type { TrainingEvent } from '../../server/src/protocol';
import { planRun } from '../../server/src/run/pipeline';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { startNodeRun } from '../../server/src/train/nodeWorker';
import type { RunHandle } from '../../server/src/train/runner';
import { formatMs, median } from '../support/measure';
import { DRAW_MS, displayPauseLatencies } from './display';

const ROOT = path.resolve(__dirname, '..', '..');
const WORKER = path.join(ROOT, 'dist', 'trainWorker.js');
const TARGET_MS = 100;
const PAUSES = 30;
const STOPS = 10;
const DISPLAY_TRIALS = 15;
/** Silence that confirms a pause held. */
const QUIET_MS = 300;

const SOURCE = `model spirals {
  task binary
  input 2
  dense 16 relu
  dense 16 relu
  dense 1 sigmoid
  optimizer adam(lr: 0.01)
}
train spirals {
  data spiral(points: 400, noise: 0.1)
  epochs 1000000
}
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The panel's progress interval is 30 ms; the worker-only benches report every epoch. */
function start(runId: string, progressIntervalMs = 0): RunHandle {
  if (analyze(SOURCE).diagnostics.some((d) => d.severity === 'error')) throw new Error('the bench model has errors');
  const plan = planRun({
    text: SOURCE,
    path: '',
    settings: DEFAULT_SETTINGS,
    data: { workspaceRoots: [], trusted: true },
    gridSize: 100,
  });
  if (!plan.ok) throw new Error(plan.message);
  return startNodeRun(
    {
      runId,
      spec: plan.spec,
      settings: plan.settings,
      data: plan.data,
      thresholds: plan.thresholds,
      progressIntervalMs,
      gridSize: 100,
    },
    { workerPath: WORKER },
  );
}

/** A thread that spins until terminated: the CPU is shared, as when the editor and the server are busy. */
function busyLoop(): Worker {
  return new Worker('for (;;) { Math.sqrt(Math.random()); }', { eval: true });
}

async function pauseLatencies(): Promise<number[]> {
  const run = start('pause-bench');
  let lastEpochAt = 0;
  run.onEvent((event: TrainingEvent) => {
    if (event.type === 'epoch') lastEpochAt = performance.now();
  });
  await sleep(300);
  const latencies: number[] = [];
  for (let i = 0; i < PAUSES; i++) {
    const clicked = performance.now();
    run.pause();
    // Paused once no epoch has arrived for QUIET_MS (a heavily loaded machine may deliver the last slice late).
    while (performance.now() - Math.max(lastEpochAt, clicked) < QUIET_MS) {
      if (performance.now() - clicked > 10_000) throw new Error('the run kept training after pause');
      await sleep(10);
    }
    latencies.push(Math.max(0, lastEpochAt - clicked));
    run.resume();
    await sleep(50 + Math.random() * 50);
  }
  await run.terminate();
  return latencies;
}

async function stopLatencies(): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < STOPS; i++) {
    const run = start(`stop-bench-${i}`);
    // Stop a run that is training, not one whose worker is still starting.
    await new Promise<void>((resolve) => run.onEvent((event) => event.type === 'epoch' && resolve()));
    await sleep(100 + Math.random() * 50);
    const clicked = performance.now();
    run.stop();
    const end = await run.done;
    if (end.type !== 'finished' || end.reason !== 'stopped') throw new Error(`the run ended with ${end.type}`);
    latencies.push(performance.now() - clicked);
  }
  return latencies;
}

function report(what: string, values: number[]): void {
  const sorted = [...values].sort((a, b) => a - b);
  const worst = sorted.at(-1)!;
  const m = median(values);
  console.log(
    `${what}: ${formatMs(m)} median, ${formatMs(worst)} worst of ${values.length} — target < ${TARGET_MS} ms (${(TARGET_MS / Math.max(m, 0.001)).toFixed(0)}× headroom)`,
  );
}

async function main(): Promise<void> {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build first`);
  const busy = busyLoop();
  try {
    console.log('\n## Panel controls (extension host → worker), CPU loaded by a busy thread');
    report('click Pause → run paused', await pauseLatencies());
    report('click Stop → finished (stopped)', await stopLatencies());
    console.log(
      `\n## Click Pause → the webview shows the paused run (webview ${DRAW_MS} ms per message, panel's 30 ms progress)`,
    );
    const panelRun = () => start('display-bench', 30);
    report('through the outbox (one batch in flight)', await displayPauseLatencies(panelRun, true, DISPLAY_TRIALS));
    report('posting every message (before the outbox)', await displayPauseLatencies(panelRun, false, 5));
  } finally {
    await busy.terminate();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
