/** Weight initialization from the catalog's init definitions; biases start at zero. */
import { findInit } from '../../catalog';
import type { Rng } from './rng';
import type { Floats } from './tensor';

/** Fills W (fan-in inWidth, fan-out units) from the named init. Throws for unknown or refused inits. */
export function initializeWeights(W: Floats, initName: string, fanIn: number, fanOut: number, rng: Rng): void {
  const def = findInit(initName);
  if (!def) throw new Error(`unknown init '${initName}'`);
  if (def.distribution === 'zeros' || def.refused) throw new Error(`init '${initName}' cannot be used for weights`);
  const scale = def.scale(fanIn, fanOut);
  if (def.distribution === 'normal') {
    for (let i = 0; i < W.length; i++) W[i] = scale * rng.normal();
  } else {
    for (let i = 0; i < W.length; i++) W[i] = scale * (2 * rng.next() - 1);
  }
}
