/** Tasks, losses, optimizers, inits, regularizers, datasets and keywords against language.md §4. */
import * as assert from 'assert';
import {
  DATASETS,
  datasetTask,
  findDataset,
  findInit,
  findOptimizer,
  findTask,
  INITS,
  LOSSES,
  MODEL_KEYWORDS,
  OPTIMIZERS,
  REGULARIZERS,
  resolveParams,
  TASKS,
  TOP_LEVEL_KEYWORDS,
  TRAIN_KEYWORDS,
} from '../../../server/src/catalog';

describe('catalog: tasks, losses, optimizers', () => {
  it('tasks with their default losses and required counts', () => {
    const table = TASKS.map((t) => [
      t.name,
      t.defaultLoss,
      t.params.map((p) => `${p.name}${p.required ? '!' : ''}`).join(),
    ]);
    assert.deepStrictEqual(table, [
      ['regression', 'mse', ''],
      ['binary', 'bce', ''],
      ['multiclass', 'cce', 'classes!'],
      ['multilabel', 'bce', 'labels!'],
    ]);
    assert.strictEqual(findTask('multiclass')!.params[0].type, 'int');
  });

  it('losses, their aliases and the cross-entropy flag', () => {
    const table = LOSSES.map((l) => [l.name, l.aliases.join(), l.crossEntropy]);
    assert.deepStrictEqual(table, [
      ['mse', '', false],
      ['mae', '', false],
      ['huber', '', false],
      ['bce', 'binary_crossentropy', true],
      ['cce', 'categorical_crossentropy', true],
    ]);
    assert.deepStrictEqual(resolveParams(LOSSES[2].params, {}), { delta: 1.0 });
  });

  it('optimizers: defaults and the learning rates that put ReLU units at risk', () => {
    const table = OPTIMIZERS.map((o) => [o.name, resolveParams(o.params, {}), o.highLr]);
    assert.deepStrictEqual(table, [
      ['sgd', { lr: 0.01, momentum: 0 }, 0.1],
      ['adam', { lr: 0.001, beta1: 0.9, beta2: 0.999 }, 0.01],
      ['rmsprop', { lr: 0.001, rho: 0.9 }, 0.01],
    ]);
    for (const o of OPTIMIZERS) assert.ok(o.highLr > (findOptimizer(o.name)!.params[0].default as number));
  });

  it('regularizers take one amount', () => {
    assert.deepStrictEqual(
      REGULARIZERS.map((r) => [r.name, r.params.map((p) => p.name).join()]),
      [
        ['l1', 'amount'],
        ['l2', 'amount'],
      ],
    );
  });
});

describe('catalog: inits', () => {
  const fanIn = 10;
  const fanOut = 5;
  const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-15, `${a} vs ${b}`);

  it('scales follow the standard formulas', () => {
    close(findInit('he_normal')!.scale(fanIn, fanOut), Math.sqrt(2 / fanIn));
    close(findInit('he_uniform')!.scale(fanIn, fanOut), Math.sqrt(6 / fanIn));
    close(findInit('glorot_normal')!.scale(fanIn, fanOut), Math.sqrt(2 / (fanIn + fanOut)));
    close(findInit('glorot_uniform')!.scale(fanIn, fanOut), Math.sqrt(6 / (fanIn + fanOut)));
    close(findInit('lecun_normal')!.scale(fanIn, fanOut), Math.sqrt(1 / fanIn));
    close(findInit('lecun_uniform')!.scale(fanIn, fanOut), Math.sqrt(3 / fanIn));
  });

  it('a uniform init has the same variance as its normal twin (limit = √3·std)', () => {
    for (const family of ['he', 'glorot', 'lecun']) {
      const normal = findInit(`${family}_normal`)!.scale(7, 3);
      const uniform = findInit(`${family}_uniform`)!.scale(7, 3);
      assert.ok(Math.abs(uniform - Math.sqrt(3) * normal) < 1e-15, family);
    }
  });

  it('distributions, and zeros is refused with a reason', () => {
    for (const init of INITS) {
      const expected = init.name === 'zeros' ? 'zeros' : init.name.endsWith('_normal') ? 'normal' : 'uniform';
      assert.strictEqual(init.distribution, expected, init.name);
      assert.strictEqual(init.refused !== undefined, init.name === 'zeros', init.name);
    }
    assert.match(findInit('zeros')!.refused!, /identical/);
  });
});

describe('catalog: datasets', () => {
  const summary = (name: string, params = {}) => {
    const def = findDataset(name)!;
    const resolved = resolveParams(def.params, params);
    return [datasetTask(def, resolved), def.features, def.classes?.(resolved)];
  };

  it('toy sets: tasks, features and outputs', () => {
    for (const name of ['xor', 'circle', 'gaussian', 'moons', 'spiral'])
      assert.deepStrictEqual(summary(name), ['binary', 2, 1], name);
    for (const name of ['plane', 'sine']) assert.deepStrictEqual(summary(name), ['regression', 2, 1], name);
    assert.deepStrictEqual(summary('blobs'), ['multiclass', 2, 3]);
    assert.deepStrictEqual(summary('blobs', { classes: 5 }), ['multiclass', 2, 5]);
    assert.deepStrictEqual(summary('spiral', { classes: 3 }), ['multiclass', 2, 3]);
  });

  it('common toy parameters', () => {
    for (const def of DATASETS.filter((d) => d.kind === 'toy')) {
      const p = resolveParams(def.params, {});
      assert.strictEqual(p.points, 400, def.name);
      assert.strictEqual(p.noise, 0.1, def.name);
    }
  });

  it('bundled sets and csv', () => {
    assert.deepStrictEqual(summary('iris'), ['multiclass', 4, 3]);
    assert.deepStrictEqual(summary('digits'), ['multiclass', 64, 10]);
    const csv = findDataset('csv')!;
    assert.deepStrictEqual(
      csv.params.map((p) => [p.name, p.type, p.required]),
      [
        ['path', 'string', true],
        ['target', 'string', true],
      ],
    );
    assert.strictEqual(datasetTask(csv, {}), undefined);
  });
});

describe('catalog: keywords', () => {
  it('lists every statement keyword once, each with a one-line doc', () => {
    assert.deepStrictEqual(
      TOP_LEVEL_KEYWORDS.map((k) => k.keyword),
      ['model', 'train'],
    );
    assert.deepStrictEqual(
      MODEL_KEYWORDS.map((k) => k.keyword),
      ['task', 'input', 'dense', 'dropout', 'activation', 'loss', 'optimizer', 'init', 'regularize'],
    );
    assert.deepStrictEqual(
      TRAIN_KEYWORDS.map((k) => k.keyword),
      ['data', 'epochs', 'batch', 'validation', 'seed', 'normalize', 'lr', 'features'],
    );
    for (const k of [...TOP_LEVEL_KEYWORDS, ...MODEL_KEYWORDS, ...TRAIN_KEYWORDS]) {
      assert.ok(k.doc.length > 0 && !k.doc.includes('\n'), k.keyword);
      assert.ok(k.syntax.startsWith(k.keyword), k.keyword);
    }
  });
});
