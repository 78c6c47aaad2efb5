/**
 * Drives one Trainer in time slices and obeys run controls (pause, resume, step, stop). Pure: the worker
 * supplies how to post events and how to yield to its message queue, so this is testable without threads.
 */
import type { RunControl, StartRun, TrainingEvent } from '../protocol';
import { Trainer } from './trainer';

/** Longest stretch of training between two looks at the message queue (keeps stop well under 100 ms). */
const SLICE_MS = 15;

export class TrainingSession {
  private trainer: Trainer | undefined;
  private paused = false;
  private stepping = false;
  private stopRequested = false;
  private scheduled = false;

  constructor(
    private readonly post: (event: TrainingEvent) => void,
    /** Calls back after pending messages have been handled (setImmediate in a worker). */
    private readonly yieldThen: (next: () => void) => void,
  ) {}

  get runId(): string | undefined {
    return this.trainer?.runId;
  }

  handle(message: RunControl): void {
    if (message.type === 'start') {
      this.start(message);
      return;
    }
    if (!this.trainer || message.runId !== this.trainer.runId) return;
    switch (message.type) {
      case 'pause': {
        this.paused = true;
        // The epochs trained since the last progress message are shown at once: the panel stops where the run did.
        const pending = this.trainer.done ? undefined : this.trainer.reportPending();
        if (pending) this.post(pending);
        break;
      }
      case 'resume':
        this.paused = false;
        this.stepping = false;
        this.schedule();
        break;
      case 'step':
        this.paused = true;
        this.stepping = true;
        this.schedule();
        break;
      case 'stop':
        this.stopRequested = true;
        this.schedule();
        break;
    }
  }

  private start(message: StartRun): void {
    try {
      this.trainer = new Trainer({
        runId: message.runId,
        spec: message.spec,
        settings: message.settings,
        data: message.data,
        progressIntervalMs: message.progressIntervalMs,
        gridSize: message.gridSize,
        thresholds: message.thresholds,
        target: message.target,
      });
    } catch (error) {
      this.post({
        type: 'error',
        runId: message.runId,
        message: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    this.paused = message.paused === true;
    this.stepping = false;
    this.stopRequested = false;
    this.post(this.trainer.started);
    if (!this.paused) this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.yieldThen(() => {
      this.scheduled = false;
      this.tick();
    });
  }

  private tick(): void {
    const trainer = this.trainer;
    if (!trainer || trainer.done) return;
    if (this.stopRequested) {
      this.post(trainer.stop());
      return;
    }
    if (this.paused && !this.stepping) return;
    let events: TrainingEvent[];
    const epochBefore = trainer.epoch;
    try {
      events = trainer.advance(SLICE_MS, this.stepping);
    } catch (error) {
      this.post({
        type: 'error',
        runId: trainer.runId,
        message: error instanceof Error ? error.message : String(error),
      });
      this.trainer = undefined;
      return;
    }
    for (const event of events) this.post(event);
    if (this.stepping && trainer.epoch > epochBefore) this.stepping = false;
    if (!trainer.done && (!this.paused || this.stepping)) this.schedule();
  }
}
