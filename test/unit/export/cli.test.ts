import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../../server/src/analysis';
import { loadJsonExport, runWeightsPath, toJsonExport } from '../../../server/src/export';
import { initialWeights } from '../../../server/src/export/plan';
import { specFromModel } from '../../../server/src/train/fromModel';
import { runNn } from '../../support/cli';

const TWO_MODELS = `model small {
  task binary
  input 2
  hidden: dense 4 tanh
  out: dense 1 sigmoid
  loss bce
}

train small {
  data xor(points: 100)
  epochs 3
  seed 4
}

model other {
  input 2
  dense 1
}
`;

const nn = runNn;

describe('nn export', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nn-export-cli-'));
    file = path.join(dir, 'small.nn');
    writeFileSync(file, TWO_MODELS);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('trains with the train block when there is no saved run, and says so', async () => {
    const result = await nn('export', file, '--to', 'json', '--weights');
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /no saved run for 'small', so it was trained now with its train block \(3 epochs on 'xor', seed 4\)/);
    assert.match(result.out, /exported the first model, 'small' \(the file also defines 'other'/);
    const loaded = loadJsonExport(readFileSync(path.join(dir, 'small.json'), 'utf8'));
    assert.ok(loaded.weights?.normalization, 'weights with the standardization of the run');
    assert.equal(loaded.settings?.epochs, 3);
  });

  it('uses the saved run in .nn-runs when its architecture matches', async () => {
    const spec = specFromModel(analyze(TWO_MODELS).semantic.models[0]);
    const saved = initialWeights(spec, 99);
    const savedPath = runWeightsPath(file, 'small');
    mkdirSync(path.dirname(savedPath), { recursive: true });
    writeFileSync(savedPath, toJsonExport(spec, saved));
    const result = await nn('export', file, '--to', 'json', '--weights', '--model', 'small');
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /weights: the saved run .*small\.weights\.json/);
    assert.deepEqual(loadJsonExport(readFileSync(path.join(dir, 'small.json'), 'utf8')).weights, saved);
  });

  it('trains again when the saved run belongs to an earlier version of the model', async () => {
    const older = specFromModel(analyze(TWO_MODELS.replace('dense 4 tanh', 'dense 5 tanh')).semantic.models[0]);
    const savedPath = runWeightsPath(file, 'small');
    mkdirSync(path.dirname(savedPath), { recursive: true });
    writeFileSync(savedPath, toJsonExport(older, initialWeights(older)));
    const result = await nn('export', file, '--to', 'onnx', '--weights');
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /belongs to an earlier version of the model, so it was trained now/);
    assert.ok(existsSync(path.join(dir, 'small.onnx')));
  });

  it('names the files after --out: a PyTorch module and its weights file', async () => {
    const result = await nn('export', file, '--to', 'pytorch', '--weights', '--out', path.join(dir, 'build', 'net.py'));
    assert.equal(result.code, 0, result.err);
    const source = readFileSync(path.join(dir, 'build', 'net.py'), 'utf8');
    assert.match(source, /self\.hidden = nn\.Linear\(2, 4\)/);
    assert.match(source, /"net\.weights\.json"/);
    assert.ok(loadJsonExport(readFileSync(path.join(dir, 'build', 'net.weights.json'), 'utf8')).weights);
  });

  it('exports the architecture only without --weights', async () => {
    const result = await nn('export', file, '--to', 'json', '--model', 'other', '--out', `${dir}/`);
    assert.equal(result.code, 0, result.err);
    assert.equal(loadJsonExport(readFileSync(path.join(dir, 'other.json'), 'utf8')).weights, undefined);
    assert.match(result.out, /note: architecture only/);
  });

  it('asks for a train block when weights are wanted and there is none', async () => {
    const result = await nn('export', file, '--to', 'onnx', '--weights', '--model', 'other');
    assert.equal(result.code, 1);
    assert.match(result.err, /no saved run for 'other', and the file has no train block/);
  });

  it('refuses a model with an error, naming the line', async () => {
    writeFileSync(file, TWO_MODELS.replace('dense 4 tanh', 'dense 4 rleu'));
    const result = await nn('export', file, '--to', 'pytorch');
    assert.equal(result.code, 1);
    assert.match(result.err, /model 'small' has an error \(line 4: unknown activation 'rleu'/);
  });

  const usage: [string[], RegExp][] = [
    [['--to', 'keras'], /unknown target 'keras' — use one of pytorch, onnx, json/],
    [[], /choose a target with --to/],
    [['--to'], /--to needs a target/],
    [['--to', 'json', '--frobnicate'], /unknown option '--frobnicate'/],
  ];
  for (const [args, message] of usage) {
    it(`reports a usage error for ${args.join(' ') || 'no target'}`, async () => {
      const result = await nn('export', file, ...args);
      assert.equal(result.code, 2);
      assert.match(result.err, message);
    });
  }

  it('reports an unknown model by name', async () => {
    const result = await nn('export', file, '--to', 'json', '--model', 'nope');
    assert.equal(result.code, 1);
    assert.match(result.err, /no model named 'nope' in this file \(it defines 'small', 'other'\)/);
  });
});
