/**
 * Each catalog activation as ONNX opset-13 operators. Where opset 13 has no operator for it (GELU arrived
 * in opset 20; swish, mish and the step never did) it is composed from primitives, and the composing nodes
 * say so in their doc_string.
 */
import { SELU_ALPHA, SELU_LAMBDA, type ActivationName, type ParamValues } from '../../catalog';
import { GELU_CUBIC } from '../../catalog/activations/smooth';
import { WRITTEN_AS_LAYER, type ResolvedActivation } from '../plan';
import type { GraphBuilder } from './graph';

export interface OnnxActivationResult {
  output: string;
  /** Set when the activation was composed from primitives: a sentence for the user. */
  composed?: string;
}

/** Where a writer puts its nodes: the layer's name, a node-name maker, and PReLU's learned slopes. */
interface Place {
  layer: string;
  at: (op: string) => string;
  slopes?: number[];
}

/** Appends the nodes of one activation applied to `x`, from its parameters (every one filled in). */
type OnnxWriter = (g: GraphBuilder, x: string, p: ParamValues, place: Place) => OnnxActivationResult;

/** How each catalog activation is written; a new activation without a row here does not compile. */
export const ONNX_ACTIVATIONS: Readonly<Record<ActivationName, OnnxWriter | typeof WRITTEN_AS_LAYER>> = {
  step: (g, x, p, { at }) => {
    const doc = 'step has no ONNX operator: composed as Cast(x >= threshold)';
    const test = g.node('GreaterOrEqual', [x, g.scalar(Number(p.threshold))], at('GreaterOrEqual'), {}, doc);
    return {
      output: g.node('Cast', [test], at('Cast'), { to: { int: 1 } }, doc),
      composed: 'step is composed as Cast(x >= threshold)',
    };
  },
  linear: (g, x, _p, { at }) => ({ output: g.node('Identity', [x], at('Identity')) }),
  sigmoid: (g, x, _p, { at }) => ({ output: g.node('Sigmoid', [x], at('Sigmoid')) }),
  tanh: (g, x, _p, { at }) => ({ output: g.node('Tanh', [x], at('Tanh')) }),
  hard_sigmoid: (g, x, _p, { at }) => ({
    output: g.node('HardSigmoid', [x], at('HardSigmoid'), { alpha: 1 / 6, beta: 0.5 }),
  }),
  softsign: (g, x, _p, { at }) => ({ output: g.node('Softsign', [x], at('Softsign')) }),
  relu: (g, x, _p, { at }) => ({ output: g.node('Relu', [x], at('Relu')) }),
  relu6: (g, x, _p, { at }) => ({
    output: g.node('Clip', [x, g.scalar(0), g.scalar(6)], at('Clip'), {}, 'relu6 = clip(x, 0, 6)'),
  }),
  leaky_relu: (g, x, p, { at }) => ({ output: g.node('LeakyRelu', [x], at('LeakyRelu'), { alpha: Number(p.alpha) }) }),
  prelu: (g, x, p, { layer, at, slopes }) => {
    const slope = g.floats(
      `${layer}.slope`,
      slopes ?? [Number(p.init)],
      [slopes?.length ?? 1],
      'learned negative slope per unit',
    );
    return { output: g.node('PRelu', [x, slope], at('PRelu')) };
  },
  elu: (g, x, p, { at }) => ({ output: g.node('Elu', [x], at('Elu'), { alpha: Number(p.alpha) }) }),
  selu: (g, x, _p, { at }) => ({ output: g.node('Selu', [x], at('Selu'), { alpha: SELU_ALPHA, gamma: SELU_LAMBDA }) }),
  gelu: (g, x, p, { at }) => (p.approximate === 'tanh' ? geluTanh(g, x, at) : geluExact(g, x, at)),
  swish: (g, x, p, { at }) => {
    const beta = Number(p.beta);
    const doc = `swish has no ONNX operator: composed as x·sigmoid(${beta === 1 ? 'x' : `${beta}·x`})`;
    const scaled = beta === 1 ? x : g.node('Mul', [x, g.scalar(beta)], at('Mul_beta'), {}, doc);
    const gate = g.node('Sigmoid', [scaled], at('Sigmoid'), {}, doc);
    return {
      output: g.node('Mul', [x, gate], at('Mul'), {}, doc),
      composed: `swish is composed as x·sigmoid(${beta === 1 ? '' : 'β·'}x)`,
    };
  },
  mish: (g, x, _p, { at }) => {
    const doc = 'mish has no ONNX operator in opset 13: composed as x·tanh(softplus(x))';
    const sp = g.node('Softplus', [x], at('Softplus'), {}, doc);
    const t = g.node('Tanh', [sp], at('Tanh'), {}, doc);
    return { output: g.node('Mul', [x, t], at('Mul'), {}, doc), composed: 'mish is composed as x·tanh(softplus(x))' };
  },
  softplus: (g, x, _p, { at }) => ({ output: g.node('Softplus', [x], at('Softplus')) }),
  softmax: (g, x, _p, { at }) => ({ output: g.node('Softmax', [x], at('Softmax'), { axis: { int: -1 } }) }),
  maxout: WRITTEN_AS_LAYER,
};

