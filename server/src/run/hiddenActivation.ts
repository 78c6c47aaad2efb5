/** The network of a compare run: the model's own network with one activation on every hidden dense layer. */
import { findActivation } from '../catalog';
import type { ModelInfo } from '../model/types';
import type { NetworkSpec } from '../model/spec';

/**
 * The same network with `activation` (default parameters) on every hidden dense layer. Layers whose init
 * was left to `auto` take the init that matches the new activation, so each variant starts fairly.
 * Throws for an activation the catalog does not know.
 */
export function withHiddenActivation(spec: NetworkSpec, model: ModelInfo, activation: string): NetworkSpec {
  const def = findActivation(activation);
  if (!def) throw new Error(`unknown activation '${activation}'`);
  const hidden = new Map(model.dense.filter((d) => d.role === 'hidden').map((d) => [d.index, d]));
  return {
    ...spec,
    layers: spec.layers.map((layer) => {
      const info = layer.kind === 'dense' ? hidden.get(layer.sourceIndex) : undefined;
      if (layer.kind !== 'dense' || !info) return layer;
      return {
        ...layer,
        activation: { name: def.name, params: {} },
        init: info.init.explicit ? layer.init : def.matchingInit,
      };
    }),
  };
}
