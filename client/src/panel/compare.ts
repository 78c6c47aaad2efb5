/**
 * Compare mode: the model trained once per activation on its hidden layers, one run after the other, on the
 * same data and seed. The queue holds the runs announced in the panel's plan that have not started yet.
 */
import type { PanelPlan, RunThreshold } from '../../../server/src/protocol';

export interface CompareRun {
  runId: string;
  activation: string;
}

export class CompareQueue {
  private waiting: CompareRun[] = [];

  /** Queues one run per activation and returns the plan message that announces them. */
  fill(
    activations: readonly string[],
    runId: (activation: string) => string,
    threshold: RunThreshold | undefined,
  ): PanelPlan {
    this.waiting = activations.map((activation) => ({ runId: runId(activation), activation }));
    const plan: PanelPlan = {
      type: 'plan',
      mode: 'compare',
      runs: this.waiting.map((r) => ({ runId: r.runId, label: r.activation, activation: r.activation })),
    };
    if (threshold) plan.threshold = threshold;
    return plan;
  }

  /** The next run to start, taken off the queue. */
  next(): CompareRun | undefined {
    return this.waiting.shift();
  }

  clear(): void {
    this.waiting = [];
  }
}
