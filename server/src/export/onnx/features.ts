/** The `features` transform as ONNX nodes: the graph takes raw points (x1, x2) and computes the features first. */
import type { FeatureName } from '../../catalog';
import type { GraphBuilder } from './graph';

type Columns = { x1: string; x2: string };

/** How each feature is computed from the columns x1 and x2 (each [batch, 1]). */
const FEATURE_NODES: Record<FeatureName, (g: GraphBuilder, c: Columns) => string> = {
  x1: (_g, c) => c.x1,
  x2: (_g, c) => c.x2,
  x1sq: (g, c) => g.node('Mul', [c.x1, c.x1], 'features/x1sq'),
  x2sq: (g, c) => g.node('Mul', [c.x2, c.x2], 'features/x2sq'),
  x1x2: (g, c) => g.node('Mul', [c.x1, c.x2], 'features/x1x2'),
  sinx1: (g, c) => g.node('Sin', [c.x1], 'features/sinx1'),
  sinx2: (g, c) => g.node('Sin', [c.x2], 'features/sinx2'),
};

/** Adds the nodes that turn `input` ([batch, 2]) into the features ([batch, k]) in the order listed; returns their value. */
export function onnxFeatures(g: GraphBuilder, input: string, features: readonly FeatureName[]): string {
  const doc = `input features ${features.join(', ')}, computed from the raw point (x1, x2)`;
  const column = (index: number, name: string): string =>
    g.node(
      'Gather',
      [input, g.int64s(`features.${name}_index`, [index])],
      `features/${name}`,
      { axis: { int: 1 } },
      doc,
    );
  const columns = { x1: column(0, 'x1'), x2: column(1, 'x2') };
  const values = features.map((name) => FEATURE_NODES[name](g, columns));
  return g.node('Concat', values, 'features/Concat', { axis: { int: 1 } }, doc);
}
