/**
 * The training runs of one panel. Each run is a worker thread started here, on the extension host, with the
 * plan the language server made: pause, step and stop go straight from the panel to the worker and never
 * wait behind the server's analyses (docs/architecture.md has the measurement).
 */
import type { PanelMode, RunThreshold, TrainingEvent } from '../../../server/src/protocol';
import { startRun, type RunHandle, type TrainingPort } from '../../../server/src/train/runner';
import type { RunPlan } from './panelServer';

export type { TrainingPort };

/** Minimum time between progress messages from the worker: about the webview's redraw rate (30 a second). */
const PROGRESS_INTERVAL_MS = 30;

/** The decision-boundary resolution the panel draws (part of every plan's size budget). */
export const GRID_SIZE = 100;

export interface PanelRun {
  readonly handle: RunHandle;
  /** A PyTorch run: pause and step do not apply. */
  readonly torch?: boolean;
  readonly mode: PanelMode;
  readonly plan: RunPlan;
  /** False once the panel ended the run: its last events are reported but no longer shown. */
  shown: boolean;
}

/** What the panel does with a run's events; the returned promise delays reporting the event to the API. */
export type RunListener = (run: PanelRun, event: TrainingEvent) => void | Promise<void>;

export class PanelRuns {
  private runs: PanelRun[] = [];

  constructor(
    /** Starts a training worker (a worker thread on the desktop, a Web Worker in the web). */
    private readonly createPort: () => TrainingPort,
    /** Every event of every run, in order, after the panel has handled it (the extension's API). */
    private readonly report: (mode: PanelMode, event: TrainingEvent) => void,
  ) {}

  /**
   * Starts a worker for a plan. With `python` and a plan that carries the trainer's files, the worker runs the
   * PyTorch backend (train.py; no pause or step). Throws when the worker cannot start.
   */
  start(
    runId: string,
    mode: PanelMode,
    plan: RunPlan,
    options: { paused?: boolean; threshold?: RunThreshold; python?: string },
    listener: RunListener,
  ): PanelRun {
    const torch = options.python && plan.trainer ? { python: options.python, files: plan.trainer } : undefined;
    const handle = startRun(
      {
        runId,
        spec: plan.spec,
        settings: plan.settings,
        data: plan.data,
        thresholds: plan.thresholds,
        progressIntervalMs: PROGRESS_INTERVAL_MS,
        gridSize: GRID_SIZE,
        paused: torch ? undefined : options.paused,
        target: options.threshold,
        ...(torch ? { torch } : {}),
      },
      this.createPort(),
    );
    const run: PanelRun = { handle, mode, plan, shown: true, torch: torch !== undefined };
    // Events are handled one after another, so a run's end is reported only after the work it triggers.
    let previous: Promise<void> = Promise.resolve();
    handle.onEvent((event) => {
      if (event.type === 'finished' || event.type === 'error') this.runs = this.runs.filter((r) => r !== run);
      const handled = run.shown ? listener(run, event) : undefined;
      previous = previous
        .then(() => handled)
        .then(
          () => this.report(mode, event),
          () => this.report(mode, event),
        );
    });
    this.runs.push(run);
    return run;
  }

  /** The run started last that is still going. */
  latest(): PanelRun | undefined {
    return this.runs.at(-1);
  }

  /** Asks every run to stop (each finishes with reason `stopped`). */
  stopAll(): void {
    for (const run of this.runs) run.handle.stop();
  }

  /** Ends every run at once; their events are no longer shown. */
  endAll(): void {
    for (const run of this.runs.splice(0)) {
      run.shown = false;
      void run.handle.terminate();
    }
  }
}
