/**
 * Runs the static checks of rules.md over an analysis, then applies the severity settings (`nn.checks`, for any
 * code) and the suppression comments. Thresholds come from settings with the defaults of rules.md.
 */
import type { Analysis } from '../model/types';
import type { Diagnostic, Severity } from '../diagnostic';
import type { ModelSizeThresholds } from '../model/size';
import { DEFAULT_THRESHOLDS, type OptimizerName, type StaticThresholds } from '../thresholds';
import { TRAINING_CHECKS } from '../train/checks';
import { ALL_CODES, CHECKS } from './registry';
import { applySuppressions } from './suppression';
import type { StaticCheckContext } from './types';

export type SeveritySetting = Severity | 'off';

export interface CheckSettings {
  /** Severity per code, or `off`. */
  severities: Record<string, SeveritySetting>;
  /** `nn.saturatingDepth`. */
  saturatingDepth?: number;
  /** `nn.lrLimit.sgd`, `nn.lrLimit.adam`, `nn.lrLimit.rmsprop`. */
  lrLimit?: Partial<Record<OptimizerName, number>>;
  /** `nn.lrHigh.sgd`, `nn.lrHigh.adam`, `nn.lrHigh.rmsprop`. */
  lrHigh?: Partial<Record<OptimizerName, number>>;
  /** `nn.modelSize.warnParameters`, `nn.modelSize.warnMegabytes`. */
  modelSize?: Partial<ModelSizeThresholds>;
}

/** Learning rates per optimizer from settings over their defaults; a missing or unusable value keeps its default. */
function perOptimizer(
  defaults: Record<OptimizerName, number>,
  given: Partial<Record<OptimizerName, number>> | undefined,
): Record<OptimizerName, number> {
  const out = { ...defaults };
  for (const name of Object.keys(out) as OptimizerName[]) {
    const value = given?.[name];
    if (typeof value === 'number' && value > 0 && Number.isFinite(value)) out[name] = value;
  }
  return out;
}

/** Thresholds from settings; a missing or unusable value keeps its default. */
export function resolveThresholds(settings: Partial<CheckSettings> = {}): StaticThresholds {
  const depth = settings.saturatingDepth;
  const lrLimit = perOptimizer(DEFAULT_THRESHOLDS.lrLimit, settings.lrLimit);
  const lrHigh = perOptimizer(DEFAULT_THRESHOLDS.lrHigh, settings.lrHigh);
  return {
    saturatingDepth:
      typeof depth === 'number' && Number.isFinite(depth) && depth >= 1
        ? Math.round(depth)
        : DEFAULT_THRESHOLDS.saturatingDepth,
    lrLimit,
    lrHigh,
    modelSize: resolveModelSize(settings.modelSize),
  };
}

/** model-size thresholds from settings; a missing or unusable value keeps its default. */
function resolveModelSize(given: Partial<ModelSizeThresholds> = {}): ModelSizeThresholds {
  const out = { ...DEFAULT_THRESHOLDS.modelSize };
  for (const key of Object.keys(out) as (keyof ModelSizeThresholds)[]) {
    const value = given[key];
    if (typeof value === 'number' && value > 0 && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

/** Applies `nn.checks` severities: drops codes set to `off`, changes the severity of the others. */
function applySeverities(
  diagnostics: Diagnostic[],
  severities: Readonly<Record<string, SeveritySetting>> = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = Object.prototype.hasOwnProperty.call(severities, d.code) ? severities[d.code] : undefined;
    if (setting === 'off') continue;
    out.push(setting ? { ...d, severity: setting } : d);
  }
  return out;
}

/** Runs every check, each guarded so that a bug in one never hides the others or breaks the analysis. */
function findings(context: StaticCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const check of CHECKS) {
    if (check.emittedBy !== 'check') continue;
    try {
      out.push(...check.check(context));
    } catch (error) {
      out.push({
        code: 'check-failed',
        severity: 'info',
        span: { start: 0, end: 0 },
        source: 'nn',
        message: `the check ${check.code} failed on this file (${error instanceof Error ? error.message : String(error)}) — please report it`,
      });
    }
  }
  return out;
}

export function runChecks(analysis: Analysis, settings: Partial<CheckSettings>): Diagnostic[] {
  const severities = settings.severities ?? {};
  const context: StaticCheckContext = { analysis, thresholds: resolveThresholds(settings) };
  const all = applySeverities([...analysis.diagnostics, ...findings(context)], severities);
  // Codes turned off, and the trainer's codes (reported later, by a run), are never called unused here.
  const off = new Set([
    ...Object.entries(severities)
      .filter(([, s]) => s === 'off')
      .map(([code]) => code),
    ...TRAINING_CHECKS.map((c) => c.code),
  ]);
  const { kept, hints } = applySuppressions(analysis, all, ALL_CODES, off);
  return [...kept, ...applySeverities(hints, severities)];
}

/**
 * Settings and suppression comments for diagnostics found elsewhere (the trainer's `nn-train` findings), so they
 * obey the same `nn.checks` severities and `# nn-ignore` comments as the static ones.
 */
export function filterExternal(
  analysis: Analysis,
  diagnostics: Diagnostic[],
  settings: Partial<CheckSettings> = {},
): Diagnostic[] {
  const severe = applySeverities(diagnostics, settings.severities ?? {});
  return applySuppressions(analysis, severe, ALL_CODES, new Set()).kept;
}

export { CHECKS, ALL_CODES, findCheck } from './registry';
export type { CheckDef, Fix } from './types';
export { fixesFor, fixAll } from './quickFixes';
export { dataTaskProblems } from './rules/dataTask';
export { builtinDatasetFacts, csvDatasetFacts, type DatasetFacts } from './datasetFacts';
