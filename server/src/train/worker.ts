/** The training worker thread (bundled to dist/trainWorker.js): receives RunControl, posts TrainingEvent. */
import { parentPort } from 'node:worker_threads';
import type { RunControl } from '../protocol';
import { TrainingSession } from './session';
import { TorchWorkerRuns } from './torch/workerRuns';

if (!parentPort) throw new Error('the training worker must run in a worker thread');
const port = parentPort;
const session = new TrainingSession(
  (event) => port.postMessage(event),
  (next) => setImmediate(next),
);
// A run with `torch` trains in PyTorch (child processes, Node only); every other run trains in the engine.
const torch = new TorchWorkerRuns((event) => port.postMessage(event));
port.on('message', (message: RunControl) => (torch.owns(message) ? torch.handle(message) : session.handle(message)));
