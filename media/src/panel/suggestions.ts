/**
 * The compare view's suggested edit. (The fixes of training findings are decided by their checks in the core
 * and arrive with each finding.)
 */
import type { PanelFix, PanelInit } from '../../../server/src/protocol';

export interface Suggestion {
  label: string;
  fix: PanelFix;
}

/** The edit that puts one activation on every hidden dense layer (the compare view's "use this"). */
export function useActivationEverywhere(init: PanelInit, activation: string): Suggestion | undefined {
  const hidden = init.layers.filter((l) => l.kind === 'dense' && l.role === 'hidden').map((l) => l.sourceIndex);
  if (hidden.length === 0) return undefined;
  return {
    label: `Use ${activation} in the hidden layers`,
    fix: { kind: 'setActivation', sourceIndices: hidden, activation },
  };
}
