/** softmax-one-unit: softmax over a single unit always outputs 1. */
import type { DenseInfo, ModelInfo } from '../../model/types';
import { defined, replaceActivationFix, replaceFix, validTaskCount, validUnits } from '../fixes/common';
import { activationTarget } from '../../model/activationTarget';
import { diagnostic, quoted, unitsSpan } from '../layers';
import type { CheckDef, Fix } from '../types';

const code = 'softmax-one-unit';

/** What the layer should become: more units (a multiclass output) or another activation. */
type Remedy = { units: number | undefined } | { activation: 'sigmoid' | 'relu' | 'linear' };

/** The remedy follows the layer's role and the model's task. */
function remedyFor(model: ModelInfo, layer: DenseInfo): Remedy {
  if (layer.role !== 'output') return { activation: 'relu' };
  switch (model.task?.kind) {
    case 'multiclass':
      return { units: validTaskCount('multiclass', model.task.count) };
    case 'regression':
      return { activation: 'linear' };
    default:
      // Binary, multilabel and no task: one unit is one probability, which is what sigmoid gives.
      return { activation: 'sigmoid' };
  }
}

function advice(remedy: Remedy): string {
  if ('activation' in remedy) return `use ${remedy.activation}`;
  return remedy.units === undefined ? 'give it one unit per class' : `give it ${remedy.units} units, one per class`;
}

export const softmaxOneUnit: CheckDef = {
  code,
  severity: 'error',
  emittedBy: 'check',
  title: 'Softmax over one unit',
  summary: 'A 1-unit layer uses softmax, which always outputs 1.0.',
  template: "softmax over the single unit of '{layer}' always outputs 1.0, so it cannot learn — {fix}",
  explanation: [
    'Softmax divides e^z of each unit by the sum over all units of the layer. With one unit that is e^z / e^z = 1, ' +
      'whatever z is: the output is constant, its gradient is 0, and the model predicts the same thing for every input.',
    'What to do depends on what the layer is for. A multiclass(K) output wants softmax over K units, one per class: ' +
      'keep softmax and set the unit count. A single probability (a binary output, or a model without a task) is what ' +
      'sigmoid gives: σ(z) = 1/(1 + e^(−z)), the same model as softmax over two units with half the output weights. ' +
      'A regression output wants linear, and a hidden layer relu.',
  ].join('\n\n'),
  fixes: {
    units: 'On a multiclass(K) output: set the unit count to K (preferred); on a binary output: use 2 softmax units.',
    sigmoid: 'On a binary, multilabel or task-less output: use sigmoid (preferred).',
    linear: 'On a regression output: use linear (preferred).',
    relu: 'On a hidden layer: use relu (preferred).',
  },
  example: 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 softmax\n}\n',
  check({ analysis }) {
    return analysis.semantic.models.flatMap((model) =>
      model.dense
        .filter((layer) => layer.activation?.def.name === 'softmax' && layer.units === 1)
        .map((layer) => {
          const remedy = remedyFor(model, layer);
          return diagnostic(
            code,
            'error',
            layer.activation!.nameSpan,
            `softmax over the single unit of ${quoted(layer)} always outputs 1.0, so it cannot learn — ${advice(remedy)}`,
            {
              data: {
                layer: layer.name,
                role: layer.role,
                task: model.task?.kind,
                ...remedy,
                target: activationTarget(layer),
                unitsSpan: layer.node.units ? unitsSpan(layer) : undefined,
              },
            },
          );
        }),
    );
  },
  fix(diagnostic) {
    const data = diagnostic.data ?? {};
    const fixes: Array<Fix | undefined> = [];
    if (validUnits(data.units)) {
      fixes.push(replaceFix(diagnostic, 'unitsSpan', String(data.units), 'units', `Set units to ${data.units}`, true));
    }
    if (data.activation === 'sigmoid' || data.activation === 'relu' || data.activation === 'linear') {
      fixes.push(replaceActivationFix(diagnostic, data.activation, { preferred: true }));
    }
    // Two softmax units are the other right shape of a binary output.
    if (data.task === 'binary' && data.activation === 'sigmoid') {
      fixes.push(replaceFix(diagnostic, 'unitsSpan', '2', 'units', 'Set units to 2 (softmax over the two classes)'));
    }
    return defined(fixes);
  },
};
