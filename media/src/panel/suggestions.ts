/**
 * Suggested edits for training findings. The choice depends on the finding's code only, never its message.
 */
import type { LayerHealth, PanelFix, PanelInit, TrainingFinding } from '../../../server/src/protocol';

export interface Suggestion {
  label: string;
  fix: PanelFix;
}

/** Hidden dense layers whose health shows a saturating activation (they report a saturated fraction). */
function saturatingHiddenLayers(init: PanelInit, health: readonly LayerHealth[]): number[] {
  const hidden = new Set(init.layers.filter((l) => l.kind === 'dense' && l.role === 'hidden').map((l) => l.sourceIndex));
  return health.filter((h) => h.saturatedFraction !== undefined && hidden.has(h.sourceIndex)).map((h) => h.sourceIndex);
}

function isHidden(init: PanelInit, sourceIndex: number | undefined): boolean {
  return init.layers.some((l) => l.sourceIndex === sourceIndex && l.role === 'hidden');
}

/** A shorter learning rate, rounded to one significant digit. */
export function lowerLearningRate(lr: number): number {
  return Number((lr / 10).toPrecision(1));
}

/** What the panel offers to change for one finding, if anything. */
export function suggestFix(
  finding: TrainingFinding,
  init: PanelInit | undefined,
  health: readonly LayerHealth[],
  lr: number | undefined,
): Suggestion | undefined {
  if (!init) return undefined;
  const layer = finding.layer ?? 'this layer';
  switch (finding.code) {
    case 'dead-units':
      if (finding.sourceIndex === undefined || !isHidden(init, finding.sourceIndex)) return undefined;
      return {
        label: `Switch ${layer} to leaky_relu`,
        fix: { kind: 'setActivation', sourceIndices: [finding.sourceIndex], activation: 'leaky_relu' },
      };
    case 'saturated-units':
      if (finding.sourceIndex === undefined || !isHidden(init, finding.sourceIndex)) return undefined;
      return {
        label: `Switch ${layer} to relu`,
        fix: { kind: 'setActivation', sourceIndices: [finding.sourceIndex], activation: 'relu' },
      };
    case 'vanishing-gradient': {
      const layers = saturatingHiddenLayers(init, health);
      if (layers.length === 0) return undefined;
      return {
        label: layers.length === 1 ? 'Switch the saturating hidden layer to relu' : `Switch the ${layers.length} saturating hidden layers to relu`,
        fix: { kind: 'setActivation', sourceIndices: layers, activation: 'relu' },
      };
    }
    case 'exploding-gradient': {
      if (lr === undefined || !(lr > 0)) return undefined;
      const lower = lowerLearningRate(lr);
      return { label: `Lower the learning rate to ${lower}`, fix: { kind: 'setLearningRate', lr: lower } };
    }
    default:
      return undefined;
  }
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
