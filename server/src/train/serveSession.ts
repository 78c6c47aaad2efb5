/**
 * The worker side of a training port for message endpoints with the web's shape (a Web Worker's global scope,
 * a MessagePort): one TrainingSession that obeys the messages it receives and posts its events back.
 */
import type { RunControl, TrainingEvent } from '../protocol';
import { TrainingSession } from './session';

/** Why a PyTorch run does not start here. */
export const NO_TORCH_HERE =
  'the PyTorch backend needs Python, which this host cannot start (VS Code for the Web) — train with the engine';

/** What the session needs of its endpoint: `self` in a Web Worker, or a MessagePort. */
export interface SessionEndpoint {
  postMessage(event: TrainingEvent): void;
  onmessage: ((message: { data: unknown }) => void) | null;
}

/**
 * Yields to the message queue and then calls back, like setImmediate: a message to itself through a
 * MessageChannel (setTimeout(0) is clamped to 4 ms once nested, which would idle a fifth of every slice).
 */
export function messageChannelYield(): { yieldThen: (next: () => void) => void; close: () => void } {
  const channel = new MessageChannel();
  const pending: Array<() => void> = [];
  channel.port1.onmessage = () => pending.shift()?.();
  return {
    yieldThen(next) {
      pending.push(next);
      channel.port2.postMessage(null);
    },
    close() {
      channel.port1.close();
    },
  };
}

/**
 * Serves one session on `endpoint`, yielding between slices with `scheduler` (by default a MessageChannel, for
 * a Web Worker; Node drains a port's whole queue in one go, so tests there pass setImmediate). Returns a
 * function that stops serving.
 */
export function serveTrainingSession(
  endpoint: SessionEndpoint,
  scheduler: { yieldThen: (next: () => void) => void; close?: () => void } = messageChannelYield(),
): () => void {
  let serving = true;
  const session = new TrainingSession(
    (event) => serving && endpoint.postMessage(event),
    (next) => scheduler.yieldThen(() => serving && next()),
  );
  endpoint.onmessage = (message) => {
    const control = message.data as RunControl;
    // PyTorch runs start Python processes, which only the desktop's Node worker can do.
    if (control.type === 'start' && control.torch) {
      if (serving) endpoint.postMessage({ type: 'error', runId: control.runId, message: NO_TORCH_HERE });
      return;
    }
    session.handle(control);
  };
  return () => {
    serving = false;
    endpoint.onmessage = null;
    scheduler.close?.();
  };
}
