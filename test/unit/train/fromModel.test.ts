/** From a .nn file to the engine's specs, and the `nn train` command end to end. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../../server/src/analysis';
import { datasetRequestFromTrain, settingsFromTrain, specFromModel } from '../../../server/src/train/fromModel';
import { predict } from '../../../server/src/train/predict';
import { trainSync } from '../../../server/src/train/trainer';
import { runNn } from '../../support/cli';

const SOURCE = `
model net {
  task multiclass(3)
  input 4
  dense 8
  activation prelu
  dropout 0.1
  mid: dense 6 maxout(pieces: 3)
  out: dense 3 softmax
  loss cce
  optimizer sgd(lr: 0.05, momentum: 0.9)
  regularize l2(0.0001)
}
train net {
  data iris
  epochs 40
  batch 16
  seed 4
  lr 0.02
}
`;

describe('specFromModel and friends', () => {
  const analysis = analyze(SOURCE);
  const train = analysis.semantic.trains[0];
  const model = train.model!;

  it('turns a model into a network spec, merging a directly following activation layer', () => {
    const spec = specFromModel(model);
    assert.equal(spec.input, 4);
    assert.deepEqual(
      spec.layers.map((l) => l.kind),
      ['dense', 'dropout', 'dense', 'dense'],
    );
    const [first, , mid, out] = spec.layers;
    assert.ok(first.kind === 'dense' && first.activation?.name === 'prelu' && first.init === 'he_normal');
    assert.ok(mid.kind === 'dense' && mid.name === 'mid' && mid.activation?.params.pieces === 3);
    assert.ok(out.kind === 'dense' && out.activation?.name === 'softmax' && out.sourceIndex === 4);
    assert.deepEqual(spec.task, { kind: 'multiclass', count: 3 });
    assert.equal(spec.optimizer.name, 'sgd');
    assert.deepEqual(spec.regularize, { kind: 'l2', amount: 0.0001 });
  });

  it('reads the run settings and data request, with overrides', () => {
    assert.deepEqual(settingsFromTrain(train), {
      epochs: 40,
      batch: 16,
      validation: 0.2,
      seed: 4,
      normalize: true,
      lr: 0.02,
    });
    assert.equal(settingsFromTrain(train, { epochs: 3, seed: undefined }).epochs, 3);
    assert.deepEqual(datasetRequestFromTrain(train), { name: 'iris', params: {} });
  });

  it('trains it, and predict reproduces the trained network on raw inputs', () => {
    const spec = specFromModel(model);
    const { finished, trainer } = trainSync({
      runId: 'm',
      spec,
      settings: settingsFromTrain(train),
      data: datasetRequestFromTrain(train)!,
    });
    assert.ok(finished.final.valMetric >= 0.9, `validation accuracy ${finished.final.valMetric}`);
    const weights = finished.weights!;
    assert.equal(weights.dense[0].slopes?.length, 8);
    assert.equal(weights.dense[1].pieces, 3);
    assert.equal(weights.dense[1].W.length, 3 * 6 * 8);
    const rows = [
      [5.1, 3.5, 1.4, 0.2],
      [6.7, 3.0, 5.2, 2.3],
    ];
    const probabilities = predict(spec, weights, rows);
    assert.ok(probabilities.every((p) => Math.abs(p.reduce((s, v) => s + v, 0) - 1) < 1e-5));
    assert.equal(probabilities[0].indexOf(Math.max(...probabilities[0])), 0, 'setosa');
    assert.equal(probabilities[1].indexOf(Math.max(...probabilities[1])), 2, 'virginica');
    assert.deepEqual(trainer.weights(), weights);
  });

  it('refuses a model without input', () => {
    const bad = analyze('model m {\n  dense 1 sigmoid\n}\n').semantic.models[0];
    assert.throws(() => specFromModel(bad), /no 'input' line/);
  });
});

describe('nn train', function () {
  this.timeout(30000);
  const dir = mkdtempSync(join(tmpdir(), 'nn-train-'));

  const capture = (args: string[]) => runNn('train', ...args);

  it('prints one JSON object per epoch and a final summary', async () => {
    const file = join(dir, 'iris.nn');
    writeFileSync(file, SOURCE);
    const { code, out } = await capture([file, '--json', '--epochs', '5', '--seed', '2']);
    assert.equal(code, 0);
    const lines = out.split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.slice(0, 5).map((l) => l.epoch),
      [1, 2, 3, 4, 5],
    );
    assert.equal(lines[5].type, 'finished');
    assert.deepEqual(lines[5].classes, ['setosa', 'versicolor', 'virginica']);
  });

  it('reads a csv inside the workspace, and refuses one outside it', async () => {
    const file = join(dir, 'csv.nn');
    writeFileSync(
      join(dir, 'points.csv'),
      'x,y,label\n' + Array.from({ length: 40 }, (_, i) => `${i % 7},${i % 5},${i % 2 ? 'a' : 'b'}`).join('\n'),
    );
    writeFileSync(
      file,
      'model c {\n  task binary\n  input 2\n  dense 4 relu\n  dense 1 sigmoid\n}\ntrain c {\n  data csv("points.csv", target: "label")\n  epochs 2\n}\n',
    );
    const ok = await capture([file]);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /finished after 2 epochs/);
    writeFileSync(
      file,
      'model c {\n  task binary\n  input 2\n  dense 1 sigmoid\n}\ntrain c {\n  data csv("../../etc/passwd", target: "label")\n}\n',
    );
    const refused = await capture([file]);
    assert.equal(refused.code, 1, 'a data path outside the workspace is an error in the file');
    assert.match(refused.err, /inside the workspace/);
  });

  it('checks csv data against the model before training, with the line of the data statement', async () => {
    const file = join(dir, 'mismatch.nn');
    writeFileSync(
      join(dir, 'three.csv'),
      'x,y,label\n' + Array.from({ length: 30 }, (_, i) => `${i},${i % 4},${['a', 'b', 'c'][i % 3]}`).join('\n'),
    );
    writeFileSync(join(dir, 'broken.csv'), 'x,y,label\n1,2,a\n3,oops,b\n');
    writeFileSync(
      file,
      'model c {\n  task binary\n  input 2\n  dense 1 sigmoid\n}\ntrain c {\n  data csv("three.csv", target: "label")\n}\n',
    );
    const mismatch = await capture([file]);
    assert.equal(mismatch.code, 2);
    assert.match(
      mismatch.err,
      /mismatch\.nn:7:\d+: error data-task: three\.csv is a multiclass dataset with 3 classes, but model 'c' has task binary/,
    );
    writeFileSync(
      file,
      'model c {\n  task binary\n  input 2\n  dense 1 sigmoid\n}\ntrain c {\n  data csv("broken.csv", target: "label")\n}\n',
    );
    const broken = await capture([file]);
    assert.equal(broken.code, 2);
    assert.match(
      broken.err,
      /mismatch\.nn:7:\d+: error data-path: broken\.csv, row 3, column 'y': 'oops' is not a number/,
    );
  });

  it('explains bad arguments and missing blocks', async () => {
    assert.equal((await capture([])).code, 2);
    const badEpochs = await capture([join(dir, 'iris.nn'), '--epochs', 'many']);
    assert.match(badEpochs.err, /--epochs needs a whole number/);
    const file = join(dir, 'none.nn');
    writeFileSync(file, 'model m {\n  input 2\n  dense 1 sigmoid\n}\n');
    assert.match((await capture([file])).err, /no train block/);
    assert.match((await capture([join(dir, 'iris.nn'), '--model', 'other'])).err, /no train block for model 'other'/);
  });
});
