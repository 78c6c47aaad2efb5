/** Editor settings under `nn.*` that the server reads. */
import type { CheckSettings } from '../checks';

export interface ServerSettings {
  checks: Partial<CheckSettings>;
  inlayHints: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = { checks: {}, inlayHints: true };

/** Reads the `nn` configuration section as sent by the client, keeping only well-formed values. */
export function readSettings(raw: unknown): ServerSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const severities: CheckSettings['severities'] = {};
  const checks = section.checks;
  if (checks && typeof checks === 'object') {
    for (const [code, value] of Object.entries(checks)) {
      if (value === 'error' || value === 'warning' || value === 'info' || value === 'hint' || value === 'off') severities[code] = value;
    }
  }
  const thresholds: Record<string, number> = {};
  for (const [key, value] of Object.entries(section)) {
    if (typeof value === 'number' && Number.isFinite(value)) thresholds[key] = value;
  }
  const inlay = section.inlayHints as { enabled?: unknown } | undefined;
  return {
    checks: { severities, ...thresholds },
    inlayHints: inlay?.enabled !== false,
  };
}
