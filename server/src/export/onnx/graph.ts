/** Collects the nodes and initializers of an ONNX graph as plain objects shaped like the schema's messages. */
import { onnxString } from '../escape';
import { AttributeType, DataType } from './schema';

export interface AttributeObject {
  name: string;
  type: number;
  f?: number;
  i?: number;
  s?: Uint8Array;
  floats?: number[];
  ints?: number[];
}

export interface NodeObject {
  input: string[];
  output: string[];
  name: string;
  op_type: string;
  attribute: AttributeObject[];
  doc_string?: string;
}

export interface TensorObject {
  name: string;
  dims: number[];
  data_type: number;
  float_data?: number[];
  int64_data?: number[];
  doc_string?: string;
}

export type AttributeValue = number | { int: number } | { ints: number[] } | { floats: number[] } | string;

function attribute(name: string, value: AttributeValue): AttributeObject {
  if (typeof value === 'number') return { name, type: AttributeType.FLOAT, f: value };
  if (typeof value === 'string') return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  if ('int' in value) return { name, type: AttributeType.INT, i: value.int };
  if ('ints' in value) return { name, type: AttributeType.INTS, ints: value.ints };
  return { name, type: AttributeType.FLOATS, floats: value.floats };
}

export class GraphBuilder {
  readonly nodes: NodeObject[] = [];
  readonly initializers: TensorObject[] = [];
  private readonly names = new Set<string>();
  private readonly scalars = new Map<number, string>();

  /** A value or node name not used yet: `base` made a safe ONNX string, else `base_2`, `base_3`, …. */
  unique(wanted: string): string {
    const base = onnxString(wanted);
    let name = base;
    for (let i = 2; this.names.has(name); i++) name = `${base}_${i}`;
    this.names.add(name);
    return name;
  }

  /** Adds a float initializer and returns its name. */
  floats(name: string, values: readonly number[], dims: number[], doc?: string): string {
    const tensor: TensorObject = { name: this.unique(name), dims, data_type: DataType.FLOAT, float_data: [...values] };
    if (doc) tensor.doc_string = onnxString(doc);
    this.initializers.push(tensor);
    return tensor.name;
  }

  /** Adds an int64 initializer (shapes for Reshape) and returns its name. */
  int64s(name: string, values: number[]): string {
    const tensor: TensorObject = {
      name: this.unique(name),
      dims: [values.length],
      data_type: DataType.INT64,
      int64_data: values,
    };
    this.initializers.push(tensor);
    return tensor.name;
  }

  /** A shared float scalar constant (rank 0). */
  scalar(value: number): string {
    const known = this.scalars.get(value);
    if (known) return known;
    const name = this.floats(`const_${String(value).replace(/[^0-9a-zA-Z]/g, '_')}`, [value], []);
    this.scalars.set(value, name);
    return name;
  }

  /** Adds a node with one output named after `name`; returns the output's name. */
  node(
    opType: string,
    inputs: string[],
    name: string,
    attributes: Record<string, AttributeValue> = {},
    doc?: string,
  ): string {
    const nodeName = this.unique(name);
    const output = nodeName;
    const node: NodeObject = {
      input: inputs,
      output: [output],
      name: nodeName,
      op_type: opType,
      attribute: Object.entries(attributes).map(([key, value]) => attribute(key, value)),
    };
    if (doc) node.doc_string = onnxString(doc);
    this.nodes.push(node);
    return output;
  }

  /** Renames the value `from` (the output of the last node) to `to`, e.g. the graph's `output`. */
  renameOutput(from: string, to: string): void {
    for (const node of this.nodes) {
      node.output = node.output.map((o) => (o === from ? to : o));
      node.input = node.input.map((i) => (i === from ? to : i));
    }
  }
}
