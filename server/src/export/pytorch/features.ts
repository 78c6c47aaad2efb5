/** The `features` transform as a Python function of the generated module, with the engine's math. */
import type { FeatureName } from '../../catalog';

/** Each feature as a PyTorch expression over the columns `x1` and `x2` (each [batch, 1]). */
const FEATURE_EXPRESSIONS: Record<FeatureName, string> = {
  x1: 'x1',
  x2: 'x2',
  x1sq: 'x1 * x1',
  x2sq: 'x2 * x2',
  x1x2: 'x1 * x2',
  sinx1: 'torch.sin(x1)',
  sinx2: 'torch.sin(x2)',
};

/** The module-level `features(x)` function: raw points (x1, x2) in, the listed features out, in order. */
export function featuresFunction(features: readonly FeatureName[]): string[] {
  return [
    'def features(x):',
    '    """The input features of the .nn file (FEATURES), computed from raw points (x1, x2), before standardization."""',
    '    x1 = x[:, 0:1]',
    '    x2 = x[:, 1:2]',
    `    return torch.cat([${features.map((name) => FEATURE_EXPRESSIONS[name]).join(', ')}], dim=1)`,
  ];
}
