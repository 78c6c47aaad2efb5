/** mixed-hidden: hidden layers use activations of different families. */
import type { DenseInfo } from '../../model/types';
import { listWords } from '../messageText';
import { diagnostic, hiddenLayers, isLinear } from '../layers';
import type { CheckDef } from '../types';

const code = 'mixed-hidden';

export const mixedHidden: CheckDef = {
  code,
  severity: 'hint',
  emittedBy: 'check',
  title: 'Mixed activation families',
  summary: 'The hidden layers use activations from different families (e.g. relu and tanh).',
  template: 'hidden layers mix activation families ({families}); one family throughout is easier to tune',
  explanation: [
    'Nothing forbids mixing activations, but each family has its own habits: the range of its outputs, where its ' +
      'gradient vanishes, which init suits it (He for the ReLU family, Glorot for tanh and sigmoid, LeCun for SELU). ' +
      'A network that switches families between layers has to satisfy all of them at once, which makes the learning ' +
      'rate and the init harder to choose and its behaviour harder to read.',
    "The families are the catalog's: the ReLU family (relu, relu6, leaky_relu, prelu, elu, gelu, swish, mish, maxout), " +
      'sigmoid and hard_sigmoid, tanh and softsign, softplus. Most working networks use one family in all their hidden ' +
      'layers. Linear, softmax and step layers are left out here (they have checks of their own), and so are models ' +
      'with selu (selu-setup covers them).',
  ].join('\n\n'),
  fixes: {},
  remedy:
    'Use one family in all hidden layers (the ReLU family, relu, leaky_relu, elu or gelu, is the usual choice), ' +
    'or keep the mix on purpose and silence the hint.',
  example: 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 8 tanh\n  dense 1 sigmoid\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) => {
      // Linear, softmax and step hidden layers have checks of their own.
      const layers = hiddenLayers(model).filter(
        (l) =>
          l.activation &&
          !isLinear(l) &&
          !l.activation.def.properties.outputOnly &&
          !l.activation.def.properties.notTrainable,
      );
      if (layers.some((l) => l.activation!.def.properties.selfNormalizing)) return [];
      const firstOfFamily = new Map<string, DenseInfo>();
      for (const layer of layers)
        if (!firstOfFamily.has(layer.activation!.def.family)) firstOfFamily.set(layer.activation!.def.family, layer);
      if (firstOfFamily.size < 2) return [];
      const [first, second] = [...firstOfFamily.values()];
      const described = [...firstOfFamily.values()].map((l) => `${l.activation!.def.name} in '${l.name}'`);
      return [
        diagnostic(
          code,
          'hint',
          second.activation!.nameSpan,
          `hidden layers mix activation families (${listWords(described)}); one family throughout is easier to tune`,
          {
            related: [...firstOfFamily.values()]
              .filter((l) => l !== second)
              .map((l) => ({
                span: l.activation!.nameSpan,
                message: `${l.activation!.def.family} family: '${l.name}'`,
              })),
            data: { first: first.name },
          },
        ),
      ];
    });
  },
};
