/**
 * Host side of a training run: starts the worker thread, sends it the run, and hands out its events as a
 * callback and as an async iterator. Used by the CLI, the language server and the extension.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RunError, RunFinished, StartRun, TrainingEvent } from '../protocol';

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

export interface RunnerOptions {
  /** The worker script; by default dist/trainWorker.js next to the running bundle, or worker.ts under tsx. */
  workerPath?: string;
}

function defaultWorkerPath(): string {
  const bundled = join(__dirname, 'trainWorker.js');
  if (existsSync(bundled)) return bundled;
  const source = join(__dirname, 'worker.ts');
  if (existsSync(source)) return source;
  throw new Error(`the training worker was not found (looked for ${bundled})`);
}

/** A worker for a bundled script, or for the TypeScript source through tsx (tests and development). */
function createWorker(path: string): Worker {
  if (!path.endsWith('.ts')) return new Worker(path);
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(path)});`, { eval: true });
}

export function startRun(run: Omit<StartRun, 'type'>, options: RunnerOptions = {}): RunHandle {
  const worker = createWorker(options.workerPath ?? defaultWorkerPath());
  const listeners = new Set<(event: TrainingEvent) => void>();
  const queue: TrainingEvent[] = [];
  const waiting: Array<(result: IteratorResult<TrainingEvent>) => void> = [];
  let ended = false;
  let iterating = false;
  let resolveDone!: (event: RunFinished | RunError) => void;
  const done = new Promise<RunFinished | RunError>((resolve) => (resolveDone = resolve));

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
      void worker.terminate();
    }
  };

  worker.on('message', (event: TrainingEvent) => deliver(event));
  worker.on('error', (error) =>
    deliver({ type: 'error', runId: run.runId, message: `the training worker failed: ${error.message}` }),
  );
  worker.on('exit', (code) => {
    if (!ended)
      deliver({
        type: 'error',
        runId: run.runId,
        message: `the training worker exited (code ${code}) before the run finished`,
      });
  });
  const send = (message: unknown): void => {
    if (!ended) worker.postMessage(message);
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
      await worker.terminate();
    },
  };
}
