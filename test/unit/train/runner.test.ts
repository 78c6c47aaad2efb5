/**
 * A run end to end through each kind of training port: events in order, stop latency, pause/step, errors. The
 * ports: a worker thread (desktop, CLI, server), and a MessageChannel whose other end runs the Web Worker's
 * code (serveTrainingSession) with the real session in this thread. It yields with setImmediate here: Node
 * drains a MessagePort's whole queue at once, so the Web Worker's MessageChannel yield would starve the test.
 */
import { strict as assert } from 'node:assert';
import type { EpochProgress, RunFinished, TrainingEvent } from '../../../server/src/protocol';
import { nodeWorkerPort } from '../../../server/src/train/nodeWorker';
import { startRun as startOnPort, type RunHandle, type TrainingPort } from '../../../server/src/train/runner';
import { NO_TORCH_HERE, serveTrainingSession, type SessionEndpoint } from '../../../server/src/train/serveSession';
import { dense, network } from './helpers';

const spec = network(2, [dense(16, 'relu', {}, 'he_normal'), dense(16, 'relu', {}, 'he_normal'), dense(1, 'sigmoid')]);

/** A port whose other end is served as in dist/web/trainWorker.js, with a MessagePort in place of `self`. */
function channelPort(): TrainingPort {
  const { port1, port2 } = new MessageChannel();
  const stopServing = serveTrainingSession(port2 as unknown as SessionEndpoint, { yieldThen: setImmediate });
  port1.start();
  return {
    postMessage: (message) => port1.postMessage(message),
    onMessage: (listener) => port1.addEventListener('message', (event) => listener(event.data as TrainingEvent)),
    onError: () => undefined,
    onExit: () => undefined,
    terminate: () => {
      stopServing();
      port1.close();
    },
  };
}

