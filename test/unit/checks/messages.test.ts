/** What the findings say and carry: the facts in the message, related lines, tags and the data fixes read. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis';
import { fixesFor } from '../../../server/src/checks';
import type { Diagnostic } from '../../../server/src/diagnostic';

function find(text: string, code: string): Diagnostic[] {
  return analyze(text).diagnostics.filter((d) => d.code === code);
}

const model = (body: string, task = 'binary') => `model m {\n  task ${task}\n  input 2\n${body}\n}\n`;

describe('check messages and facts', () => {
  it('saturating-stack gives the sigmoid bound 0.25^4 ≈ 0.0039 and names the first and last layer', () => {
    const [d] = find(
      model('  dense 8 sigmoid\n  dense 8 sigmoid\n  dense 8 sigmoid\n  dense 8 sigmoid\n  dense 1 sigmoid'),
      'saturating-stack',
    );
    assert.match(d.message, /^4 saturating hidden layers in a row \('dense_1' to 'dense_4'\)/);
    assert.match(d.message, /0\.25\^4 ≈ 0\.0039/);
    assert.match(d.message, /switch them to relu$/);
    assert.equal(d.related?.length, 3, 'the other three layers are related');
  });

  it('saturating-stack says that 1 is only the best case for tanh and quotes how far below it is', () => {
    const [d] = find(model('  dense 8 tanh\n  dense 8 tanh\n  dense 8 tanh\n  dense 1 sigmoid'), 'saturating-stack');
    assert.match(d.message, /tanh's slope of 1 per layer is only its best case/);
    assert.match(d.message, /0\.42\^3 ≈ 0\.074/);
  });

  it('saturating-stack mixes factors of different activations', () => {
    const [d] = find(
      model('  dense 8 sigmoid\n  dense 8 tanh\n  dense 8 sigmoid\n  dense 1 sigmoid'),
      'saturating-stack',
    );
    assert.match(d.message, /0\.25\^2 × 1 ≈ 0\.063/);
  });

  it('sigmoid-hidden marks the activation name and quotes the slope of hard_sigmoid', () => {
    const text = model('  dense 8 hard_sigmoid\n  dense 1 sigmoid');
    const [d] = find(text, 'sigmoid-hidden');
    assert.equal(text.slice(d.span.start, d.span.end), 'hard_sigmoid');
    assert.match(d.message, /slope is at most 0\.17/);
  });

  it('output checks point at the task line as related information', () => {
    const text = model('  dense 8 relu\n  out: dense 4 softmax', 'multiclass(3)');
    const [d] = find(text, 'output-units');
    assert.equal(text.slice(d.span.start, d.span.end), '4');
    assert.equal(text.slice(d.related![0].span.start, d.related![0].span.end), 'multiclass(3)');
    assert.match(d.message, /'out' has 4 units, but task multiclass\(3\) needs 3/);
    assert.equal(d.data?.expected, 3);
  });

  it('all-linear lists every linear layer as related information and names what the model really is', () => {
    const text = model('  dense 8\n  dense 4 linear\n  dense 1 sigmoid');
    const [d] = find(text, 'all-linear');
    assert.deepEqual(
      d.related!.map((r) => text.slice(r.span.start, r.span.end)),
      ['dense 8', 'linear'],
    );
    assert.match(d.message, /logistic regression in disguise/);
    assert.equal(find(text, 'linear-hidden').length, 0, 'all-linear replaces linear-hidden');
  });

  it('dying-relu-risk quotes the rate, the limit and the safer rate, and relates the ReLU layers', () => {
    const text = model('  dense 8 relu\n  dense 8 relu\n  dense 1 sigmoid\n  optimizer adam(lr: 0.05)');
    const [d] = find(text, 'dying-relu-risk');
    assert.match(d.message, /adam lr 0\.05 is above 0\.01/);
    assert.match(d.message, /lower lr to 0\.001 or use leaky_relu/);
    assert.equal(d.related?.length, 2);
  });

  it('init-mismatch keeps the spelling style of the written init', () => {
    const [layer] = find(model('  dense 8 relu init glorot_uniform\n  dense 1 sigmoid'), 'init-mismatch');
    assert.equal(layer.data?.replacement, 'he_uniform');
    const [alias] = find(model('  dense 8 relu init xavier\n  dense 1 sigmoid'), 'init-mismatch');
    assert.equal(alias.data?.replacement, 'he');
    const [reverse] = find(model('  dense 8 tanh init he_normal\n  dense 1 sigmoid'), 'init-mismatch');
    assert.equal(reverse.data?.replacement, 'glorot_normal');
  });

  it('maxout-cost states the k× parameter count', () => {
    const [d] = find(model('  dense 8 maxout(pieces: 4)\n  dense 1 sigmoid'), 'maxout-cost');
    assert.match(d.message, /4× the parameters of a plain dense layer: 96 instead of 24/);
  });

  it('missing-task infers the task from the output layer', () => {
    const infer = (output: string) =>
      find(`model m {\n  input 2\n  dense 8 relu\n  ${output}\n}\n`, 'missing-task')[0]?.data?.task;
    assert.equal(infer('dense 1 sigmoid'), 'binary');
    assert.equal(infer('dense 4 sigmoid'), 'multilabel(4)');
    assert.equal(infer('dense 5 softmax'), 'multiclass(5)');
    assert.equal(infer('dense 2 softmax'), 'binary');
    assert.equal(infer('dense 1'), 'regression');
  });

  it('missing-task waits until the output layer can be read', () => {
    assert.equal(find('model a {\n  input 2\n  dense sixteen relu\n}\n', 'missing-task').length, 0);
  });

  it('an unknown activation is not mistaken for a linear layer', () => {
    const codes = analyze(model('  dense 8 rleu\n  dense 1 sigmoid')).diagnostics.map((d) => d.code);
    assert.deepEqual(codes, ['unknown-activation']);
  });

  it('data-task compares the dataset with the input, the task and the output', () => {
    const text = `model m {\n  task multiclass(3)\n  input 2\n  dense 8 relu\n  dense 3 softmax\n}\ntrain m {\n  data digits\n}\n`;
    const messages = find(text, 'data-task').map((d) => d.message);
    assert.deepEqual(messages, [
      "digits has 64 features, but model 'm' takes input 2 — set input 64",
      "digits has 10 classes, but model 'm' has task multiclass(3) — use task multiclass(10)",
    ]);
  });

  it('softmax-one-unit follows the task: K units for multiclass(K), sigmoid for binary or no task, linear for regression', () => {
    const advice = (task: string | undefined) => {
      const text = `model m {\n${task ? `  task ${task}\n` : ''}  input 4\n  dense 8 relu\n  out: dense 1 softmax\n}\n`;
      const analysis = analyze(text);
      const [d] = analysis.diagnostics.filter((x) => x.code === 'softmax-one-unit');
      const preferred = fixesFor(d, analysis).find((f) => f.preferred);
      const units = analysis.diagnostics.filter((x) => x.code === 'output-units').map((x) => x.message);
      return { advice: d.message.split(' — ')[1], fix: preferred?.title, units };
    };
    assert.deepEqual(advice('multiclass(classes: 3)'), {
      advice: 'give it 3 units, one per class',
      fix: 'Set units to 3',
      units: [
        "output layer 'out' has 1 unit, but task multiclass(3) needs 3 (one softmax unit per class) — set units to 3",
      ],
    });
    assert.deepEqual(advice('binary'), { advice: 'use sigmoid', fix: "Use sigmoid in 'out'", units: [] });
    assert.deepEqual(advice(undefined), { advice: 'use sigmoid', fix: "Use sigmoid in 'out'", units: [] });
    assert.deepEqual(advice('regression'), { advice: 'use linear', fix: "Use linear in 'out'", units: [] });
    assert.deepEqual(advice('multiclass(0)').units, [], 'an invalid class count gives no unit count');
    assert.equal(advice('multiclass(0)').advice, 'give it one unit per class');
  });

  it('loss-mismatch reports cce on a sigmoid output even on a multiclass task, and fixes the output', () => {
    const text =
      'model iris {\n  task multiclass(3)\n  input 4\n  dense 8 relu\n  out: dense 3 sigmoid\n  loss cce\n}\n';
    const analysis = analyze(text);
    const [d] = analysis.diagnostics.filter((x) => x.code === 'loss-mismatch');
    assert.match(d.message, /sigmoid outputs are independent — use softmax on output layer 'out'$/);
    assert.deepEqual(
      fixesFor(d, analysis)
        .filter((f) => f.preferred)
        .map((f) => f.title),
      ["Use softmax in 'out'"],
    );
    assert.equal(analysis.diagnostics.filter((x) => x.code === 'output-activation').length, 1);
  });

  it('selu-setup reports a dropout between two selu layers once, naming both', () => {
    const found = find(model('  dense 16 selu\n  dropout 0.1\n  dense 16 selu\n  dense 1 sigmoid'), 'selu-setup');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /selu layers 'dense_1' and 'dense_2'/);
    assert.equal(found[0].related?.length, 2);
  });

  it('every finding carries source nn', () => {
    for (const d of analyze(model('  dense 8 sigmoid\n  dense 1 softmax')).diagnostics) assert.equal(d.source, 'nn');
  });
});
