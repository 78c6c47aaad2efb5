/** Per-layer health of a network on a sample of rows: dead and saturated units, gradient norm, histogram. */
import type { Histogram, LayerHealth } from '../protocol';
import type { LayerFacts } from './checks/types';
import type { DenseOp } from './engine/layers';
import type { Network } from './engine/network';
import type { Floats } from './engine/tensor';

const HISTOGRAM_BINS = 20;

export function layerFacts(network: Network): LayerFacts[] {
  const dense = network.dense;
  return dense.map((op, i) => {
    const props = op.kernel.def?.properties;
    return {
      name: op.name,
      sourceIndex: op.sourceIndex,
      activation: op.kernel.name,
      role: i === dense.length - 1 ? 'output' : 'hidden',
      canDie: !!props && (props.canDie || props.reluFamily) && !props.notTrainable,
      saturating: !!props?.saturating,
    };
  });
}

export function histogram(values: Floats, end: number, bins = HISTOGRAM_BINS): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < end; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Array<number>(bins).fill(0);
  if (end === 0 || !Number.isFinite(min) || !Number.isFinite(max)) return { min: 0, max: 0, counts };
  const width = max - min;
  for (let i = 0; i < end; i++) {
    const bin = width > 0 ? Math.min(bins - 1, Math.floor(((values[i] - min) / width) * bins)) : 0;
    counts[bin]++;
  }
  return { min, max, counts };
}

/**
 * Runs rows [0, n) of X through the network (inference mode) and measures every dense layer. `gradNorms` are
 * the layers' gradient norms over the last epoch.
 */
export function measureHealth(
  network: Network,
  facts: LayerFacts[],
  X: Floats,
  n: number,
  gradNorms: number[],
  saturation: { derivative: number; samples: number },
): LayerHealth[] {
  network.forward(X, n, false);
  return network.dense.map((op, d) => {
    const f = facts[d];
    const health: LayerHealth = {
      name: op.name,
      sourceIndex: op.sourceIndex,
      activation: op.kernel.name,
      gradNorm: gradNorms[d] ?? 0,
      histogram: histogram(op.output, n * op.units),
    };
    if (f.canDie) health.deadFraction = deadFraction(op, n);
    if (f.saturating) health.saturatedFraction = saturatedFraction(op, n, saturation);
    return health;
  });
}

function deadFraction(op: DenseOp, n: number): number {
  if (n === 0) return 0;
  let dead = 0;
  const units = op.units;
  const A = op.output;
  for (let u = 0; u < units; u++) {
    let alive = false;
    for (let r = 0; r < n && !alive; r++) if (A[r * units + u] !== 0) alive = true;
    if (!alive) dead++;
  }
  return dead / units;
}

function saturatedFraction(op: DenseOp, n: number, saturation: { derivative: number; samples: number }): number {
  if (n === 0) return 0;
  const units = op.units;
  const limit = saturation.derivative * op.kernel.maxDerivative;
  let saturated = 0;
  for (let u = 0; u < units; u++) {
    let flat = 0;
    for (let r = 0; r < n; r++) if (op.kernel.derivativeAt(op.Z[r * units + u], u) <= limit) flat++;
    if (flat >= saturation.samples * n) saturated++;
  }
  return saturated / units;
}