/**
 * Appends the nodes of `activation` applied to `x` (a [batch × width] value) and returns the result's name.
 * Maxout is the one activation written with its dense layer instead (the export plan keeps it there).
 */
export function onnxActivation(
  g: GraphBuilder,
  x: string,
  activation: ResolvedActivation,
  layer: string,
  slopes?: number[],
): OnnxActivationResult {
  const write = ONNX_ACTIVATIONS[activation.name];
  if (write === WRITTEN_AS_LAYER) throw new Error(`${activation.name} is ${WRITTEN_AS_LAYER}, not nodes of its own`);
  return write(g, x, activation.params, { layer, at: (op) => `${layer}/${op}`, slopes });
}

/** ½·x·(1 + erf(x/√2)). */
function geluExact(g: GraphBuilder, x: string, at: (op: string) => string): OnnxActivationResult {
  const doc = 'Gelu is an ONNX operator only from opset 20: composed as 0.5·x·(1 + erf(x/√2))';
  const scaled = g.node('Mul', [x, g.scalar(Math.SQRT1_2)], at('Mul_inv_sqrt2'), {}, doc);
  const erf = g.node('Erf', [scaled], at('Erf'), {}, doc);
  const onePlus = g.node('Add', [erf, g.scalar(1)], at('Add_one'), {}, doc);
  const half = g.node('Mul', [x, g.scalar(0.5)], at('Mul_half'), {}, doc);
  return {
    output: g.node('Mul', [half, onePlus], at('Mul'), {}, doc),
    composed: 'gelu is composed as 0.5·x·(1 + erf(x/√2)) (Gelu needs opset 20)',
  };
}

/** ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
function geluTanh(g: GraphBuilder, x: string, at: (op: string) => string): OnnxActivationResult {
  const doc = `Gelu is an ONNX operator only from opset 20: composed as 0.5·x·(1 + tanh(√(2/π)·(x + ${GELU_CUBIC}·x³)))`;
  const square = g.node('Mul', [x, x], at('Mul_square'), {}, doc);
  const cube = g.node('Mul', [square, x], at('Mul_cube'), {}, doc);
  const cubic = g.node('Mul', [cube, g.scalar(GELU_CUBIC)], at('Mul_cubic'), {}, doc);
  const inner = g.node('Add', [x, cubic], at('Add_inner'), {}, doc);
  const u = g.node('Mul', [inner, g.scalar(Math.sqrt(2 / Math.PI))], at('Mul_sqrt_2_over_pi'), {}, doc);
  const t = g.node('Tanh', [u], at('Tanh'), {}, doc);
  const onePlus = g.node('Add', [t, g.scalar(1)], at('Add_one'), {}, doc);
  const half = g.node('Mul', [x, g.scalar(0.5)], at('Mul_half'), {}, doc);
  return {
    output: g.node('Mul', [half, onePlus], at('Mul'), {}, doc),
    composed: 'gelu (tanh form) is composed from Tanh, Mul and Add (Gelu needs opset 20)',
  };
}
