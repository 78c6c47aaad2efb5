/**
 * high-learning-rate: a learning rate at which training usually diverges, whatever the activations.
 *
 * Like dying-relu-risk, the optimizer's lr is checked on the model and a train block's `lr` override where it
 * is written (against the threshold of the model's optimizer).
 */
import { findOptimizer } from '../../catalog';
import type { Diagnostic } from '../../diagnostic';
import type { ModelInfo } from '../../model/types';
import type { Span } from '../../syntax/span';
import { replaceFix, stringOf } from '../fixes/common';
import { formatNumber } from '../messageText';
import { diagnostic } from '../layers';
import type { CheckDef } from '../types';
import { optimizerLrValue } from './dyingReluRisk';

const code = 'high-learning-rate';

/** The optimizer's own default learning rate, from the catalog. */
function defaultLr(optimizer: string): number | undefined {
  const value = findOptimizer(optimizer)?.params.find((p) => p.name === 'lr')?.default;
  return typeof value === 'number' ? value : undefined;
}

function message(where: string, optimizer: string, lr: number, limit: number, fallback: number | undefined): string {
  const advice =
    fallback === undefined ? 'lower it' : `lower it to ${formatNumber(fallback)}, the default of ${optimizer}`;
  return `${where}${optimizer} lr ${formatNumber(lr)} is at or above ${formatNumber(limit)}, where training usually diverges whatever the activations — ${advice}`;
}

export const highLearningRate: CheckDef = {
  code,
  severity: 'warning',
  emittedBy: 'check',
  title: 'Learning rate too high',
  summary: 'A learning rate at which training usually diverges: sgd lr ≥ 1, adam or rmsprop lr ≥ 0.1.',
  template:
    '{optimizer} lr {lr} is at or above {limit}, where training usually diverges whatever the activations — lower it to {default}, the default of {optimizer}',
  settings: ['nn.lrHigh.sgd', 'nn.lrHigh.adam', 'nn.lrHigh.rmsprop'],
  explanation: [
    'Each step moves the weights by the learning rate times the gradient. When the step overshoots the bottom of the ' +
      'loss valley by more than it gained, the next gradient is larger still, and the loss grows from step to step ' +
      'until it becomes NaN. No choice of activation prevents that: it is a property of the step size.',
    'The thresholds are rules of thumb per optimizer: 1 for plain sgd, 0.1 for adam and rmsprop, which scale each ' +
      'step by a running size of the gradient so that lr is roughly the step itself. They are the settings ' +
      '`nn.lrHigh.sgd`, `nn.lrHigh.adam` and `nn.lrHigh.rmsprop`.',
    "The optimizer's `lr` is checked on the model, and a `lr` line in a train block on its own line. The fix sets the " +
      "optimizer's default rate; raise it again in small steps if training is then too slow. A run that diverges " +
      'anyway stops with exploding-gradient.',
  ].join('\n\n'),
  fixes: { lr: "Set the optimizer's default learning rate (preferred)." },
  example: 'model m {\n  task binary\n  input 2\n  dense 8 tanh\n  dense 1 sigmoid\n  optimizer adam(lr: 0.5)\n}\n',
  check({ analysis, thresholds }) {
    const out: Diagnostic[] = [];
    const report = (model: ModelInfo, lr: number, span: Span, valueSpan: Span | undefined, where: string) => {
      const optimizer = model.optimizer.name;
      const fallback = defaultLr(optimizer);
      return diagnostic(code, 'warning', span, message(where, optimizer, lr, thresholds.lrHigh[optimizer], fallback), {
        data: { lrSpan: valueSpan, default: fallback === undefined ? undefined : formatNumber(fallback), optimizer },
      });
    };
    for (const model of analysis.semantic.models) {
      const lr = Number(model.optimizer.params.lr);
      if (lr >= thresholds.lrHigh[model.optimizer.name]) {
        const valueSpan = optimizerLrValue(model);
        out.push(report(model, lr, valueSpan ?? model.optimizer.span ?? model.nameSpan, valueSpan, ''));
      }
    }
    for (const train of analysis.semantic.trains) {
      const stmt = train.decl.body.find((s) => s.kind === 'lr');
      if (!train.model || train.lr === undefined || !stmt || stmt.kind !== 'lr' || !stmt.value) continue;
      if (train.lr >= thresholds.lrHigh[train.model.optimizer.name]) {
        out.push(
          report(train.model, train.lr, stmt.value.span, stmt.value.span, 'this run overrides the learning rate: '),
        );
      }
    }
    return out;
  },
  fix(diagnostic) {
    const value = diagnostic.data?.default;
    if (typeof value !== 'string') return [];
    const fix = replaceFix(
      diagnostic,
      'lrSpan',
      value,
      'lr',
      `Set lr to ${value}, the default of ${stringOf(diagnostic, 'optimizer') ?? 'the optimizer'}`,
      true,
    );
    return fix ? [fix] : [];
  },
};
