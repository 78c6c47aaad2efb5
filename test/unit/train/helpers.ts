/** Small builders for network specs used across the training tests. */
import type { ParamValues } from '../../../server/src/catalog/types';
import type { DenseSpec, LayerSpec, NetworkSpec } from '../../../server/src/train/spec';
import type { InitName } from '../../../server/src/catalog/types';

export function dense(units: number, activation?: string, params: ParamValues = {}, init: InitName = 'glorot_uniform'): DenseSpec {
  return {
    kind: 'dense',
    name: '',
    sourceIndex: 0,
    units,
    activation: activation ? { name: activation, params } : undefined,
    init,
  };
}

/** Names layers dense_1… and numbers their source indices in order. */
export function network(
  input: number,
  layers: LayerSpec[],
  options: Partial<Pick<NetworkSpec, 'task' | 'loss' | 'optimizer' | 'regularize'>> = {},
): NetworkSpec {
  const counts: Record<string, number> = {};
  const named = layers.map((layer, index) => {
    counts[layer.kind] = (counts[layer.kind] ?? 0) + 1;
    return { ...layer, name: layer.name || `${layer.kind}_${counts[layer.kind]}`, sourceIndex: index };
  });
  return {
    modelName: 'test',
    input,
    layers: named,
    task: options.task ?? { kind: 'binary' },
    loss: options.loss ?? { name: 'bce', params: {} },
    optimizer: options.optimizer ?? { name: 'adam', params: { lr: 0.01 } },
    regularize: options.regularize,
  };
}
