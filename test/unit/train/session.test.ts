/**
 * The worker's session, driven without a thread: however rarely it reports progress, every epoch reaches the
 * panel's curves (the epochs between two messages ride on the next one, or on `finished`).
 */
import { strict as assert } from 'node:assert';
import { applyHostMessage, createState, type PanelState } from '../../../media/src/panel/state';
import type { RunControl, StartRun, TrainingEvent } from '../../../server/src/protocol';
import { TrainingSession } from '../../../server/src/train/session';
import { dense, network } from './helpers';

const spec = network(2, [dense(8, 'tanh'), dense(1, 'sigmoid')]);

function startMessage(epochs: number, progressIntervalMs: number): StartRun {
  return {
    type: 'start',
    runId: 'exact',
    spec,
    settings: { epochs, batch: 16, validation: 0.2, seed: 3, normalize: true },
    data: { name: 'circle', params: { points: 120, noise: 0.1 } },
    progressIntervalMs,
    gridSize: 0,
  };
}

/** A session whose yields run when `drain` is called; its events go into the panel's state. */
function drive(): {
  session: TrainingSession;
  events: TrainingEvent[];
  state: PanelState;
  drain: (until?: (events: TrainingEvent[]) => boolean) => void;
} {
  const events: TrainingEvent[] = [];
  const state = createState();
  const queue: Array<() => void> = [];
  const session = new TrainingSession(
    (event) => {
      events.push(event);
      applyHostMessage(state, event);
    },
    (next) => queue.push(next),
  );
  const drain = (until?: (events: TrainingEvent[]) => boolean) => {
    while (queue.length > 0 && !until?.(events)) queue.shift()!();
  };
  return { session, events, state, drain };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('training session: exact curves', () => {
  it('a run of N epochs gives the panel exactly N curve points, however few messages it sends', () => {
    const { session, events, state, drain } = drive();
    // An interval no run reaches: only the first and the last epoch are reported on their own.
    session.handle(startMessage(200, 1e9));
    drain();
    const messages = events.filter((e) => e.type === 'epoch');
    assert.ok(messages.length <= 3, `${messages.length} progress messages`);
    const run = state.train[0];
    assert.deepEqual(run.epochs, range(1, 200));
    for (const series of [run.trainLoss, run.valLoss, run.trainMetric, run.valMetric, ...run.gradNorms]) {
      assert.equal(series.length, 200);
      assert.ok(series.every(Number.isFinite));
    }
    assert.equal(run.finished?.epochs, 200);
  });

  it('a stopped run keeps the epochs it trained since its last message', () => {
    const { session, events, state, drain } = drive();
    session.handle(startMessage(100_000, 1e9));
    // Train a few slices, then stop between two progress messages.
    let slices = 0;
    drain(() => ++slices > 5);
    session.handle({ type: 'stop', runId: 'exact' } satisfies RunControl);
    drain();
    const finished = events.at(-1);
    assert.equal(finished?.type, 'finished');
    if (finished?.type !== 'finished') return;
    assert.equal(finished.reason, 'stopped');
    assert.ok(finished.epochs > 1, `stopped after ${finished.epochs} epochs`);
    assert.ok((finished.earlier?.length ?? 0) > 0, 'the unreported epochs ride on finished');
    assert.deepEqual(state.train[0].epochs, range(1, finished.epochs));
  });

  it('a pause reports the epochs trained since the last message at once', () => {
    const { session, events, state, drain } = drive();
    session.handle(startMessage(100_000, 1e9));
    let slices = 0;
    drain(() => ++slices > 5);
    const before = events.length;
    session.handle({ type: 'pause', runId: 'exact' });
    const reported = events.slice(before);
    assert.equal(reported.length, 1);
    const epochs = state.train[0].epochs;
    assert.ok(epochs.length > 2, `${epochs.length} epochs shown`);
    assert.deepEqual(epochs, range(1, epochs.length));
    drain();
    assert.equal(events.length, before + 1, 'nothing more while paused');
  });

  it('a step reports its epoch on its own, with nothing left out before it', () => {
    const { session, state, drain } = drive();
    session.handle({ ...startMessage(50, 1e9), paused: true });
    for (let i = 0; i < 3; i++) {
      session.handle({ type: 'step', runId: 'exact' });
      drain();
    }
    assert.deepEqual(state.train[0].epochs, [1, 2, 3]);
  });
});
