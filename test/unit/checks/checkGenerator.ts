/**
 * fast-check arbitraries for `.nn` files that trip the static checks: plain layout, but tasks, unit counts,
 * activations, losses, learning rates and datasets drawn from both sensible and out-of-range values
 * (`multiclass(0)`, `dense -1`, `lr 0`), so that the checks fire next to value errors and their fixes can be
 * judged against them.
 */
import fc from 'fast-check';
import { ACTIVATIONS } from '../../../server/src/catalog';

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** Counts, including the invalid ones a user may be typing. */
const count = pick('0', '1', '2', '3', '4', '10', '-1', '2.5', '1e3');
const units = pick('1', '1', '2', '3', '4', '8', '0', '-2', '1.5');
const rate = pick('0.001', '0.01', '0.05', '0.2', '0.5', '1', '2', '0', '-0.1', '1e-9');

const activationNames = ACTIVATIONS.flatMap((d) => [d.name, ...d.aliases]);
const activation = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...activationNames) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(pick('leaky_relu', 'elu'), pick('0', '0.01', '1', '2', '-1'))
      .map(([n, a]) => `${n}(alpha: ${a})`),
  },
  {
    weight: 1,
    arbitrary: pick(
      'maxout(pieces: 1)',
      'maxout(pieces: 3)',
      'swish(beta: 0)',
      'gelu(approximate: tanh)',
      'step(threshold: 1)',
    ),
  },
);
const init = pick('he', 'glorot', 'lecun_normal', 'he_uniform', 'glorot_normal', 'xavier');

const task = fc.oneof(
  pick('binary', 'regression'),
  fc.tuple(pick('multiclass', 'multilabel'), count).map(([t, k]) => `${t}(${k})`),
);

const dense = fc
  .tuple(
    fc.option(pick('out: ', 'h: '), { nil: '' }),
    units,
    fc.option(activation, { nil: undefined }),
    fc.option(init, { nil: undefined }),
  )
  .map(([label, n, act, i]) => `${label}dense ${n}${act ? ` ${act}` : ''}${i ? ` init ${i}` : ''}`);

const layer = fc.oneof(
  { weight: 6, arbitrary: dense },
  { weight: 1, arbitrary: pick('0.1', '0.5', '0', '1').map((r) => `dropout ${r}`) },
  { weight: 1, arbitrary: activation.map((a) => `activation ${a}`) },
);

const model = fc
  .record({
    task: fc.option(task, { nil: undefined }),
    input: fc.option(pick('2', '4', '0', '64'), { nil: undefined }),
    init: fc.option(init, { nil: undefined }),
    layers: fc.array(layer, { minLength: 1, maxLength: 6 }),
    loss: fc.option(pick('mse', 'mae', 'huber', 'bce', 'cce', 'binary_crossentropy', 'huber(delta: 0)'), {
      nil: undefined,
    }),
    optimizer: fc.option(
      fc.tuple(pick('sgd', 'adam', 'rmsprop'), rate).map(([o, lr]) => `${o}(lr: ${lr})`),
      { nil: undefined },
    ),
  })
  .map((m) =>
    [
      'model m {',
      ...(m.task ? [`  task ${m.task}`] : []),
      ...(m.input ? [`  input ${m.input}`] : []),
      ...(m.init ? [`  init ${m.init}`] : []),
      ...m.layers.map((l) => `  ${l}`),
      ...(m.loss ? [`  loss ${m.loss}`] : []),
      ...(m.optimizer ? [`  optimizer ${m.optimizer}`] : []),
      '}',
    ].join('\n'),
  );

const data = fc.oneof(
  pick('xor', 'spiral', 'moons', 'plane', 'sine', 'iris', 'digits', 'circle'),
  fc.tuple(pick('blobs', 'spiral'), count).map(([d, k]) => `${d}(classes: ${k})`),
);

const train = fc
  .record({
    data,
    epochs: fc.option(pick('0', '10'), { nil: undefined }),
    lr: fc.option(rate, { nil: undefined }),
  })
  .map((t) =>
    [
      'train m {',
      `  data ${t.data}`,
      ...(t.epochs ? [`  epochs ${t.epochs}`] : []),
      ...(t.lr ? [`  lr ${t.lr}`] : []),
      '}',
    ].join('\n'),
  );

/** One model `m`, sometimes with a train block for it. */
export const checkedNnFile: fc.Arbitrary<string> = fc
  .tuple(model, fc.option(train, { nil: undefined }))
  .map(([m, t]) => `${m}\n${t ? `\n${t}\n` : ''}`);
