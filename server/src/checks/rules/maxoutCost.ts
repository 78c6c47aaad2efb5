/** maxout-cost: a maxout layer costs k× the parameters of a plain dense layer. */
import { diagnostic } from '../layers';
import type { CheckDef } from '../types';

const code = 'maxout-cost';

export const maxoutCost: CheckDef = {
  code,
  severity: 'hint',
  emittedBy: 'check',
  title: 'Maxout parameter cost',
  summary: 'A maxout layer: states its k× parameter count.',
  template:
    "maxout with {k} pieces gives '{layer}' {k}× the parameters of a plain dense layer: {params} instead of {plain}",
  explanation: [
    'A maxout unit computes k affine functions of its input and outputs the largest. It can learn relu, leaky relu, ' +
      'the absolute value or any convex piecewise-linear shape, and it never dies. The price is that each of the k ' +
      'pieces has its own weights and bias, so the layer has k× the parameters (and k× the compute) of a plain dense ' +
      'layer of the same width.',
    'This hint only states the cost; it needs no fix when the extra capacity is intended.',
  ].join('\n\n'),
  fixes: {},
  remedy:
    'None is needed when the extra capacity is wanted. Otherwise use a plain activation such as relu, or fewer ' +
    'pieces (`maxout(pieces: 2)`).',
  example: 'model m {\n  task binary\n  input 2\n  dense 8 maxout(pieces: 3)\n  dense 1 sigmoid\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) =>
      model.dense
        .filter(
          (layer) =>
            layer.activation?.def.shape === 'maxout' &&
            layer.activation === layer.ownActivation &&
            Number(layer.activation.params.pieces) >= 2,
        )
        .map((layer) => {
          const k = Number(layer.activation!.params.pieces);
          const counted = Number.isFinite(layer.params) && k > 0;
          return diagnostic(
            code,
            'hint',
            layer.activation!.nameSpan,
            `maxout with ${k} pieces gives '${layer.name}' ${k}× the parameters of a plain dense layer` +
              (counted ? `: ${layer.params} instead of ${layer.params / k}` : ''),
            { data: { layer: layer.name, pieces: k } },
          );
        }),
    );
  },
};
