/**
 * dying-relu-risk: ReLU/ReLU6 hidden layers trained with a high learning rate.
 *
 * The model's optimizer lr is checked on the model; a `lr` line in a train block overrides it for that run and
 * is checked where it is written (against the limit of the model's optimizer).
 */
import type { Diagnostic } from '../../diagnostic';
import { findOptimizer } from '../../catalog';
import type { DenseInfo, ModelInfo } from '../../model/types';
import type { Span } from '../../syntax/span';
import { formatNumber, listWords } from '../messageText';
import { defined, replaceActivationFix, replaceFix } from '../fixes/common';
import { activationTarget } from '../../model/activationTarget';
import { diagnostic, hiddenLayers } from '../layers';
import type { CheckDef } from '../types';

const code = 'dying-relu-risk';

/** Hidden layers whose units can die for good (relu, relu6; step has its own error). */
function dyingLayers(model: ModelInfo): DenseInfo[] {
  return hiddenLayers(model).filter((l) => {
    const props = l.activation?.def.properties;
    return !!props && props.canDie && !props.notTrainable;
  });
}

/** The span of the number in the optimizer's `lr` argument. */
export function optimizerLrValue(model: ModelInfo): Span | undefined {
  const lrSpan = model.optimizer.lrSpan;
  if (!lrSpan) return undefined;
  for (const stmt of model.decl.body) {
    if (stmt.kind !== 'optimizer' || !stmt.call) continue;
    const arg = stmt.call.args.find((a) => a.span.start === lrSpan.start && a.span.end === lrSpan.end);
    if (arg?.value) return arg.value.span;
  }
  return undefined;
}

/** A learning rate the fix can suggest: the optimizer's default, or the limit itself when that is lower. */
function saferLr(optimizer: string, limit: number): number {
  const def = findOptimizer(optimizer)?.params.find((p) => p.name === 'lr')?.default;
  return typeof def === 'number' && def <= limit ? def : limit;
}

export const dyingReluRisk: CheckDef = {
  code,
  severity: 'warning',
  emittedBy: 'check',
  title: 'ReLU with a high learning rate',
  summary: 'relu/relu6 hidden layers with a high learning rate (sgd lr > 0.1, adam or rmsprop lr > 0.01).',
  template:
    "{optimizer} lr {lr} is above {limit}, high for the relu layers {layers}: big steps can push units into relu's flat side for good — lower lr to {safer} or use leaky_relu",
  settings: ['nn.lrLimit.sgd', 'nn.lrLimit.adam', 'nn.lrLimit.rmsprop'],
  explanation: [
    'A ReLU unit outputs 0, with a slope of 0, whenever its input is negative. If one large update moves its weights ' +
      'so that the input is negative for every training example, no gradient ever reaches those weights again: the ' +
      'unit is dead. With a learning rate that is too high, as many as 40% of the ReLU units of a network can end ' +
      'up dead.',
    'The limits are rules of thumb per optimizer: above 0.1 for plain sgd, above 0.01 for adam and rmsprop (whose ' +
      'steps are already normalised). They are the settings `nn.lrLimit.sgd`, `nn.lrLimit.adam` and ' +
      '`nn.lrLimit.rmsprop`.',
    "The optimizer's `lr` is checked on the model. A `lr` line in a train block overrides it for that run, so it is " +
      'checked on its own line as well. Lower the rate, or use leaky_relu, whose small negative slope keeps every ' +
      'unit trainable. After a run, the dead-units training check reports how many units actually died.',
  ].join('\n\n'),
  fixes: {
    lr: "Lower the learning rate to the optimizer's default (preferred).",
    leaky_relu: 'Use leaky_relu in the ReLU layers.',
  },
  example: 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 sigmoid\n  optimizer sgd(lr: 0.5)\n}\n',
  check({ analysis, thresholds }) {
    const out: Diagnostic[] = [];
    const byModel = new Map<ModelInfo, DenseInfo[]>();
    for (const model of analysis.semantic.models) {
      const layers = dyingLayers(model);
      if (layers.length) byModel.set(model, layers);
    }
    const report = (
      model: ModelInfo,
      layers: DenseInfo[],
      lr: number,
      span: Span,
      valueSpan: Span | undefined,
      where: string,
    ) => {
      const optimizer = model.optimizer.name;
      const limit = thresholds.lrLimit[optimizer];
      const safer = saferLr(optimizer, limit);
      const names = listWords(layers.map((l) => `'${l.name}'`));
      return diagnostic(
        code,
        'warning',
        span,
        `${where}${optimizer} lr ${formatNumber(lr)} is above ${formatNumber(limit)}, high for the relu layer${layers.length > 1 ? 's' : ''} ${names}: ` +
          `big steps can push units into relu's flat side for good — lower lr to ${formatNumber(safer)} or use leaky_relu`,
        {
          related: layers.map((l) => ({
            span: l.activation!.nameSpan,
            message: `${l.activation!.def.name} layer '${l.name}'`,
          })),
          data: {
            lrSpan: valueSpan,
            safer: formatNumber(safer),
            targets: layers.map(activationTarget),
            layers: layers.map((l) => l.name),
          },
        },
      );
    };
    for (const [model, layers] of byModel) {
      const lr = Number(model.optimizer.params.lr);
      if (lr > thresholds.lrLimit[model.optimizer.name]) {
        out.push(
          report(
            model,
            layers,
            lr,
            optimizerLrValue(model) ?? model.optimizer.span ?? model.nameSpan,
            optimizerLrValue(model),
            '',
          ),
        );
      }
    }
    for (const train of analysis.semantic.trains) {
      const layers = train.model && byModel.get(train.model);
      const stmt = train.decl.body.find((s) => s.kind === 'lr');
      if (!layers || train.lr === undefined || !stmt || stmt.kind !== 'lr' || !stmt.value) continue;
      if (train.lr > thresholds.lrLimit[train.model!.optimizer.name]) {
        out.push(
          report(
            train.model!,
            layers,
            train.lr,
            stmt.value.span,
            stmt.value.span,
            'this run overrides the learning rate: ',
          ),
        );
      }
    }
    return out;
  },
  fix(diagnostic) {
    const safer = diagnostic.data?.safer;
    return defined([
      typeof safer === 'string'
        ? replaceFix(diagnostic, 'lrSpan', safer, 'lr', `Lower lr to ${safer}`, true)
        : undefined,
      replaceActivationFix(diagnostic, 'leaky_relu', { id: 'leaky_relu', title: 'Use leaky_relu in the ReLU layers' }),
    ]);
  },
};
