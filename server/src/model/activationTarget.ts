/**
 * Where the activation in effect after a layer is written, so that changing it edits the right text. A
 * `dense 8` or `dense 8 linear` followed by `activation relu` is one layer: its activation is the `relu`.
 */
import type { Span } from '../syntax/span';
import { insert, replace, type TextEdit } from '../syntax/textEdit';
import type { DenseInfo, LayerInfo } from './types';

/** The written activation to replace, or (`insert`) the place after the unit count where one would go. */
export interface ActivationTarget {
  span: Span;
  /** True when there is no activation yet: insert ` NAME` at `span.start`. */
  insert: boolean;
}

/** A dense layer always has a target; a standalone activation layer has one when it names an activation; dropout never. */
export function activationTarget(layer: DenseInfo): ActivationTarget;
export function activationTarget(layer: LayerInfo): ActivationTarget | undefined;
export function activationTarget(layer: LayerInfo): ActivationTarget | undefined {
  if (layer.kind === 'dropout') return undefined;
  // The activation in effect: the layer's own, or the `activation` line merged into it.
  const written =
    layer.activation?.span ?? (layer.kind === 'dense' ? layer.node.activation?.span : layer.node.call?.span);
  if (written) return { span: written, insert: false };
  if (layer.kind === 'activation') return undefined;
  const after = layer.node.units?.span.end ?? layer.node.keyword.span.end;
  return { span: { start: after, end: after }, insert: true };
}

/** Writes `name` as the activation at a target (replacing the one written, or adding one). */
export function setActivation(target: ActivationTarget, name: string): TextEdit {
  return target.insert ? insert(target.span.start, ` ${name}`) : replace(target.span, name);
}
