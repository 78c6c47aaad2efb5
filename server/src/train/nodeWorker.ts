/**
 * Training workers as Node worker threads (the CLI, the language server, tests): the bundled
 * dist/trainWorker.js, or worker.ts through tsx when running from source.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RunHandle, TrainingPort } from './runner';
import { startRun } from './runner';
import type { StartRun, TrainingEvent } from '../protocol';

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

/** A port to a worker thread. */
export function workerThreadPort(worker: Worker): TrainingPort {
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', (event: TrainingEvent) => listener(event)),
    onError: (listener) => worker.on('error', (error: Error) => listener(error.message)),
    onExit: (listener) => worker.on('exit', listener),
    terminate: async () => {
      await worker.terminate();
    },
  };
}

/** A port to a fresh training worker thread. */
export function nodeWorkerPort(options: RunnerOptions = {}): TrainingPort {
  return workerThreadPort(createWorker(options.workerPath ?? defaultWorkerPath()));
}

/** Starts a run in a fresh worker thread. */
export function startNodeRun(run: Omit<StartRun, 'type'>, options: RunnerOptions = {}): RunHandle {
  return startRun(run, nodeWorkerPort(options));
}
