// Targeted checks of the scopes that themes colour, and that every shipped example highlights cleanly.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FEATURES } from '../../../server/src/catalog';
import { scopesOf, tokenizeLines } from './tokenize';

const innermost = (scopes: string[]) => scopes[scopes.length - 1];

describe('grammar scopes', () => {
  const text = [
    'model spirals {  # a comment with } in it',
    '  task multiclass(classes: 3)',
    '  input 2',
    '  out: dense 16 relu init he',
    '  activation leaky_relu(alpha: -0.1)',
    '  loss bce',
    '  optimizer adam(lr: 0.01)',
    '}',
    'train spirals {',
    '  data csv("a.csv", target: "y")',
    '  normalize off',
    '  features x1, x1sq, sinx2',
    '}',
  ].join('\n');

  const cases: Array<[line: string, word: string, scope: string]> = [
    ['model spirals', 'model', 'storage.type.model.nn'],
    ['model spirals', 'spirals', 'entity.name.type.model.nn'],
    ['train spirals', 'train', 'storage.type.train.nn'],
    ['train spirals', 'spirals', 'entity.name.type.model.nn'],
    ['task', 'task', 'keyword.control.task.nn'],
    ['task', 'multiclass', 'support.type.task.nn'],
    ['task', 'classes', 'variable.parameter.nn'],
    ['task', '3', 'constant.numeric.nn'],
    ['out:', 'out', 'entity.name.label.nn'],
    ['out:', 'dense', 'keyword.control.dense.nn'],
    ['out:', 'relu', 'support.function.activation.nn'],
    ['out:', 'init', 'keyword.control.init.nn'],
    ['out:', 'he', 'support.constant.init.nn'],
    ['activation leaky', 'leaky_relu', 'support.function.activation.nn'],
    ['activation leaky', '-0.1', 'constant.numeric.nn'],
    ['loss', 'bce', 'support.type.loss.nn'],
    ['optimizer', 'adam', 'support.type.optimizer.nn'],
    ['optimizer', 'lr', 'variable.parameter.nn'],
    ['data csv', 'csv', 'support.type.dataset.nn'],
    ['data csv', 'a.csv', 'string.quoted.double.nn'],
    ['normalize', 'off', 'constant.language.boolean.nn'],
    ['features', 'features', 'keyword.control.features.nn'],
    ['features', 'x1sq', 'support.constant.feature.nn'],
    ['features', 'sinx2', 'support.constant.feature.nn'],
    ['features', ',', 'punctuation.separator.comma.nn'],
  ];
  for (const [line, word, scope] of cases) {
    it(`gives '${word}' on the '${line}' line the scope ${scope}`, async () => {
      assert.equal(innermost(await scopesOf(text, line, word)), scope);
    });
  }

  it('knows exactly the feature names of the catalog after features', async () => {
    const names = FEATURES.map((f) => f.name);
    const lines = await tokenizeLines(`train a {\n  features ${[...names, 'x3'].join(', ')}\n}`);
    const scoped = lines[1]
      .filter((token) => token.scopes.includes('support.constant.feature.nn'))
      .map((token) => token.text);
    assert.deepEqual(scoped, names);
  });

  it('keeps a brace inside a comment from closing the block', async () => {
    const scopes = await scopesOf(text, '  input 2', 'input');
    assert.ok(scopes.includes('meta.block.model.nn'), scopes.join(' '));
  });

  it('scopes the whole comment, from # to the end of the line', async () => {
    const [first] = await tokenizeLines('dense 1  # note } "x"');
    const comment = first.filter((token) => token.scopes.includes('comment.line.number-sign.nn'));
    assert.equal(comment.map((token) => token.text).join(''), '# note } "x"');
  });

  it('treats keywords as names where the grammar expects a name', async () => {
    const source = 'model dense {\n  input 2\n}';
    assert.equal(innermost(await scopesOf(source, 'model dense', 'dense')), 'entity.name.type.model.nn');
  });

  it('closes a block without its brace when the next block starts', async () => {
    const source = 'model a {\n  input 2\ntrain a {\n  epochs 5\n}';
    assert.equal(innermost(await scopesOf(source, 'epochs', 'epochs')), 'keyword.control.epochs.nn');
  });

  it('marks a stray closing brace as invalid', async () => {
    const source = 'model a {\n}\n}';
    const lines = await tokenizeLines(source);
    assert.equal(innermost(lines[2][0].scopes), 'invalid.illegal.stray-brace.nn');
  });
});

describe('shipped examples', () => {
  const examples = path.resolve(__dirname, '../../../examples');
  const files = readdirSync(examples).filter((name) => name.endsWith('.nn'));

  it('exist', () => assert.ok(files.length >= 4));

  for (const name of files) {
    it(`${name} highlights every line and has no invalid tokens`, async () => {
      const source = readFileSync(path.join(examples, name), 'utf8');
      const lines = await tokenizeLines(source);
      source.split('\n').forEach((line, index) => {
        const tokens = lines[index];
        const invalid = tokens.filter((token) => token.scopes.some((scope) => scope.startsWith('invalid.')));
        assert.deepEqual(invalid, [], `line ${index + 1}: ${line}`);
        // Every non-blank line starts with a comment, a keyword, a label or a brace.
        const first = tokens.find((token) => token.text.trim() !== '');
        if (first)
          assert.ok(
            first.scopes.some((scope) => !scope.startsWith('meta.')),
            `line ${index + 1} is unscoped: ${line}`,
          );
      });
    });
  }
});
