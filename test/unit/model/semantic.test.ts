/** Semantic fixtures with inline markers (see test/support/markers.ts), plus facts of the resolved model. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/analysis';
import type { DenseInfo } from '../../../server/src/model/types';
import { check } from '../../support/markers';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'semantic');
/** Only the syntax and semantic codes: the checks of rules.md have their own fixtures. */
const SEMANTIC_CODES =
  /^(syntax|unknown-.*|duplicate-.*|features-data|missing-(input|argument|data)|input-order|argument-order|too-many-arguments|invalid-value|param-range|zero-init|empty-model|data-path)$/;

describe('semantic fixtures', () => {
  for (const name of readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.nn'))
    .sort()) {
    it(name, () => {
      check(readFileSync(join(FIXTURES, name), 'utf8'), undefined, (d) => SEMANTIC_CODES.test(d.code));
    });
  }
});

describe('semantic model', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'syntax', 'ok', 'every-statement.nn'), 'utf8');
  const { semantic } = analyze(text);
  const model = semantic.models[0];

  it('names layers by label or by kind and position', () => {
    assert.deepEqual(
      model.layers.map((l) => l.name),
      ['hidden_1', 'dropout_1', 'dense_2', 'activation_1', 'dense_3', 'dense_4', 'dense_5', 'activation_2'],
    );
  });

  it('computes widths and parameter counts, including maxout pieces', () => {
    assert.deepEqual(
      model.layers.map((l) => [l.inWidth, l.outWidth, l.params]),
      [
        [4, 8, 40],
        [8, 8, 0],
        [8, 8, 72],
        [8, 8, 0],
        [8, 6, (8 * 6 + 6) * 3],
        [6, 4, 28],
        [4, 3, 15],
        [3, 3, 0],
      ],
    );
    assert.equal(model.totalParams, 40 + 72 + 162 + 28 + 15);
  });

  it('marks the last dense layer as the output and merges a following activation into it', () => {
    const roles = model.dense.map((d) => d.role);
    assert.deepEqual(roles, ['hidden', 'hidden', 'hidden', 'hidden', 'output']);
    assert.equal(model.dense[4].activation?.def.name, 'softmax');
    assert.equal(model.dense[1].activation?.def.name, 'tanh', 'dense 8 then activation tanh means dense 8 tanh');
    assert.equal(model.dense[1].ownActivation, undefined);
  });

  it('resolves inits: the layer’s own, then the model’s, never auto', () => {
    assert.deepEqual(
      model.dense.map((d) => [d.init.name, d.init.explicit]),
      [
        ['he_normal', true],
        ['glorot_normal', false],
        ['glorot_normal', false],
        ['glorot_normal', false],
        ['lecun_normal', true],
      ],
    );
  });

  it('resolves aliases, positional arguments and defaults', () => {
    assert.equal(model.loss.name, 'cce');
    assert.deepEqual(model.optimizer.params, { lr: 0.1, momentum: 0.9 });
    assert.deepEqual(model.task, { kind: 'multiclass', count: 3, span: model.task!.span });
    assert.deepEqual(model.regularize && [model.regularize.kind, model.regularize.amount], ['l2', 0.0001]);
    assert.equal((model.dense[0] as DenseInfo).activation?.params.alpha, -0.1);
    assert.equal(model.dense[3].activation?.params.approximate, 'tanh');
  });

  it('resolves train settings and the csv target', () => {
    const train = semantic.trains[0];
    assert.equal(train.model, model);
    assert.deepEqual(
      [train.epochs, train.batch, train.validation, train.seed, train.normalize, train.lr],
      [10, 16, 0.25, 0, false, 1e-3],
    );
    assert.deepEqual(
      [train.data?.name, train.data?.path, train.data?.targets],
      ['csv', 'data/iris "v2".csv', ['species']],
    );
  });

  it('defaults: auto init by activation family, loss from the task, adam(lr: 0.001)', () => {
    const { semantic: s } = analyze(
      'model m {\n task binary\n input 2\n dense 4 relu\n dense 4 selu\n dense 4 tanh\n dense 1 sigmoid\n}\n',
    );
    const m = s.models[0];
    assert.deepEqual(
      m.dense.map((d) => d.init.name),
      ['he_normal', 'lecun_normal', 'glorot_uniform', 'glorot_uniform'],
    );
    assert.equal(m.loss.name, 'bce');
    assert.equal(m.loss.explicit, false);
    assert.deepEqual([m.optimizer.name, m.optimizer.params.lr], ['adam', 0.001]);
  });

  it('counts PReLU slopes as parameters', () => {
    const { semantic: s } = analyze('model m {\n input 3\n dense 5 prelu\n dense 1\n}\n');
    assert.equal(s.models[0].dense[0].params, 3 * 5 + 5 + 5);
  });
});
