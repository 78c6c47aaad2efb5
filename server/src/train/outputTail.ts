/**
 * language.md §4: the output layer is the last dense layer, together with any `activation` layers after it.
 * Nothing else may follow it. The checks, the spec builder and the engine share this one definition.
 */

/** The layers after the output layer that are not activation layers (empty when the model is well formed). */
export function layersAfterOutput<T extends { kind: string }>(layers: readonly T[]): T[] {
  let output = -1;
  for (let i = 0; i < layers.length; i++) if (layers[i].kind === 'dense') output = i;
  if (output < 0) return [];
  return layers.slice(output + 1).filter((layer) => layer.kind !== 'activation');
}

/** Why a layer list cannot be trained because of a layer after the output layer; undefined when none is there. */
export function layerAfterOutputReason(layers: ReadonlyArray<{ kind: string; name: string }>): string | undefined {
  const extra = layersAfterOutput(layers)[0];
  if (!extra) return undefined;
  const output = [...layers].reverse().find((layer) => layer.kind === 'dense')!;
  return `layer '${extra.name}' comes after the output layer '${output.name}', where only activation layers may follow — remove it`;
}
