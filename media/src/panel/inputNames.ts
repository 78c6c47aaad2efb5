/** The names of the inputs as the network sees them: the features the file sets (x1, x2, x1², …), else the data's columns. */
import type { PanelState, RunRecord } from './state';

export function inputNames(state: PanelState, run: RunRecord | undefined): string[] | undefined {
  const started = run?.started;
  if (!started) return undefined;
  const features = started.settings.features;
  if (!features?.length) return started.dataset.featureNames;
  const formulas = new Map((state.init?.featureChoices ?? []).map((c) => [c.name, c.formula]));
  return features.map((name) => formulas.get(name) ?? name);
}