/** A long xor run that trains one epoch at a time without progress throttling (for pause and step). */
const LONG_XOR = {
  spec,
  settings: { epochs: 1000, batch: 16, validation: 0.2, seed: 1, normalize: true },
  data: { name: 'xor', params: { points: 1000 } },
  progressIntervalMs: 0,
  gridSize: 0,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Passes each event of `run` to `record`, and returns `until`: it resolves once `condition` holds, checking it
 * after each event.
 */
function watchEvents(
  run: RunHandle,
  record: (event: TrainingEvent) => void,
): (condition: () => boolean) => Promise<void> {
  const waiters: Array<() => void> = [];
  run.onEvent((event) => {
    record(event);
    for (const wake of waiters.splice(0)) wake();
  });
  return async (condition) => {
    while (!condition()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
}

const PORTS: [string, () => TrainingPort][] = [
  ['a worker thread', () => nodeWorkerPort()],
  ["a MessageChannel to the Web Worker's session code", channelPort],
];

for (const [where, createPort] of PORTS)
  describe(`training run through ${where}`, function () {
    this.timeout(30000);
    // Every run is ended after its test, even a failed one, so no worker keeps the process alive.
    const handles: RunHandle[] = [];
    const startRun = (run: Parameters<typeof startOnPort>[0]): RunHandle => {
      const handle = startOnPort(run, createPort());
      handles.push(handle);
      return handle;
    };
    afterEach(async () => {
      await Promise.all(handles.splice(0).map((h) => h.terminate()));
    });

    it('streams started, epochs and finished with weights, and trains the data', async () => {
      const run = startRun({
        runId: 'r1',
        spec,
        settings: { epochs: 30, batch: 32, validation: 0.2, seed: 2, normalize: true },
        data: { name: 'circle', params: { points: 200, noise: 0 } },
        progressIntervalMs: 0,
        gridSize: 10,
      });
      const events: TrainingEvent[] = [];
      for await (const event of run.events) events.push(event);
      assert.equal(events[0].type, 'started');
      const epochs = events.filter((e): e is EpochProgress => e.type === 'epoch');
      assert.deepEqual(
        epochs.map((e) => e.epoch),
        Array.from({ length: 30 }, (_, i) => i + 1),
      );
      assert.equal(epochs[0].boundary?.values.length, 100);
      const finished = events[events.length - 1] as RunFinished;
      assert.equal(finished.type, 'finished');
      assert.equal(finished.reason, 'completed');
      assert.ok(finished.final.valMetric > 0.9, `validation accuracy ${finished.final.valMetric}`);
      assert.equal(finished.weights?.dense.length, 3);
    });

    it('stops within 100 ms of the request', async () => {
      const run = startRun({
        runId: 'r2',
        spec,
        settings: { epochs: 100000, batch: 8, validation: 0.2, seed: 1, normalize: true },
        data: { name: 'spiral', params: { points: 2000 } },
        progressIntervalMs: 50,
        gridSize: 0,
      });
      let firstEpoch!: () => void;
      const epochSeen = new Promise<void>((resolve) => (firstEpoch = resolve));
      run.onEvent((e) => (e.type === 'epoch' || e.type === 'error' || e.type === 'finished') && firstEpoch());
      await epochSeen;
      const asked = performance.now();
      run.stop();
      const last = await run.done;
      const latency = performance.now() - asked;
      assert.equal(last.type, 'finished');
      assert.equal((last as RunFinished).reason, 'stopped');
      // The bound is generous for a loaded machine; the design target is well under 100 ms.
      assert.ok(latency < 1000, `stop took ${latency.toFixed(0)} ms`);
      console.log(`      stop latency ${latency.toFixed(1)} ms`);
    });

    it('pauses, steps one epoch at a time and resumes', async () => {
      const run = startRun({ ...LONG_XOR, runId: 'r3' });
      const epochs: number[] = [];
      const until = watchEvents(run, (e) => {
        if (e.type === 'epoch') epochs.push(e.epoch);
      });
      await until(() => epochs.length >= 1);
      run.pause();
      await sleep(200);
      const pausedAt = epochs.length;
      await sleep(200);
      assert.equal(epochs.length, pausedAt, 'no epochs while paused');
      run.step();
      await until(() => epochs.length === pausedAt + 1);
      await sleep(200);
      assert.equal(epochs.length, pausedAt + 1, 'one step trains one epoch');
      run.resume();
      await until(() => epochs.length >= pausedAt + 3);
      run.stop();
      const last = await run.done;
      assert.equal((last as RunFinished).reason, 'stopped');
      assert.deepEqual(
        epochs,
        epochs.map((_, i) => i + 1),
        'every epoch reported once, in order',
      );
    });

    it('starts paused when asked, and a step then trains exactly one epoch', async () => {
      const run = startRun({ ...LONG_XOR, runId: 'r5', paused: true });
      const seen: string[] = [];
      const until = watchEvents(run, (e) => seen.push(e.type === 'epoch' ? `epoch ${e.epoch}` : e.type));
      await until(() => seen.includes('started'));
      await sleep(300);
      assert.deepEqual(seen, ['started'], 'no epoch before the step');
      run.step();
      await until(() => seen.length === 2);
      await sleep(300);
      assert.deepEqual(seen, ['started', 'epoch 1'], 'the step trained one epoch and paused');
      run.stop();
      const last = await run.done;
      assert.equal((last as RunFinished).reason, 'stopped');
      assert.equal((last as RunFinished).epochs, 1);
    });

    it('reports bad input as an error event', async () => {
      const run = startRun({
        runId: 'r4',
        spec: network(3, [dense(1, 'sigmoid')]),
        settings: { epochs: 1, batch: 32, validation: 0.2, seed: 1, normalize: true },
        data: { name: 'xor', params: {} },
        progressIntervalMs: 0,
        gridSize: 0,
      });
      const last = await run.done;
      assert.equal(last.type, 'error');
      assert.match((last as { message: string }).message, /2 features.*input is 3/);
    });
  });

describe("the Web Worker's training session", function () {
  this.timeout(30000);
  it('refuses a PyTorch run with a message instead of training it in the engine', async () => {
    const run = startOnPort(
      { ...LONG_XOR, runId: 'web-torch', torch: { files: [], nproc: 1, python: 'python3' } },
      channelPort(),
    );
    const seen: string[] = [];
    run.onEvent((event) => seen.push(event.type));
    const last = await run.done;
    assert.equal(last.type, 'error');
    assert.equal((last as { message: string }).message, NO_TORCH_HERE);
    assert.deepEqual(seen, ['error'], 'nothing trained');
  });
});
