/** The dense layers' weights as the panel's network view draws them: every weight for small models, sizes otherwise. */
import { MAX_VIEW_WEIGHTS, type LayerConnections } from '../protocol';
import type { Network } from './engine/network';

export function layerConnections(network: Network): LayerConnections[] {
  const total = network.dense.reduce((sum, op) => sum + op.units * op.inWidth, 0);
  return network.dense.map((op) => {
    // W is piece-major (maxout); the first units × inWidth values are the first piece.
    const count = op.units * op.inWidth;
    let maxAbs = 0;
    let sumAbs = 0;
    for (let i = 0; i < count; i++) {
      const a = Math.abs(op.W[i]);
      if (a > maxAbs) maxAbs = a;
      sumAbs += a;
    }
    const layer: LayerConnections = {
      layer: op.name,
      sourceIndex: op.sourceIndex,
      inWidth: op.inWidth,
      units: op.units,
      maxAbs,
      meanAbs: sumAbs / count,
    };
    if (total <= MAX_VIEW_WEIGHTS) layer.weights = Array.from(op.W.subarray(0, count));
    return layer;
  });
}
