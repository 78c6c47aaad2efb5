/**
 * The PyTorch runs of a Node training worker: a start that carries `torch` runs train.py (./run.ts) instead of
 * the engine, and the controls of that run go to it. Pause, resume and step do not apply to such a run.
 */
import type { RunControl, TrainingEvent } from '../../protocol';
import type { RunHandle } from '../runner';
import { startTorchRun } from './run';

export class TorchWorkerRuns {
  private current: RunHandle | undefined;

  constructor(private readonly post: (event: TrainingEvent) => void) {}

  /** True when the message starts a PyTorch run or controls the current one. */
  owns(message: RunControl): boolean {
    if (message.type === 'start') return message.torch !== undefined;
    return this.current !== undefined && message.runId === this.current.runId;
  }

  handle(message: RunControl): void {
    if (message.type === 'start') {
      if (!message.torch) return;
      const { type: _type, torch, ...run } = message;
      this.current = startTorchRun({ ...run, torch });
      this.current.onEvent((event) => this.post(event));
    } else if (message.type === 'stop') {
      this.current?.stop();
    }
  }
}
