/** Editor settings under `nn.*` that the server reads. */
import type { CheckSettings, SeveritySetting } from '../checks';

export interface ServerSettings {
  /** `nn.checks` severities, the check thresholds, and any other numeric `nn.*` value (training thresholds). */
  checks: Partial<CheckSettings> & Record<string, unknown>;
  inlayHints: boolean;
  /** `nn.codeLens.enabled`: the ▶ Train / Compare activations / Summary lenses above each model. */
  codeLens: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = { checks: {}, inlayHints: true, codeLens: true };

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint', 'off']);
const OPTIMIZERS = ['sgd', 'adam', 'rmsprop'] as const;

function positiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** Reads the `nn` configuration section as sent by the client, keeping only well-formed values. */
export function readSettings(raw: unknown): ServerSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const severities: Record<string, SeveritySetting> = {};
  const checks = section.checks;
  if (checks && typeof checks === 'object') {
    for (const [code, value] of Object.entries(checks)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) severities[code] = value as SeveritySetting;
    }
  }
  // Every numeric top-level value is passed on as a threshold (saturatingDepth here, the trainer's own too).
  const thresholds: Record<string, number> = {};
  for (const [key, value] of Object.entries(section)) {
    if (typeof value === 'number' && Number.isFinite(value)) thresholds[key] = value;
  }
  const lrLimit: Partial<Record<(typeof OPTIMIZERS)[number], number>> = {};
  const rawLimits = section.lrLimit as Record<string, unknown> | undefined;
  for (const name of OPTIMIZERS) {
    const value = rawLimits && typeof rawLimits === 'object' ? rawLimits[name] : undefined;
    if (positiveNumber(value)) lrLimit[name] = value;
  }
  const inlay = section.inlayHints as { enabled?: unknown } | undefined;
  return {
    checks: { ...thresholds, severities, ...(Object.keys(lrLimit).length ? { lrLimit } : {}) },
    inlayHints: inlay?.enabled !== false,
    codeLens: (section.codeLens as { enabled?: unknown } | undefined)?.enabled !== false,
  };
}
