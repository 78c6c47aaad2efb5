/**
 * What the extension host sends the panel's webview, in order, as numbered batches that the webview
 * acknowledges. At most `window` batches wait for their ack at a time; meanwhile updates collect here, and
 * progress is coalesced: a run's newer epoch message replaces its older one (the latest grids, health and
 * weights win) and carries the older one's curve points along (points are only ever appended). So a slow
 * webview gets fewer, fuller messages instead of a growing queue. Pure logic, no VS Code API.
 * Controls (pause, step, stop) never pass through here: they go from the panel to the worker directly.
 */
import {
  MAX_BATCH_UPDATES,
  MAX_EPOCH_POINTS,
  type EpochPoint,
  type EpochProgress,
  type PanelBatch,
  type PanelUpdate,
} from '../../../server/src/protocol';

export interface OutboxOptions {
  /** Batches that may wait for their ack at once. */
  window?: number;
  /** A batch not acknowledged within this time counts as lost, so a dropped ack cannot stall the panel. */
  ackTimeoutMs?: number;
  /** Milliseconds from an arbitrary origin (injectable for tests). */
  now?: () => number;
}

export const DEFAULT_WINDOW = 1;
export const DEFAULT_ACK_TIMEOUT_MS = 2000;

interface InFlight {
  seq: number;
  sentAt: number;
}

export class PanelOutbox {
  private readonly pending: PanelUpdate[] = [];
  private readonly inFlight: InFlight[] = [];
  /** Point lists this outbox built while merging (it may append to them; the events' own lists are not touched). */
  private readonly owned = new WeakSet<EpochPoint[]>();
  private readonly window: number;
  private readonly ackTimeoutMs: number;
  private readonly now: () => number;
  private nextSeq = 1;

  constructor(
    private readonly send: (batch: PanelBatch) => void,
    options: OutboxOptions = {},
  ) {
    this.window = Math.max(1, options.window ?? DEFAULT_WINDOW);
    this.ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
    this.now = options.now ?? (() => Date.now());
  }

  /** Updates waiting to be sent. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** Batches sent and not yet acknowledged. */
  get inFlightCount(): number {
    return this.inFlight.length;
  }

  /** The updates waiting to be sent, in order (for tests). */
  get waiting(): readonly PanelUpdate[] {
    return this.pending;
  }

  push(update: PanelUpdate): void {
    this.expire();
    if (update.type !== 'epoch' || !this.coalesce(update)) this.pending.push(update);
    this.flush();
  }

  /** The webview applied batch `seq`: the next batch may go. Unknown numbers are ignored. */
  ack(seq: number): void {
    const at = this.inFlight.findIndex((batch) => batch.seq === seq);
    if (at < 0) return;
    this.inFlight.splice(at, 1);
    this.flush();
  }

  /** The webview (re)loaded: batches in flight will never be acknowledged; what waits goes out now. */
  reset(): void {
    this.inFlight.length = 0;
    this.flush();
  }

  /** Merges a run's epoch message into its waiting one; false when there is none to merge into. */
  private coalesce(update: EpochProgress): boolean {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const older = this.pending[i];
      if (older.type === 'epoch' && older.runId === update.runId) {
        const merged = this.merge(older, update);
        if (!merged) return false;
        this.pending[i] = merged;
        return true;
      }
      // Updates that start, end or replace runs, or describe the model anew, keep their place in the order.
      if (older.type !== 'runState' && older.type !== 'stale' && older.type !== 'epoch') return false;
    }
    return false;
  }

  /** The newer message, carrying every point of the older one; undefined when that would be too many. */
  private merge(older: EpochProgress, newer: EpochProgress): EpochProgress | undefined {
    const before = older.earlier ?? [];
    const after = newer.earlier ?? [];
    if (before.length + 1 + after.length > MAX_EPOCH_POINTS) return undefined;
    const earlier = this.owned.has(before) ? before : [...before];
    earlier.push(pointOf(older));
    for (const point of after) earlier.push(point);
    this.owned.add(earlier);
    return { ...newer, earlier };
  }

  private flush(): void {
    while (this.inFlight.length < this.window && this.pending.length > 0) {
      const updates = this.pending.splice(0, MAX_BATCH_UPDATES);
      const seq = this.nextSeq++;
      this.inFlight.push({ seq, sentAt: this.now() });
      this.send({ type: 'batch', seq, updates });
    }
  }

  /** Forgets batches whose ack is overdue. */
  private expire(): void {
    const now = this.now();
    for (let i = this.inFlight.length - 1; i >= 0; i--) {
      if (now - this.inFlight[i].sentAt > this.ackTimeoutMs) this.inFlight.splice(i, 1);
    }
  }
}

/** An epoch message's own numbers, as a curve point. */
export function pointOf(event: EpochProgress): EpochPoint {
  return {
    epoch: event.epoch,
    trainLoss: event.trainLoss,
    valLoss: event.valLoss,
    trainMetric: event.trainMetric,
    valMetric: event.valMetric,
    gradNorms: event.layers.map((layer) => layer.gradNorm),
  };
}
