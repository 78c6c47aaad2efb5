/**
 * Host side of a training run: sends the run to a training worker through a port, and hands out its events as
 * a callback and as an async iterator. The port is a worker thread (./nodeWorker.ts: the CLI, the language
 * server, the desktop extension) or a Web Worker (VS Code for the Web); this file imports no Node module.
 */
import type { RunControl, RunError, RunFinished, StartRun, TrainingEvent } from '../protocol';

/** The channel to one training worker (a worker thread, a Web Worker, or one end of a MessageChannel). */
export interface TrainingPort {
  postMessage(message: RunControl): void;
  /** Registers the receiver of the worker's events. */
  onMessage(listener: (event: TrainingEvent) => void): void;
  /** Registers the receiver of a failure of the worker itself (an uncaught error, a script that cannot load). */
  onError(listener: (message: string) => void): void;
  /** Registers the receiver of the worker's exit; a Web Worker never reports one. */
  onExit(listener: (code: number) => void): void;
  /** Ends the worker at once. */
  terminate(): Promise<void> | void;
}

export interface RunHandle {
  readonly runId: string;
  /** Every event, in order, ending with `finished` or `error`. */
  readonly events: AsyncIterable<TrainingEvent>;
  /** Resolves with the last event (`finished` or `error`). */
  readonly done: Promise<RunFinished | RunError>;
  /** Registers a listener for each event; returns a function that removes it. */
  onEvent(listener: (event: TrainingEvent) => void): () => void;
  pause(): void;
  resume(): void;
  /** Trains one more epoch, then pauses. */
  step(): void;
  /** Asks the run to stop; it finishes with reason `stopped` within about 100 ms. */
  stop(): void;
  /** Ends the worker at once (no `finished` event unless one was already sent). */
  terminate(): Promise<void>;
}

/** Starts a run on a fresh worker behind `port`; the worker is ended when the run finishes or fails. */
export function startRun(run: Omit<StartRun, 'type'>, port: TrainingPort): RunHandle {
  const listeners = new Set<(event: TrainingEvent) => void>();
  const queue: TrainingEvent[] = [];
  const waiting: Array<(result: IteratorResult<TrainingEvent>) => void> = [];
  let ended = false;
  let iterating = false;
  let resolveDone!: (event: RunFinished | RunError) => void;
  const done = new Promise<RunFinished | RunError>((resolve) => (resolveDone = resolve));
  const endWorker = async (): Promise<void> => {
    await port.terminate();
  };

  const deliver = (event: TrainingEvent): void => {
    if (ended) return;
    for (const listener of listeners) listener(event);
    const next = waiting.shift();
    if (next) next({ value: event, done: false });
    else if (iterating) queue.push(event);
    if (event.type === 'finished' || event.type === 'error') {
      ended = true;
      for (const w of waiting.splice(0)) w({ value: undefined, done: true });
      resolveDone(event);
      void endWorker();
    }
  };

  port.onMessage((event) => deliver(event));
  port.onError((message) =>
    deliver({ type: 'error', runId: run.runId, message: `the training worker failed: ${message}` }),
  );
  port.onExit((code) => {
    if (!ended)
      deliver({
        type: 'error',
        runId: run.runId,
        message: `the training worker exited (code ${code}) before the run finished`,
      });
  });
  const send = (message: RunControl): void => {
    if (!ended) port.postMessage(message);
  };
  send({ type: 'start', ...run });

  return {
    runId: run.runId,
    done,
    events: {
      [Symbol.asyncIterator]() {
        iterating = true;
        return {
          next(): Promise<IteratorResult<TrainingEvent>> {
            const value = queue.shift();
            if (value) return Promise.resolve({ value, done: false });
            if (ended) return Promise.resolve({ value: undefined, done: true });
            return new Promise((resolve) => waiting.push(resolve));
          },
        };
      },
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pause: () => send({ type: 'pause', runId: run.runId }),
    resume: () => send({ type: 'resume', runId: run.runId }),
    step: () => send({ type: 'step', runId: run.runId }),
    stop: () => send({ type: 'stop', runId: run.runId }),
    async terminate() {
      deliver({ type: 'error', runId: run.runId, message: 'the run was terminated' });
      await endWorker();
    },
  };
}
