/** Shared test data for the catalog tests: parameter sets and sample points. */
import type { ActivationDef, ParamValues } from '../../../server/src/catalog';

/**
 * Non-default parameter sets to test besides the defaults. Every activation with parameters must appear here
 * (a test checks that), so a new parameter cannot slip in untested.
 */
export const EXTRA_PARAM_SETS: Record<string, ParamValues[]> = {
  step: [{ threshold: 0.5 }, { threshold: -2 }],
  leaky_relu: [{ alpha: 0.2 }, { alpha: 1 }, { alpha: 3 }],
  prelu: [{ init: -0.5 }, { init: 0.01 }],
  elu: [{ alpha: 0.5 }, { alpha: 2 }],
  gelu: [{ approximate: 'tanh' }],
  swish: [{ beta: 0.5 }, { beta: 2 }],
  maxout: [{ pieces: 3 }],
};

/** The defaults, then every extra parameter set. */
export function paramSets(def: ActivationDef): ParamValues[] {
  return [{}, ...(EXTRA_PARAM_SETS[def.name] ?? [])];
}

export function describeParams(params: ParamValues): string {
  const entries = Object.entries(params);
  return entries.length === 0 ? 'defaults' : entries.map(([k, v]) => `${k}: ${v}`).join(', ');
}

/** 241 evenly spaced points on [−6, 6] (step 0.05, so 0 and the integers are included) plus 60 scattered ones. */
export function samplePoints(): number[] {
  const points: number[] = [];
  for (let i = 0; i <= 240; i++) points.push(-6 + i * 0.05);
  // A fixed linear congruential sequence, so failures reproduce.
  let state = 12345;
  for (let i = 0; i < 60; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    points.push(-6 + (12 * state) / 2147483648);
  }
  return points;
}
