/**
 * The event side of a RunHandle for runs that are not a worker thread (a PyTorch run): listeners, an async
 * iterator and the `done` promise, ending at the first `finished` or `error` event.
 */
import type { RunError, RunFinished, TrainingEvent } from '../../protocol';

export class RunEvents {
  private readonly listeners = new Set<(event: TrainingEvent) => void>();
  private readonly queue: TrainingEvent[] = [];
  private readonly waiting: Array<(result: IteratorResult<TrainingEvent>) => void> = [];
  private iterating = false;
  private resolveDone!: (event: RunFinished | RunError) => void;
  ended = false;
  readonly done = new Promise<RunFinished | RunError>((resolve) => (this.resolveDone = resolve));

  readonly events: AsyncIterable<TrainingEvent> = {
    [Symbol.asyncIterator]: () => {
      this.iterating = true;
      return {
        next: (): Promise<IteratorResult<TrainingEvent>> => {
          const value = this.queue.shift();
          if (value) return Promise.resolve({ value, done: false });
          if (this.ended) return Promise.resolve({ value: undefined, done: true });
          return new Promise((resolve) => this.waiting.push(resolve));
        },
      };
    },
  };

  onEvent(listener: (event: TrainingEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hands an event to every listener and the iterator; nothing is delivered after the run's end. */
  deliver(event: TrainingEvent): void {
    if (this.ended) return;
    for (const listener of this.listeners) listener(event);
    const next = this.waiting.shift();
    if (next) next({ value: event, done: false });
    else if (this.iterating) this.queue.push(event);
    if (event.type === 'finished' || event.type === 'error') {
      this.ended = true;
      for (const w of this.waiting.splice(0)) w({ value: undefined, done: true });
      this.resolveDone(event);
    }
  }
}
