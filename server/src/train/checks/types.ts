/**
 * The shape of a training check (the same fields as a static check: code, severity, docs, check, fixes) and
 * what it reads: the per-epoch history of a run and facts about its layers.
 */
import type { FindingFix, LayerHealth, TrainingFinding } from '../../protocol';
import type { TrainingThresholds } from '../../thresholds';

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

/** What a training check reads (a static check reads a `StaticCheckContext` instead). */
export interface TrainingCheckContext {
  /** Epochs finished so far (the last record's epoch). */
  epoch: number;
  /** Epochs the run was asked for. */
  epochs: number;
  history: readonly EpochRecord[];
  layers: readonly LayerFacts[];
  divergence?: Divergence;
  /** The learning rate the run trains with (some fixes offer a lower one). */
  learningRate?: number;
}

export type TrainingCode = TrainingFinding['code'];

/** A finding as a check builds it; the code and the declared severity are filled in from its definition. */
export type Found = Omit<TrainingFinding, 'code' | 'severity' | 'fixes'> & { severity?: TrainingFinding['severity'] };

/** A small file whose run trips the check, for the docs and `nn explain` (its train block says how to run it). */
export interface TrainingExample {
  text: string;
}

export interface TrainingCheckDef<K extends keyof TrainingThresholds = keyof TrainingThresholds> {
  code: TrainingCode;
  /** Default severity (settings may change it; a divergence is reported as an error whatever this says). */
  severity: 'error' | 'warning' | 'info';
  /** A few words for tables and SARIF rule names. */
  title: string;
  /** When it fires, in one line. */
  summary: string;
  /** The message's shape, with {placeholders}. */
  template: string;
  /** The why, in a few paragraphs of Markdown (plain enough to print in a terminal). */
  explanation: string;
  /** Fix id → what it does, for the docs; the panel offers these as buttons. */
  fixes: Readonly<Record<string, string>>;
  /** What to do about a finding, in words, for `nn explain` and the docs. */
  remedy: string;
  /** The thresholds it reads; each is the setting `nn.KEY`. */
  settings: readonly K[];
  example: TrainingExample;
  /** The findings as of the context's epoch. */
  check(context: TrainingCheckContext, thresholds: Pick<TrainingThresholds, K>): Found[];
  /** The changes to offer for one of its findings (ids from `fixes`); none when nothing fits. */
  fix?(finding: TrainingFinding, context: TrainingCheckContext): FindingFix[];
}

/** Defines a training check; the type parameter ties `settings` to what `check` may read. */
export function defineTrainingCheck<K extends keyof TrainingThresholds>(def: TrainingCheckDef<K>): TrainingCheckDef<K> {
  return def;
}

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

/** The hidden layers whose activation has flat tails, by source index. */
export function saturatingHidden(context: TrainingCheckContext): number[] {
  return context.layers.filter((l) => l.role === 'hidden' && l.saturating).map((l) => l.sourceIndex);
}

/** The latest epoch's findings on hidden layers: `message` says what is wrong with one, or undefined when nothing is. */
export function hiddenLayerFindings(
  context: TrainingCheckContext,
  message: (health: LayerHealth, facts: LayerFacts) => string | undefined,
): Found[] {
  const last = context.history[context.history.length - 1];
  if (!last) return [];
  return last.layers.flatMap((health, i) => {
    const facts = context.layers[i];
    const text = facts?.role === 'hidden' ? message(health, facts) : undefined;
    return text === undefined
      ? []
      : [{ message: text, layer: facts.name, sourceIndex: facts.sourceIndex, epoch: context.epoch }];
  });
}

/** The fix that switches a finding's layer to `activation` (none when the finding names no layer line). */
export function switchActivationFix(finding: TrainingFinding, activation: string): FindingFix[] {
  if (finding.sourceIndex === undefined) return [];
  return [
    {
      id: activation,
      title: `Switch ${finding.layer ?? 'the layer'} to ${activation}`,
      change: { kind: 'setActivation', sourceIndices: [finding.sourceIndex], activation },
    },
  ];
}
