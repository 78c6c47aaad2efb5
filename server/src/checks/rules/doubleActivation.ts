/** double-activation: an activation layer on top of a layer whose output is already non-linear. */
import type { ActivationUse, LayerInfo, ModelInfo } from '../../model/types';
import { removeStatement } from '../edits';
import { spanOf, stringOf } from '../fixes/common';
import { formatNumber } from '../messageText';
import { diagnostic, quoted } from '../layers';
import type { CheckDef } from '../types';

const code = 'double-activation';

/** Inputs the activations are sampled at: a fine grid, plus far points that reveal an unbounded side. */
const GRID = Array.from({ length: 801 }, (_, i) => -20 + i * 0.05);
const FAR = 1e6;

/** The activation in effect before layer `index`, and the layer that applies it (dropouts and linear ones skipped). */
function previousActivation(model: ModelInfo, index: number): { use: ActivationUse; layer: LayerInfo } | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const layer = model.layers[i];
    if (layer.kind === 'dropout') continue;
    const use = layer.kind === 'dense' ? layer.ownActivation : layer.activation;
    if (!use) return undefined;
    if (use.def.name !== 'linear') return { use, layer };
    if (layer.kind === 'dense') return undefined;
  }
  return undefined;
}

type Effect =
  { kind: 'redundant' } | { kind: 'absorbs' } | { kind: 'squashes'; low: number; high: number } | { kind: 'bends' };

/** The values the first activation outputs: softmax lies in (0, 1), maxout is piecewise linear in its input. */
function outputsOf(first: ActivationUse, inputs: readonly number[]): number[] {
  if (first.def.shape === 'softmax') return inputs.map((x) => 1 / (1 + Math.exp(-x)));
  if (first.def.shape === 'maxout') return [...inputs];
  const f = first.def.bind(first.params).f;
  return inputs.map(f);
}

/**
 * What the second activation does to the first one's outputs, decided by sampling: it leaves them unchanged
 * (g∘f = f, as relu∘relu), it makes the first one pointless (g∘f = g, as relu6∘relu), it narrows their range
 * (sigmoid∘sigmoid lies in (0.5, 0.73)), or it bends them again.
 */
export function stackingEffect(first: ActivationUse, second: ActivationUse): Effect {
  if (second.def.shape !== 'elementwise') return { kind: 'bends' };
  const g = second.def.bind(second.params).f;
  const values = outputsOf(first, GRID);
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * (1 + Math.abs(b));
  if (values.every((v) => same(g(v), v))) return { kind: 'redundant' };
  if (first.def.shape === 'elementwise' && values.every((v, i) => same(g(v), g(GRID[i])))) return { kind: 'absorbs' };
  const [lowFar, highFar] = outputsOf(first, [-FAR, FAR]);
  const range = (ys: number[], far: number[]) => {
    const unbounded = (y: number) => Math.abs(y) > FAR / 1e3;
    const low = far.some((y) => unbounded(y) && y < 0) ? -Infinity : Math.min(...ys, ...far);
    const high = far.some((y) => unbounded(y) && y > 0) ? Infinity : Math.max(...ys, ...far);
    return { low, high };
  };
  const before = range(values, [lowFar, highFar]);
  const after = range(values.map(g), [g(lowFar), g(highFar)]);
  const inside = after.low >= before.low && after.high <= before.high;
  const narrower =
    Number.isFinite(after.high - after.low) && !(after.high - after.low >= (before.high - before.low) * (1 - 1e-6));
  return inside && narrower ? { kind: 'squashes', low: after.low, high: after.high } : { kind: 'bends' };
}

function rangeText(low: number, high: number): string {
  if (Number.isFinite(low) && Number.isFinite(high)) return `between ${formatNumber(low)} and ${formatNumber(high)}`;
  if (Number.isFinite(low)) return `of at least ${formatNumber(low)}`;
  return `of at most ${formatNumber(high)}`;
}

function effectText(effect: Effect, first: string, second: string): string {
  if (effect.kind === 'redundant')
    return `it leaves those values unchanged (${second} after ${first} is just ${first})`;
  if (effect.kind === 'absorbs') return `${second} after ${first} is just ${second}, so one of the two does nothing`;
  if (effect.kind === 'squashes')
    return `the pair only outputs values ${rangeText(effect.low, effect.high)}, a squashed range`;
  return 'it bends an already non-linear output a second time';
}

export const doubleActivation: CheckDef = {
  code,
  severity: 'warning',
  emittedBy: 'check',
  title: 'Activation on top of an activation',
  summary:
    'An activation layer follows a layer whose activation is already non-linear: it is redundant or squashes the range.',
  template:
    "'{layer}' applies {second} to the output of {first} in '{previous}': {effect} — remove the activation layer",
  explanation: [
    'An `activation` layer applies its function to the values of the layer before it. Written after a linear dense ' +
      "layer it is that layer's activation: `dense 8` then `activation relu` is `dense 8 relu`. Written after a layer " +
      'that already has a non-linear activation, it is applied a second time.',
    'Some pairs do nothing new: relu of relu is relu, so the second layer only costs time. Others squash the range: ' +
      'sigmoid of sigmoid only takes values between σ(0) = 0.5 and σ(1) ≈ 0.73, so an output layer written that way ' +
      'can never predict a probability below one half, and each extra saturating function flattens the gradient further.',
    'Keep one activation per layer: remove the activation layer, or drop the activation from the dense layer before it ' +
      'if the activation layer is the one you meant.',
  ].join('\n\n'),
  fixes: { remove: 'Remove the activation layer (preferred).' },
  example: 'model m {\n  task binary\n  input 2\n  dense 50 relu\n  activation relu\n  dense 1 sigmoid\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) =>
      model.layers.flatMap((layer) => {
        if (layer.kind !== 'activation' || !layer.activation || layer.mergedInto !== undefined) return [];
        if (layer.activation.def.shape === 'maxout') return []; // Refused as an activation layer already.
        const previous = previousActivation(model, layer.index);
        if (!previous) return [];
        const first = previous.use.def.name;
        const second = layer.activation.def.name;
        const effect = effectText(stackingEffect(previous.use, layer.activation), first, second);
        return [
          diagnostic(
            code,
            'warning',
            layer.activation.nameSpan,
            `${quoted(layer)} applies ${second} to the output of ${first} in ${quoted(previous.layer)}: ${effect} — remove the activation layer`,
            {
              related: [{ span: previous.use.nameSpan, message: `${first} in '${previous.layer.name}'` }],
              data: { layer: layer.name, statement: layer.span },
            },
          ),
        ];
      }),
    );
  },
  fix(diagnostic, analysis) {
    const span = spanOf(diagnostic, 'statement');
    if (!span) return [];
    return [
      {
        id: 'remove',
        title: `Remove the activation layer '${stringOf(diagnostic, 'layer') ?? ''}'`,
        edits: [removeStatement(analysis, span)],
        preferred: true,
      },
    ];
  },
};
