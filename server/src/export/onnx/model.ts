/**
 * Writes a network as an ONNX model (opset 13, float32): a `features` line as Gather/Mul/Sin/Concat on the raw
 * point, standardization as Sub/Div, each dense layer as Gemm, maxout as Gemm + Reshape + ReduceMax,
 * activations as ONNX operators or compositions of them.
 * Dropout is left out: an ONNX graph is for inference.
 */
import { onnxDocString, onnxString } from '../escape';
import { PRODUCER } from '../json';
import type { ExportPlan } from '../plan';
import { onnxActivation } from './activations';
import { onnxFeatures } from './features';
import { GraphBuilder } from './graph';
import { DataType, onnxTypes } from './schema';

export const ONNX_OPSET = 13;
/** The IR version that goes with opset 13. */
const ONNX_IR_VERSION = 7;
export const INPUT_NAME = 'input';
export const OUTPUT_NAME = 'output';

function tensorValue(name: string, width: number, doc: string) {
  return {
    name,
    doc_string: onnxString(doc),
    type: {
      tensor_type: { elem_type: DataType.FLOAT, shape: { dim: [{ dim_param: 'batch' }, { dim_value: width }] } },
    },
  };
}

/** Builds the ONNX model and returns its bytes with the notes on composed activations. */
export function onnxModel(plan: ExportPlan, sourceName?: string): { bytes: Uint8Array; notes: string[] } {
  const g = new GraphBuilder();
  g.unique(INPUT_NAME);
  g.unique(OUTPUT_NAME);
  const notes = new Set<string>();
  let x = INPUT_NAME;
  if (plan.features) x = onnxFeatures(g, x, plan.features);
  if (plan.normalization) {
    const doc = 'feature standardization fitted on the training split: (x − mean) / std';
    const mean = g.floats('normalize.mean', plan.normalization.mean, [plan.input], doc);
    const std = g.floats('normalize.std', plan.normalization.std, [plan.input], doc);
    x = g.node('Div', [g.node('Sub', [x, mean], 'normalize/Sub', {}, doc), std], 'normalize/Div', {}, doc);
  }
  for (const step of plan.steps) {
    if (step.kind === 'dropout') {
      notes.add('dropout layers are left out (they only act during training)');
      continue;
    }
    if (step.kind === 'dense') {
      const rows = step.units * step.pieces;
      const W = g.floats(`${step.name}.weight`, step.W, [rows, step.inWidth]);
      const b = g.floats(`${step.name}.bias`, step.b, [rows]);
      x = g.node('Gemm', [x, W, b], `${step.name}/Gemm`, { transB: { int: 1 } });
      if (step.activation?.def.shape === 'maxout') {
        const doc = `maxout has no ONNX operator: ${step.pieces} pieces per unit (rows p·units + u of the weight), reshaped and reduced with max`;
        const shape = g.int64s(`${step.name}.pieces_shape`, [-1, step.pieces, step.units]);
        const pieces = g.node('Reshape', [x, shape], `${step.name}/Reshape`, {}, doc);
        x = g.node('ReduceMax', [pieces], `${step.name}/ReduceMax`, { axes: { ints: [1] }, keepdims: { int: 0 } }, doc);
        notes.add('maxout is composed from Gemm, Reshape and ReduceMax');
      } else if (step.activation) {
        const result = onnxActivation(g, x, step.activation, step.name, step.slopes);
        x = result.output;
        if (result.composed) notes.add(result.composed);
      }
    } else {
      const result = onnxActivation(g, x, step.activation, step.name, step.slopes);
      x = result.output;
      if (result.composed) notes.add(result.composed);
    }
  }
  if (x === INPUT_NAME) x = g.node('Identity', [x], 'identity');
  g.renameOutput(x, OUTPUT_NAME);

  const docLines = [
    `Model '${plan.modelName}'${sourceName !== undefined ? ` of ${sourceName}` : ''}, exported by ${PRODUCER}.`,
    plan.features
      ? `Input: raw points (x1, x2); the graph computes the features ${plan.features.join(', ')} and standardizes them. Output: after the output activation.`
      : 'Input: raw features (the graph standardizes them). Output: after the output activation.',
    plan.trained
      ? 'Weights: from a training run.'
      : 'Weights: the untrained initial weights (export with trained weights to use it).',
    ...[...notes].map((n) => `Note: ${n}.`),
  ];
  const model = {
    ir_version: ONNX_IR_VERSION,
    producer_name: 'NN Studio',
    producer_version: PRODUCER.replace(/^NN Studio /, ''),
    model_version: 1,
    doc_string: onnxDocString(docLines),
    opset_import: [{ domain: '', version: ONNX_OPSET }],
    metadata_props: [
      { key: 'nn.model', value: onnxString(plan.modelName) },
      { key: 'nn.trained', value: String(plan.trained) },
      ...(plan.features ? [{ key: 'nn.features', value: plan.features.join(', ') }] : []),
      ...(sourceName !== undefined ? [{ key: 'nn.source', value: onnxString(sourceName) }] : []),
    ],
    graph: {
      // ONNX requires a graph name.
      name: onnxString(plan.modelName) || 'model',
      node: g.nodes,
      initializer: g.initializers,
      input: [
        plan.features
          ? tensorValue(INPUT_NAME, 2, 'raw points (x1, x2), one row per example')
          : tensorValue(INPUT_NAME, plan.input, 'raw features, one row per example'),
      ],
      output: [tensorValue(OUTPUT_NAME, plan.output, 'the network output (after its output activation)')],
    },
  };
  const { ModelProto } = onnxTypes();
  const message = ModelProto.fromObject(model);
  return { bytes: ModelProto.encode(message).finish(), notes: [...notes] };
}
