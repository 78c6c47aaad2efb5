/** Toy generators, bundled data, target encoding, and the data-task check on built-in and CSV data. */
import { strict as assert } from 'node:assert';
import { analyze } from '../../../server/src/analysis';
import { builtinDatasetFacts, csvDatasetFacts, dataTaskProblems } from '../../../server/src/checks';
import type { Diagnostic } from '../../../server/src/diagnostic';
import { encodeTargets } from '../../../server/src/train/data/encode';
import { bundledDataset, loadDataset } from '../../../server/src/train/data/load';
import { generateToy, TOY_DATASETS } from '../../../server/src/train/data/toy';

describe('toy datasets', () => {
  const cases: Array<[string, Record<string, number>, number]> = [
    ['xor', {}, 2],
    ['circle', {}, 2],
    ['gaussian', {}, 2],
    ['spiral', {}, 2],
    ['moons', {}, 2],
    ['blobs', { classes: 4 }, 4],
    ['spiral', { classes: 3 }, 3],
  ];
  for (const [name, extra, classes] of cases) {
    it(`${name}${extra.classes ? `(classes: ${extra.classes})` : ''} has the requested points and ${classes} balanced-enough classes`, () => {
      const d = generateToy(name, { points: 300, noise: 0.1, ...extra }, 1);
      assert.equal(d.n, 300);
      assert.equal(d.features, 2);
      assert.ok(d.target.kind === 'classes');
      if (d.target.kind !== 'classes') return;
      assert.equal(d.target.classes.length, classes);
      const counts = new Array(classes).fill(0);
      for (const l of d.target.labels) counts[l]++;
      assert.ok(
        counts.every((c) => c > 300 / classes / 3),
        `class counts ${counts}`,
      );
      assert.ok(Array.from(d.x).every((v) => Math.abs(v) < 12));
    });
  }

  it('plane and sine are regression targets', () => {
    for (const name of ['plane', 'sine']) {
      const d = generateToy(name, { points: 100, noise: 0 }, 1);
      assert.ok(d.target.kind === 'numeric' && d.target.width === 1);
    }
    const plane = generateToy('plane', { points: 50, noise: 0 }, 2);
    if (plane.target.kind === 'numeric') {
      for (let r = 0; r < plane.n; r++)
        assert.ok(Math.abs(plane.target.values[r] - (plane.x[2 * r] + plane.x[2 * r + 1]) / 12) < 1e-12);
    }
  });

  it('is deterministic by seed, and noise moves the points', () => {
    for (const name of TOY_DATASETS) {
      assert.deepEqual(
        generateToy(name, { points: 50, noise: 0.2 }, 9),
        generateToy(name, { points: 50, noise: 0.2 }, 9),
      );
      assert.notDeepEqual(
        generateToy(name, { points: 50, noise: 0.2 }, 9).x,
        generateToy(name, { points: 50, noise: 0.2 }, 10).x,
      );
    }
    const clean = generateToy('spiral', { points: 100, noise: 0 }, 1).x;
    const noisy = generateToy('spiral', { points: 100, noise: 0.5 }, 1).x;
    assert.notDeepEqual(clean, noisy);
  });

  it('uses the defaults of language.md when points and noise are left out', () => {
    assert.equal(loadDataset({ name: 'circle', params: {} }, 1).n, 400);
  });
});

describe('bundled datasets', () => {
  it('iris has 150 rows, 4 features and 3 species', () => {
    const d = bundledDataset('iris');
    assert.equal(d.n, 150);
    assert.equal(d.features, 4);
    assert.ok(d.target.kind === 'classes');
    if (d.target.kind === 'classes') assert.deepEqual(d.target.classes, ['setosa', 'versicolor', 'virginica']);
  });
  it('digits has 1797 rows, 64 pixel features in 0–16 and 10 classes', () => {
    const d = bundledDataset('digits');
    assert.equal(d.n, 1797);
    assert.equal(d.features, 64);
    assert.ok(Array.from(d.x).every((v) => v >= 0 && v <= 16));
    assert.ok(d.target.kind === 'classes' && d.target.classes.length === 10);
  });
});

