/** Toy generators, bundled data, target encoding and the data-task compatibility check. */
import { strict as assert } from 'node:assert';
import { builtinShape, dataTaskFindings, datasetShape, type DataShape } from '../../../server/src/train/data/compat';
import { encodeTargets } from '../../../server/src/train/data/encode';
import { bundledDataset, loadDataset } from '../../../server/src/train/data/load';
import { generateToy, TOY_DATASETS } from '../../../server/src/train/data/toy';

describe('toy datasets', () => {
  const cases: Array<[string, Record<string, number>, number]> = [
    ['xor', {}, 2], ['circle', {}, 2], ['gaussian', {}, 2], ['spiral', {}, 2], ['moons', {}, 2],
    ['blobs', { classes: 4 }, 4], ['spiral', { classes: 3 }, 3],
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
      assert.ok(counts.every((c) => c > 300 / classes / 3), `class counts ${counts}`);
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
      for (let r = 0; r < plane.n; r++) assert.ok(Math.abs(plane.target.values[r] - (plane.x[2 * r] + plane.x[2 * r + 1]) / 12) < 1e-12);
    }
  });

  it('is deterministic by seed, and noise moves the points', () => {
    for (const name of TOY_DATASETS) {
      assert.deepEqual(generateToy(name, { points: 50, noise: 0.2 }, 9), generateToy(name, { points: 50, noise: 0.2 }, 9));
      assert.notDeepEqual(generateToy(name, { points: 50, noise: 0.2 }, 9).x, generateToy(name, { points: 50, noise: 0.2 }, 10).x);
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

describe('data-task compatibility', () => {
  const iris = datasetShape(bundledDataset('iris'));
  const messages = (findings: { message: string }[]) => findings.map((f) => f.message).join(' | ');

  it('is quiet when the data fits', () => {
    assert.deepEqual(dataTaskFindings({ input: 4, outputUnits: 3, task: { kind: 'multiclass', count: 3 } }, iris), []);
    assert.deepEqual(dataTaskFindings({ input: 2, outputUnits: 1, task: { kind: 'binary' } }, builtinShape('spiral', {}) as DataShape), []);
    assert.deepEqual(dataTaskFindings({ input: 2, outputUnits: 1, task: { kind: 'regression' } }, builtinShape('sine', {}) as DataShape), []);
  });
  it('flags a width that differs from input', () => {
    const f = dataTaskFindings({ input: 2, outputUnits: 3, task: { kind: 'multiclass', count: 3 } }, iris);
    assert.equal(f[0].field, 'input');
    assert.equal(f[0].expected, 4);
    assert.match(f[0].message, /4 features per row, but the model's input is 2/);
  });
  it('flags a class count that differs from the output units', () => {
    const f = dataTaskFindings({ input: 4, outputUnits: 2, task: { kind: 'multiclass', count: 3 } }, iris);
    assert.deepEqual(f.map((x) => [x.field, x.expected]), [['units', 3]]);
  });
  it('flags text labels on a regression task', () => {
    const f = dataTaskFindings({ input: 4, outputUnits: 1, task: { kind: 'regression' } }, iris);
    assert.match(messages(f), /class labels \(text\), but the task is regression/);
  });
  it('flags a binary dataset on multiclass(3)', () => {
    const f = dataTaskFindings({ input: 2, outputUnits: 3, task: { kind: 'multiclass', count: 3 } }, builtinShape('circle', {}) as DataShape);
    assert.equal(f[0].field, 'task');
    assert.equal(f[0].expected, 'binary');
  });
  it('flags a multiclass dataset on a binary task, and blobs(classes: 5) on multiclass(3)', () => {
    assert.match(messages(dataTaskFindings({ input: 4, outputUnits: 1, task: { kind: 'binary' } }, iris)), /3 classes, but the task is binary/);
    const f = dataTaskFindings({ input: 2, outputUnits: 3, task: { kind: 'multiclass', count: 3 } }, builtinShape('blobs', { classes: 5 }) as DataShape);
    assert.equal(f[0].expected, 'multiclass(classes: 5)');
  });
  it('flags a real-valued target on a classification task, and one label per row on multilabel', () => {
    assert.match(messages(dataTaskFindings({ input: 2, outputUnits: 1, task: { kind: 'binary' } }, builtinShape('plane', {}) as DataShape)), /real-valued target/);
    assert.match(messages(dataTaskFindings({ input: 4, outputUnits: 3, task: { kind: 'multilabel', count: 3 } }, iris)), /one label per row/);
  });
  it('knows the built-in shapes from the catalog, and nothing for csv', () => {
    assert.deepEqual(builtinShape('digits', {}), { name: 'digits', features: 64, target: { kind: 'classes', count: 10 }, task: 'multiclass' });
    assert.equal(builtinShape('csv', {}), undefined);
  });
});
