/** Small builders for network specs used across the training tests. */
import { isActivationName } from '../../../server/src/catalog';
import type { ActivationName, ParamValues } from '../../../server/src/catalog/types';
import type { DenseSpec, LayerSpec, NetworkSpec } from '../../../server/src/model/spec';
import type { InitName } from '../../../server/src/catalog/types';

/** A canonical activation name written as plain text in a test. */
export function canonical(name: string): ActivationName {
  if (!isActivationName(name)) throw new Error(`not a canonical activation name: '${name}'`);
  return name;
}

export function dense(
  units: number,
  activation?: string,
  params: ParamValues = {},
  init: InitName = 'glorot_uniform',
): DenseSpec {
  return {
    kind: 'dense',
    name: '',
    sourceIndex: 0,
    units,
    activation: activation ? { name: canonical(activation), params } : undefined,
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
