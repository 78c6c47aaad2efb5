/**
 * The user's `nn.*` settings, typed. They are read from a plain object shaped like the `nn` section VS Code
 * hands out (`{ checks: {…}, lrLimit: { sgd }, deadFraction, … }`); malformed values are dropped, so every
 * reader can fall back to its default.
 */
import type { CheckSettings, SeveritySetting } from '../checks';
import { DEFAULT_THRESHOLDS, trainingThresholdsFrom, type OptimizerName, type TrainingThresholds } from '../thresholds';
import type { ModelSizeThresholds } from '../model/size';

export interface NnSettings {
  /** `nn.checks` severities and the thresholds of the static checks. */
  checks: Partial<CheckSettings>;
  /** The thresholds of the training checks (`nn.deadFraction`, `nn.plateauWindow`, …). */
  training: Partial<TrainingThresholds>;
  /** `nn.inlayHints.enabled`: layer widths and parameter counts shown inline. */
  inlayHints: boolean;
  /** `nn.codeLens.enabled`: the ▶ Train / Compare activations / Summary lenses above each model. */
  codeLens: boolean;
  /** `nn.python`: the Python interpreter of the PyTorch backend (empty: `NN_PYTHON`, else `python3`). */
  python?: string;
}

export const DEFAULT_SETTINGS: Readonly<NnSettings> = { checks: {}, training: {}, inlayHints: true, codeLens: true };

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint', 'off']);

function positiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function objectOf(raw: unknown): Record<string, unknown> {
  return raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
}

/** The positive numbers of `raw` under the keys of `defaults` (`nn.lrLimit.*`, `nn.modelSize.*`); undefined when none. */
function positiveGroup<K extends string>(
  raw: unknown,
  defaults: Readonly<Record<K, number>>,
): Partial<Record<K, number>> | undefined {
  const group: Partial<Record<K, number>> = {};
  const given = objectOf(raw);
  for (const key of Object.keys(defaults) as K[]) {
    const value = given[key];
    if (positiveNumber(value)) group[key] = value;
  }
  return Object.keys(group).length > 0 ? group : undefined;
}

function severitiesOf(raw: unknown): Record<string, SeveritySetting> {
  const severities: Record<string, SeveritySetting> = {};
  for (const [code, value] of Object.entries(objectOf(raw))) {
    if (typeof value === 'string' && SEVERITIES.has(value)) severities[code] = value as SeveritySetting;
  }
  return severities;
}

/** Reads the `nn` section (as VS Code's configuration gives it), keeping only well-formed values. */
export function readSettings(raw: unknown): NnSettings {
  const section = objectOf(raw);
  const checks: Partial<CheckSettings> = { severities: severitiesOf(section.checks) };
  const depth = section.saturatingDepth;
  if (typeof depth === 'number' && Number.isFinite(depth)) checks.saturatingDepth = depth;
  const lrLimit = positiveGroup<OptimizerName>(section.lrLimit, DEFAULT_THRESHOLDS.lrLimit);
  if (lrLimit) checks.lrLimit = lrLimit;
  const lrHigh = positiveGroup<OptimizerName>(section.lrHigh, DEFAULT_THRESHOLDS.lrHigh);
  if (lrHigh) checks.lrHigh = lrHigh;
  const modelSize = positiveGroup<keyof ModelSizeThresholds>(section.modelSize, DEFAULT_THRESHOLDS.modelSize);
  if (modelSize) checks.modelSize = modelSize;
  return {
    checks,
    training: trainingThresholdsFrom(section),
    inlayHints: objectOf(section.inlayHints).enabled !== false,
    codeLens: objectOf(section.codeLens).enabled !== false,
    ...(typeof section.python === 'string' && section.python.trim() !== '' ? { python: section.python } : {}),
  };
}
