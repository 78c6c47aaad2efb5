/** The host's outbox to the panel: one batch in flight, progress coalesced, curve points never lost. */
import assert from 'node:assert/strict';
import { PanelOutbox } from '../../../client/src/panel/outbox';
import { applyHostMessage, createState } from '../../../media/src/panel/state';
import {
  MAX_EPOCH_POINTS,
  type EpochPoint,
  type EpochProgress,
  type PanelBatch,
  type PanelUpdate,
} from '../../../server/src/protocol';
import { checkHostMessage, checkPanelMessage } from '../../../server/src/protocolValidate';

function epoch(n: number, runId = 'run-1', earlier?: EpochPoint[]): EpochProgress {
  const message: EpochProgress = {
    type: 'epoch',
    runId,
    epoch: n,
    epochs: 1000,
    trainLoss: 1 / n,
    valLoss: 2 / n,
    trainMetric: n / 1000,
    valMetric: n / 2000,
    metricName: 'accuracy',
    elapsedMs: n,
    samplesPerSecond: 1000,
    layers: [
      { name: 'dense_1', sourceIndex: 0, activation: 'relu', gradNorm: n, histogram: { min: 0, max: 1, counts: [n] } },
    ],
    boundary: { width: 1, height: 1, xRange: [0, 1], yRange: [0, 1], values: [n] },
    findings: [],
  };
  if (earlier) message.earlier = earlier;
  return message;
}

function point(n: number): EpochPoint {
  return { epoch: n, trainLoss: 1 / n, valLoss: 2 / n, trainMetric: n / 1000, valMetric: n / 2000, gradNorms: [n] };
}

