/**
 * Epochs to a target (compare runs): the trainer checks every epoch, reported or not, so `reachedAt` is the
 * same whatever the reporting rate, and equals the first epoch of the full history that meets the target.
 */
import { strict as assert } from 'node:assert';
import type { EpochProgress, RunFinished, RunThreshold, TrainingEvent } from '../../../server/src/protocol';
import { startNodeRun as startRun } from '../../../server/src/train/nodeWorker';
import type { RunHandle } from '../../../server/src/train/runner';
import type { DatasetRequest, TrainSettings } from '../../../server/src/model/spec';
import { trainSync } from '../../../server/src/train/trainer';
import { dense, network } from './helpers';

// A compare-like run: relu hidden layers on a toy set, fixed seed; it passes 90% mid-run (about epoch 9).
const spec = network(2, [dense(16, 'relu', {}, 'he_normal'), dense(16, 'relu', {}, 'he_normal'), dense(1, 'sigmoid')]);
const settings: TrainSettings = { epochs: 30, batch: 32, validation: 0.2, seed: 3, normalize: true };
const data: DatasetRequest = { name: 'circle', params: { points: 200, noise: 0 } };
const ACCURACY_90: RunThreshold = { key: 'valMetric', direction: 'atLeast', value: 0.9 };

const epochsOf = (events: TrainingEvent[]) => events.filter((e): e is EpochProgress => e.type === 'epoch');

/** The first epoch whose value meets the target, found by scanning a full per-epoch history. */
function firstMeeting(history: { epoch: number; value: number }[], target: RunThreshold): number | undefined {
  return history.find((h) => (target.direction === 'atLeast' ? h.value >= target.value : h.value <= target.value))
    ?.epoch;
}

describe('epochs to a target (reachedAt)', () => {
  it('is the same when every epoch is reported and when only the first and last are', () => {
    const full = trainSync({ runId: 'every', spec, settings, data, progressIntervalMs: 0, target: ACCURACY_90 });
    // A clock that never moves: with a 1000 ms interval only epoch 1 and the last epoch are sent.
    const sparse = trainSync({
      runId: 'sparse',
      spec,
      settings,
      data,
      progressIntervalMs: 1000,
      clock: () => 0,
      target: ACCURACY_90,
    });
    const every = epochsOf(full.events);
    assert.deepEqual(
      every.map((e) => e.epoch),
      Array.from({ length: settings.epochs }, (_, i) => i + 1),
    );
    assert.deepEqual(
      epochsOf(sparse.events).map((e) => e.epoch),
      [1, settings.epochs],
    );

    const expected = firstMeeting(
      every.map((e) => ({ epoch: e.epoch, value: e.valMetric })),
      ACCURACY_90,
    );
    assert.ok(
      expected !== undefined && expected > 1 && expected < settings.epochs,
      `the target should be met mid-run, got ${expected}`,
    );
    assert.equal(full.finished.reachedAt, expected);
    assert.equal(sparse.finished.reachedAt, expected);
    assert.equal(full.trainer.reachedAt, expected);
    // Each progress message carries it from that epoch on, and not before.
    for (const e of every) assert.equal(e.reachedAt, e.epoch >= expected ? expected : undefined, `epoch ${e.epoch}`);
    assert.equal(epochsOf(sparse.events).at(-1)?.reachedAt, expected);
  });

  it('times a validation-loss target against the full per-epoch history', () => {
    const probe = trainSync({ runId: 'probe', spec, settings, data, progressIntervalMs: 0 });
    // A loss the run passes somewhere in the middle.
    const target: RunThreshold = { key: 'valLoss', direction: 'atMost', value: probe.trainer.history[14].valLoss };
    const sparse = trainSync({ runId: 'loss', spec, settings, data, progressIntervalMs: 1000, clock: () => 0, target });
    const expected = firstMeeting(
      sparse.trainer.history.map((h) => ({ epoch: h.epoch, value: h.valLoss })),
      target,
    );
    assert.ok(expected !== undefined && expected > 1 && expected <= 15, `got ${expected}`);
    assert.equal(sparse.finished.reachedAt, expected);
  });

  it('is absent without a target and when the target is never met', () => {
    const plain = trainSync({
      runId: 'plain',
      spec,
      settings: { ...settings, epochs: 3 },
      data,
      progressIntervalMs: 0,
    });
    assert.ok(
      plain.events.every((e) => !('reachedAt' in e)),
      'no reachedAt without a target',
    );
    const unreachable = trainSync({
      runId: 'never',
      spec,
      settings: { ...settings, epochs: 3 },
      data,
      progressIntervalMs: 0,
      target: { ...ACCURACY_90, value: 1.01 },
    });
    assert.equal(unreachable.finished.reachedAt, undefined);
    assert.equal(unreachable.trainer.reachedAt, undefined);
  });

  describe('through the worker thread', function () {
    this.timeout(30000);
    const handles: RunHandle[] = [];
    afterEach(async () => {
      await Promise.all(handles.splice(0).map((h) => h.terminate()));
    });

    async function run(runId: string, progressIntervalMs: number): Promise<TrainingEvent[]> {
      const handle = startRun({ runId, spec, settings, data, progressIntervalMs, gridSize: 0, target: ACCURACY_90 });
      handles.push(handle);
      const events: TrainingEvent[] = [];
      for await (const event of handle.events) events.push(event);
      return events;
    }

    it('reports the same reachedAt at progress intervals of 0 and 1000 ms', async () => {
      const [every, sparse] = await Promise.all([run('w-every', 0), run('w-sparse', 1000)]);
      const finishedEvery = every.at(-1) as RunFinished;
      const finishedSparse = sparse.at(-1) as RunFinished;
      assert.equal(finishedEvery.type, 'finished');
      assert.equal(finishedSparse.type, 'finished');
      const history = epochsOf(every);
      assert.equal(history.length, settings.epochs, 'an interval of 0 reports every epoch');
      assert.ok(epochsOf(sparse).length < settings.epochs, 'an interval of 1000 ms reports fewer epochs');
      const expected = firstMeeting(
        history.map((e) => ({ epoch: e.epoch, value: e.valMetric })),
        ACCURACY_90,
      );
      assert.ok(expected !== undefined);
      assert.equal(finishedEvery.reachedAt, expected);
      assert.equal(finishedSparse.reachedAt, expected);
    });
  });
});
