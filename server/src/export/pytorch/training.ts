/** The commented training snippet at the end of the PyTorch module: the .nn file's loss, optimizer and run settings. */
import { findOptimizer, resolveParams } from '../../catalog';
import type { NetworkSpec, TrainSettings } from '../../model/spec';
import type { ExportPlan } from '../plan';
import { pythonComment, pythonString } from '../escape';
import { pyFloat } from './python';

interface LossLine {
  construct: string;
  /** The method whose output the loss reads. */
  reads: 'model(x)' | 'model.logits(x)';
  note: string;
}

function lossLine(spec: NetworkSpec, plan: ExportPlan): LossLine {
  const out = plan.outputActivation;
  const lastStep = plan.steps[plan.steps.length - 1];
  const linearOutput = !out && (lastStep?.kind === 'dropout' || !lastStep?.activation);
  const name = spec.loss.name;
  if (name === 'bce' && (out === 'sigmoid' || linearOutput)) {
    return {
      construct: 'nn.BCEWithLogitsLoss()',
      reads: out ? 'model.logits(x)' : 'model(x)',
      note: 'bce, computed from the logits (stable)',
    };
  }
  if (name === 'bce' && out === 'softmax' && plan.output > 1) return softmaxBceLine(plan.output);
  if (name === 'cce' && (out === 'softmax' || linearOutput)) {
    return {
      construct: 'nn.CrossEntropyLoss()',
      reads: out ? 'model.logits(x)' : 'model(x)',
      note: 'cce from the logits; t holds class indices or one-hot rows',
    };
  }
  switch (name) {
    case 'mse':
      return { construct: 'nn.MSELoss()', reads: 'model(x)', note: 'mse' };
    case 'mae':
      return { construct: 'nn.L1Loss()', reads: 'model(x)', note: 'mae' };
    case 'huber': {
      const delta = typeof spec.loss.params.delta === 'number' ? spec.loss.params.delta : 1;
      return { construct: `nn.HuberLoss(delta=${pyFloat(delta)})`, reads: 'model(x)', note: 'huber' };
    }
    case 'bce':
      return { construct: 'nn.BCELoss()', reads: 'model(x)', note: 'bce on the outputs (they must lie in [0, 1])' };
    default:
      return {
        construct: 'lambda p, t: -(t * p.clamp(1e-7, 1 - 1e-7).log()).sum(dim=-1).mean()',
        reads: 'model(x)',
        note: `${name} on the outputs`,
      };
  }
}

/**
 * bce on a softmax output, from the logits as the engine computes it. Over 2 units p₀ = σ(z₀ − z₁), so it is
 * BCE with logits on z − z.flip(-1); over more, ln(1 − pⱼ) is the log-sum-exp of the other logits minus
 * that of all. (nn.BCELoss on the probabilities would clamp a confident mistake and lose its gradient.)
 */
function softmaxBceLine(width: number): LossLine {
  if (width === 2) {
    return {
      construct: 'lambda z, t: nn.functional.binary_cross_entropy_with_logits(z - z.flip(-1), t)',
      reads: 'model.logits(x)',
      note: 'bce on the 2-unit softmax, from the logits: p0 = sigmoid(z0 - z1) (stable)',
    };
  }
  const others = '(z.unsqueeze(-2) + (1 - torch.eye(z.shape[-1], dtype=z.dtype, device=z.device)).log()).logsumexp(-1)';
  return {
    construct: `lambda z, t: -(t * z.log_softmax(-1) + (1 - t) * (${others} - z.logsumexp(-1, keepdim=True))).mean()`,
    reads: 'model.logits(x)',
    note: 'bce on the softmax, from the logits: ln(1 - p_j) = logsumexp(z without z_j) - logsumexp(z) (stable)',
  };
}

function optimizerLine(spec: NetworkSpec, settings: TrainSettings | undefined): string {
  const def = findOptimizer(spec.optimizer.name);
  const p = resolveParams(def?.params ?? [], spec.optimizer.params);
  const lr = settings?.lr ?? Number(p.lr);
  switch (spec.optimizer.name) {
    case 'sgd':
      return `torch.optim.SGD(model.parameters(), lr=${pyFloat(lr)}, momentum=${pyFloat(Number(p.momentum))})`;
    case 'rmsprop':
      return `torch.optim.RMSprop(model.parameters(), lr=${pyFloat(lr)}, alpha=${pyFloat(Number(p.rho))}, eps=1e-07)`;
    default:
      return `torch.optim.Adam(model.parameters(), lr=${pyFloat(lr)}, betas=(${pyFloat(Number(p.beta1))}, ${pyFloat(Number(p.beta2))}), eps=1e-07)`;
  }
}

/** The snippet, every line a comment. `weightNames` are the attribute paths of the dense weight matrices. */
export function trainingSnippet(
  spec: NetworkSpec,
  plan: ExportPlan,
  cls: string,
  weightNames: string[],
  settings?: TrainSettings,
  weightsFile?: string,
): string[] {
  const loss = lossLine(spec, plan);
  const epochs = settings?.epochs ?? 100;
  const batch = settings?.batch ?? 32;
  const lines = [
    `Training as the .nn file describes it: a sketch to start from. NN Studio's own loop standardizes the`,
    `features on the training split${settings && !settings.normalize ? ' (off for this model)' : ''}, shuffles every epoch and holds out ${settings?.validation ?? 0.2} of the rows for validation.`,
    '',
    `    model = ${cls}()`,
    ...(weightsFile
      ? [
          `    model.load_weights(${pythonString(weightsFile)})  # continue from the trained weights (and their standardization)`,
        ]
      : settings?.normalize === false
        ? []
        : plan.features
          ? [
              '    f_train = features(x_train)  # the raw points (x1, x2) as the network sees them',
              '    model.mean.copy_(f_train.mean(dim=0)); model.std.copy_(f_train.std(dim=0, unbiased=False))',
            ]
          : ['    model.mean.copy_(x_train.mean(dim=0)); model.std.copy_(x_train.std(dim=0, unbiased=False))']),
    `    loss_fn = ${loss.construct}  # ${loss.note}`,
    `    optimizer = ${optimizerLine(spec, settings)}`,
    `    loader = torch.utils.data.DataLoader(dataset, batch_size=${batch}, shuffle=True)  # dataset: (x, t) pairs`,
    `    for epoch in range(${epochs}):`,
    '        model.train()',
    '        for x, t in loader:',
    '            optimizer.zero_grad()',
    `            loss = loss_fn(${loss.reads}, t)`,
  ];
  if (spec.regularize) {
    const term = spec.regularize.kind === 'l2' ? 'w.pow(2).sum()' : 'w.abs().sum()';
    lines.push(`            # regularize ${spec.regularize.kind}(${spec.regularize.amount}): weights only, not biases`);
    lines.push(
      `            loss = loss + ${pyFloat(spec.regularize.amount)} * sum(${term} for w in (${weightNames.join(', ')}${weightNames.length === 1 ? ',' : ''}))`,
    );
  }
  lines.push('            loss.backward()', '            optimizer.step()');
  return lines.map(pythonComment);
}