describe('target encoding', () => {
  const iris = bundledDataset('iris');
  it('one-hot for a softmax over every class', () => {
    const e = encodeTargets(iris, 3, 'multiclass', 'cce');
    assert.equal(e.metric, 'argmax');
    assert.deepEqual(Array.from(e.values.slice(0, 3)), [1, 0, 0]);
  });
  it('0/1 for a single binary output', () => {
    const e = encodeTargets(generateToy('xor', { points: 10, noise: 0 }, 1), 1, 'binary', 'bce');
    assert.equal(e.metric, 'binary');
    assert.ok(Array.from(e.values).every((v) => v === 0 || v === 1));
  });
  it('refuses a unit count that does not fit the classes', () => {
    assert.throws(() => encodeTargets(iris, 1, 'multiclass', 'cce'), /3 classes, but the output layer has 1 unit/);
    assert.throws(() => encodeTargets(iris, 4, 'multiclass', 'cce'), /3 classes, but the output layer has 4 units/);
    assert.throws(() => encodeTargets(iris, 3, 'regression', 'mse'), /class labels, but the task is regression/);
  });
});

describe('data-task: does the data fit the model', () => {
  /** A one-hidden-layer model and its train block, analysed as text. */
  function source(task: string | undefined, input: number, units: number, activation: string, data: string): string {
    return `model m {\n${task ? `  task ${task}\n` : ''}  input ${input}\n  dense 8 relu\n  dense ${units} ${activation}\n}\ntrain m {\n  data ${data}\n}\n`;
  }
  function findings(
    task: string | undefined,
    input: number,
    units: number,
    activation: string,
    data: string,
  ): Diagnostic[] {
    return analyze(source(task, input, units, activation, data)).diagnostics.filter((d) => d.code === 'data-task');
  }
  /** What each finding is about and the value its fix writes. */
  const fixes = (found: Diagnostic[]) => found.map((d) => [d.data?.problem, d.data?.newText]);

  it('is quiet when the data fits', () => {
    assert.deepEqual(findings('multiclass(3)', 4, 3, 'softmax', 'iris'), []);
    assert.deepEqual(findings('binary', 2, 1, 'sigmoid', 'spiral'), []);
    assert.deepEqual(findings('regression', 2, 1, '', 'sine'), []);
  });
  it('flags a width that differs from input', () => {
    const found = findings('multiclass(3)', 2, 3, 'softmax', 'iris');
    assert.deepEqual(fixes(found), [['width', '4']]);
    assert.match(found[0].message, /4 features, but model 'm' takes input 2/);
  });
  it('flags a class count that differs from the output units (no task line)', () => {
    assert.deepEqual(fixes(findings(undefined, 4, 2, 'softmax', 'iris')), [['units', '3']]);
  });
  it('flags text labels on a regression task once the CSV is read', () => {
    const train = analyze(source('regression', 4, 1, '', 'csv("iris.csv", target: "species")')).semantic.trains[0];
    const found = dataTaskProblems(train, csvDatasetFacts(bundledDataset('iris')));
    assert.match(
      found.map((d) => d.message).join(' | '),
      /text labels \(classes\) as its target, but model 'm' has task regression/,
    );
  });
  it('flags a binary dataset on multiclass(3)', () => {
    assert.deepEqual(fixes(findings('multiclass(3)', 2, 3, 'softmax', 'circle')), [['task', 'binary']]);
  });
  it('flags a multiclass dataset on a binary task, and blobs(classes: 5) on multiclass(3)', () => {
    assert.match(
      findings('binary', 4, 1, 'sigmoid', 'iris')
        .map((d) => d.message)
        .join(' | '),
      /multiclass dataset with 3 classes, but model 'm' has task binary/,
    );
    assert.deepEqual(fixes(findings('multiclass(3)', 2, 3, 'softmax', 'blobs(classes: 5)')), [
      ['task', 'multiclass(5)'],
    ]);
  });
  it('flags a regression dataset on a classification task, and single-label data on multilabel', () => {
    assert.deepEqual(fixes(findings('binary', 2, 1, 'sigmoid', 'plane')), [['task', 'regression']]);
    assert.deepEqual(fixes(findings('multilabel(3)', 4, 3, 'sigmoid', 'iris')), [['task', 'multiclass(3)']]);
  });
  it('knows the built-in datasets from the catalog, and nothing for csv', () => {
    const at = { start: 0, end: 0 };
    assert.deepEqual(builtinDatasetFacts({ name: 'digits', params: {}, span: at }), {
      label: 'digits',
      features: 64,
      task: 'multiclass',
      classes: 10,
    });
    assert.equal(builtinDatasetFacts({ name: 'csv', params: {}, span: at }), undefined);
  });
});
