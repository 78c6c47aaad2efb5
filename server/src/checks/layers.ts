/** Small readers over the semantic model that several checks share. */
import type { Diagnostic, RelatedInfo } from '../diagnostic';
import type { ActivationUse, DenseInfo, ModelInfo, TaskInfo } from '../model/types';
import type { Span } from '../syntax/span';

export function hiddenLayers(model: ModelInfo): DenseInfo[] {
  return model.dense.filter((d) => d.role === 'hidden');
}

export function outputLayer(model: ModelInfo): DenseInfo | undefined {
  return model.dense.find((d) => d.role === 'output');
}

/** Canonical name of the activation in effect after the layer (`linear` when none is written). */
export function activationName(layer: DenseInfo): string {
  return layer.activation?.def.name ?? 'linear';
}

/** The layer names an activation the catalog does not know (already an error): checks leave it alone. */
export function unresolved(layer: DenseInfo): boolean {
  return !!layer.node.activation && !layer.ownActivation;
}

export function isLinear(layer: DenseInfo): boolean {
  return !unresolved(layer) && activationName(layer) === 'linear';
}

/** Where the problem with a layer's activation is shown: the activation's name, or the layer for a linear one. */
export function activationSpan(layer: DenseInfo): Span {
  return layer.activation?.nameSpan ?? layer.span;
}

/** `'dense_2'`: how messages name a layer. */
export function quoted(layer: { name: string }): string {
  return `'${layer.name}'`;
}

/** `binary`, `multiclass(3)`, `multilabel(4)`. */
export function taskText(task: Pick<TaskInfo, 'kind' | 'count'>): string {
  return task.kind === 'multiclass' || task.kind === 'multilabel' ? `${task.kind}(${task.count ?? '?'})` : task.kind;
}

export function taskRelated(task: TaskInfo): RelatedInfo {
  return { span: task.span, message: `the task: ${taskText(task)}` };
}

/** Span of a layer's unit count, or the layer when the count is missing. */
export function unitsSpan(layer: DenseInfo): Span {
  return layer.node.units?.span ?? layer.span;
}

/** The activation in effect on every activation use of a model (dense layers and lone activation layers). */
export function activationUses(model: ModelInfo): Array<{ use: ActivationUse; layer: DenseInfo | undefined }> {
  const uses: Array<{ use: ActivationUse; layer: DenseInfo | undefined }> = [];
  for (const layer of model.layers) {
    if (layer.kind === 'dense' && layer.activation) uses.push({ use: layer.activation, layer });
    if (layer.kind === 'activation' && layer.activation && layer.mergedInto === undefined)
      uses.push({ use: layer.activation, layer: undefined });
  }
  return uses;
}

const slopes = new Map<string, number>();

/** |f′(x)| of an activation as used (the catalog's own derivative), cached for parameterless activations. */
export function slopeAt(use: ActivationUse, x: number): number {
  if (use.def.params.length > 0) return Math.abs(use.def.bind(use.params).df(x));
  const key = `${use.def.name}@${x}`;
  let slope = slopes.get(key);
  if (slope === undefined) {
    slope = Math.abs(use.def.bind(use.params).df(x));
    slopes.set(key, slope);
  }
  return slope;
}

/** Builds a diagnostic with the check's code; `severity` is the check's default. */
export function diagnostic(
  code: string,
  severity: Diagnostic['severity'],
  span: Span,
  message: string,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  return { code, severity, span, message, source: 'nn', ...extra };
}
