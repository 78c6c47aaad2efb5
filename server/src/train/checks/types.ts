/** What the training checks read: the per-epoch history of a run and facts about its layers. */
import type { LayerHealth, TrainingFinding } from '../../protocol';

export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  /** NaN when the run has no validation rows. */
  valLoss: number;
  /** One entry per dense layer, in order. */
  layers: LayerHealth[];
}

export interface LayerFacts {
  name: string;
  sourceIndex: number;
  activation: string;
  role: 'hidden' | 'output';
  /** The activation can output exactly 0 over a whole half-line (ReLU family). */
  canDie: boolean;
  /** The activation has flat tails (sigmoid/tanh family). */
  saturating: boolean;
}

/** A NaN/Inf or a runaway gradient, as the trainer saw it. */
export interface Divergence {
  epoch: number;
  layer: string;
  sourceIndex: number;
  /** A non-finite loss or value (the run stopped), or a finite gradient norm above the threshold. */
  nonFinite: boolean;
  gradNorm?: number;
}

export interface CheckContext {
  /** Epochs finished so far (the last record's epoch). */
  epoch: number;
  /** Epochs the run was asked for. */
  epochs: number;
  history: readonly EpochRecord[];
  layers: readonly LayerFacts[];
  divergence?: Divergence;
}

export type TrainingCheck<T> = (context: CheckContext, thresholds: T) => TrainingFinding[];

/** Formats a fraction as a whole percentage. */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** Formats a positive number compactly (3 significant digits, exponent for extremes). */
export function compact(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const a = Math.abs(value);
  return a !== 0 && (a < 1e-3 || a >= 1e4) ? value.toExponential(1) : String(Number(value.toPrecision(3)));
}
