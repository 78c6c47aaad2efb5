/** layer-after-output: a dropout (anything but an activation layer) after the output layer. */
import { layersAfterOutput } from '../../train/outputTail';
import { removeStatement } from '../edits';
import { spanOf, stringOf } from '../fixes/common';
import { diagnostic, outputLayer, quoted } from '../layers';
import type { CheckDef } from '../types';

const code = 'layer-after-output';

export const layerAfterOutput: CheckDef = {
  code,
  severity: 'error',
  emittedBy: 'check',
  title: 'Layer after the output layer',
  summary:
    'A dropout (or anything but an activation layer) comes after the output layer, so the loss no longer sees the output.',
  template:
    "'{layer}' follows the output layer '{output}', where only activation layers may go: the loss must read the output itself — remove it",
  explanation: [
    'The output layer is the last dense layer, together with any activation layers written right after it. The loss ' +
      'compares its values with the targets, so it has to be the last thing the network computes.',
    'A dropout after it zeroes a random share of the predictions during training and rescales the rest, which no loss ' +
      'expects: a sigmoid output scaled by 1/(1 − r) is no longer a probability. Dropout belongs between hidden layers, ' +
      'where it regularizes the features the output layer reads.',
    'No run starts while such a layer is there. Remove it, or move it above the output layer.',
  ].join('\n\n'),
  fixes: { remove: 'Remove the layer (preferred).' },
  example: 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  out: dense 1 sigmoid\n  dropout 0.5\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) => {
      const output = outputLayer(model);
      return layersAfterOutput(model.layers).map((layer) =>
        diagnostic(
          code,
          'error',
          layer.span,
          `${quoted(layer)} follows the output layer ${quoted(output!)}, where only activation layers may go: the loss must read the output itself — remove it`,
          {
            related: [{ span: output!.span, message: `the output layer '${output!.name}'` }],
            data: { layer: layer.name, statement: layer.span },
          },
        ),
      );
    });
  },
  fix(diagnostic, analysis) {
    const span = spanOf(diagnostic, 'statement');
    if (!span) return [];
    return [
      {
        id: 'remove',
        title: `Remove '${stringOf(diagnostic, 'layer') ?? 'the layer'}'`,
        edits: [removeStatement(analysis, span)],
        preferred: true,
      },
    ];
  },
};