/** An outbox whose batches are recorded; the test decides when the webview acknowledges them. */
function outbox(options: ConstructorParameters<typeof PanelOutbox>[1] = {}) {
  const sent: PanelBatch[] = [];
  const box = new PanelOutbox((batch) => sent.push(batch), options);
  return { box, sent, ackLast: () => box.ack(sent.at(-1)!.seq) };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('panel outbox', () => {
  it('sends at once when nothing waits for an ack, then holds everything until the ack', () => {
    const { box, sent, ackLast } = outbox();
    box.push({ type: 'runState', state: 'running' });
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0].updates, [{ type: 'runState', state: 'running' }]);
    box.push(epoch(1));
    box.push({ type: 'stale', line: 3 });
    assert.equal(sent.length, 1, 'nothing more while the first batch is unacknowledged');
    assert.equal(box.inFlightCount, 1);
    assert.equal(box.pendingCount, 2);
    ackLast();
    assert.equal(sent.length, 2);
    assert.deepEqual(
      sent[1].updates.map((u) => u.type),
      ['epoch', 'stale'],
    );
    assert.ok(sent[1].seq > sent[0].seq);
  });

  it('coalesces a run’s progress: the latest grids and health win, every curve point is kept in order', () => {
    const { box, sent, ackLast } = outbox();
    box.push(epoch(1));
    for (let n = 2; n <= 500; n++) {
      box.push(epoch(n));
      assert.equal(box.pendingCount, 1, `one waiting message after epoch ${n}`);
    }
    ackLast();
    const [merged] = sent[1].updates as EpochProgress[];
    assert.equal(sent[1].updates.length, 1);
    assert.equal(merged.epoch, 500);
    assert.deepEqual(merged.boundary?.values, [500]);
    assert.equal(merged.layers[0].gradNorm, 500);
    assert.deepEqual(
      merged.earlier?.map((p) => p.epoch),
      range(2, 499),
    );
    assert.deepEqual(merged.earlier?.[0], point(2));
    assert.equal(checkHostMessage(sent[1]).ok, true);
  });

  it('appends the points a message already carries, without touching the message’s own list', () => {
    const { box, sent, ackLast } = outbox();
    box.push({ type: 'runState', state: 'running' });
    const own = [point(1), point(2)];
    box.push(epoch(3, 'run-1', own));
    box.push(epoch(6, 'run-1', [point(4), point(5)]));
    box.push(epoch(7));
    ackLast();
    const merged = sent[1].updates[0] as EpochProgress;
    assert.deepEqual(
      merged.earlier?.map((p) => p.epoch),
      [1, 2, 3, 4, 5, 6],
    );
    assert.equal(own.length, 2);
  });

  it('keeps the order around runs that start, end or are replaced; run state and staleness do not block merging', () => {
    const { box, sent, ackLast } = outbox();
    box.push({ type: 'runState', state: 'running' });
    box.push(epoch(1));
    box.push({ type: 'runState', state: 'paused' });
    box.push(epoch(2));
    box.push({
      type: 'finished',
      runId: 'run-1',
      reason: 'stopped',
      epochs: 2,
      final: { trainLoss: 0, valLoss: 0, trainMetric: 0, valMetric: 0, metricName: 'accuracy' },
      findings: [],
    });
    box.push({ type: 'plan', mode: 'train', runs: [{ runId: 'run-2', label: 'm' }] });
    box.push(epoch(1, 'run-2'));
    box.push(epoch(2, 'run-2'));
    ackLast();
    const updates: PanelUpdate[] = sent[1].updates;
    assert.deepEqual(
      updates.map((u) => (u.type === 'epoch' ? `${u.runId}:${u.epoch}` : u.type)),
      ['run-1:2', 'runState', 'finished', 'plan', 'run-2:2'],
    );
  });

  it('never merges past MAX_EPOCH_POINTS points in one message', () => {
    const { box, sent, ackLast } = outbox();
    box.push({ type: 'runState', state: 'running' });
    const many = range(1, MAX_EPOCH_POINTS - 1).map(point);
    box.push(epoch(MAX_EPOCH_POINTS, 'run-1', many));
    box.push(epoch(MAX_EPOCH_POINTS + 2, 'run-1', [point(MAX_EPOCH_POINTS + 1)]));
    assert.equal(box.pendingCount, 2, 'one point more than a message holds: a second message');
    ackLast();
    assert.ok(sent[1].updates.every((u) => u.type !== 'epoch' || (u.earlier?.length ?? 0) <= MAX_EPOCH_POINTS));
  });

  it('ignores unknown acks; a reload or an overdue ack frees the window', () => {
    let now = 0;
    const { box, sent } = outbox({ ackTimeoutMs: 1000, now: () => now });
    box.push(epoch(1));
    box.push(epoch(2));
    box.ack(999);
    assert.equal(sent.length, 1);
    box.reset();
    assert.equal(sent.length, 2, 'the webview reloaded: what waited goes out');
    box.push(epoch(3));
    now = 1500;
    box.push(epoch(4));
    assert.equal(sent.length, 3, 'an ack overdue by the timeout counts as lost');
  });

  it('a slow webview ends with the latest state and every epoch on its curves', () => {
    const state = createState();
    const inbox: PanelBatch[] = [];
    const box = new PanelOutbox((batch) => inbox.push(batch));
    box.push({ type: 'plan', mode: 'train', runs: [{ runId: 'run-1', label: 'm' }] });
    let maxPending = 0;
    for (let n = 1; n <= 1000; n++) {
      box.push(epoch(n));
      maxPending = Math.max(maxPending, box.pendingCount);
      // The webview gets to one batch for every 37 messages the worker sends.
      if (n % 37 === 0 && inbox.length > 0) {
        const batch = inbox.shift()!;
        applyHostMessage(state, batch);
        box.ack(batch.seq);
      }
    }
    while (inbox.length > 0) {
      const batch = inbox.shift()!;
      applyHostMessage(state, batch);
      box.ack(batch.seq);
    }
    assert.ok(maxPending <= 1, `at most one message waited (saw ${maxPending})`);
    const run = state.train[0];
    assert.deepEqual(run.epochs, range(1, 1000));
    assert.deepEqual(run.gradNorms[0], range(1, 1000));
    assert.equal(run.latest?.epoch, 1000);
    assert.deepEqual(run.latest?.boundary?.values, [1000]);
  });

  it('has its batches and acks checked like every other message', () => {
    assert.equal(checkHostMessage({ type: 'batch', seq: 1, updates: [epoch(1)] }).ok, true);
    assert.equal(checkHostMessage({ type: 'batch', seq: 1, updates: [{ type: 'epoch', runId: 'x' }] }).ok, false);
    assert.equal(checkHostMessage({ type: 'batch', seq: -1, updates: [] }).ok, false);
    assert.equal(checkHostMessage({ ...epoch(2), earlier: [{ epoch: 1 }] }).ok, false);
    assert.equal(checkPanelMessage({ type: 'ack', seq: 3 }).ok, true);
    assert.equal(checkPanelMessage({ type: 'ack', seq: 'x' }).ok, false);
  });
});
