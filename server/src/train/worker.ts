/** The training worker thread (bundled to dist/trainWorker.js): receives RunControl, posts TrainingEvent. */
import { parentPort } from 'node:worker_threads';
import type { RunControl } from '../protocol';
import { TrainingSession } from './session';

if (!parentPort) throw new Error('the training worker must run in a worker thread');
const port = parentPort;
const session = new TrainingSession(
  (event) => port.postMessage(event),
  (next) => setImmediate(next),
);
port.on('message', (message: RunControl) => session.handle(message));
