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
    assert.match(
      result.out,
      /no saved run for 'small', so it was trained now with its train block \(3 epochs on 'xor', seed 4\)/,
    );
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
    mkdirSync(path.join(dir, 'build'));
    const result = await nn('export', file, '--to', 'pytorch', '--weights', '--out', path.join(dir, 'build', 'net.py'));
    assert.equal(result.code, 0, result.err);
    const source = readFileSync(path.join(dir, 'build', 'net.py'), 'utf8');
    assert.match(source, /self\.hidden = nn\.Linear\(2, 4\)/);
    assert.match(source, /"net\.weights\.json"/);
    assert.ok(loadJsonExport(readFileSync(path.join(dir, 'build', 'net.weights.json'), 'utf8')).weights);
  });

  it('refuses to replace a file named by --out unless --force is given', async () => {
    const target = path.join(dir, 'net.py');
    writeFileSync(target, 'keep me\n');
    const refused = await nn('export', file, '--to', 'pytorch', '--out', target);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /net\.py' already exists; add --force to replace it/);
    assert.equal(readFileSync(target, 'utf8'), 'keep me\n');
    const forced = await nn('export', file, '--to', 'pytorch', '--out', target, '--force');
    assert.equal(forced.code, 0, forced.err);
    assert.match(readFileSync(target, 'utf8'), /class Small\(nn\.Module\)/);
  });

  it('refuses when the weights file that goes with --out exists', async () => {
    writeFileSync(path.join(dir, 'net.weights.json'), '{}');
    const refused = await nn('export', file, '--to', 'pytorch', '--weights', '--out', path.join(dir, 'net.py'));
    assert.equal(refused.code, 1);
    assert.match(refused.err, /net\.weights\.json' already exists; add --force/);
    assert.ok(!existsSync(path.join(dir, 'net.py')), 'nothing written');
  });

  for (const out of ['missing/net.py', 'missing/', 'missing/deeper/net.onnx']) {
    it(`refuses --out ${out}: it creates no folders`, async () => {
      const result = await nn(
        'export',
        file,
        '--to',
        out.endsWith('.onnx') ? 'onnx' : 'pytorch',
        '--out',
        path.join(dir, out),
      );
      assert.equal(result.code, 1);
      assert.match(result.err, /the folder '.*missing.*' does not exist; create it first/);
      assert.ok(!existsSync(path.join(dir, 'missing')), 'no folder created');
    });
  }

  it('refuses --out below a file', async () => {
    const result = await nn('export', file, '--to', 'json', '--out', path.join(file, 'net.json'));
    assert.equal(result.code, 1);
    assert.match(result.err, /small\.nn' is not a folder/);
  });

  it('without --out writes next to the .nn file and says where', async () => {
    const first = await nn('export', file, '--to', 'json');
    assert.equal(first.code, 0, first.err);
    assert.ok(
      first.out.includes(`wrote ${path.join(dir, 'small.json')} (next to the .nn file; --out chooses another place)`),
      first.out,
    );
    const again = await nn('export', file, '--to', 'json');
    assert.equal(again.code, 0, again.err);
    assert.ok(
      again.out.includes(`wrote ${path.join(dir, 'small.json')} (replacing the earlier export; next to the .nn file`),
      again.out,
    );
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
    assert.match(result.err, /no model named 'nope' in this file \(it has 'small', 'other'\)/);
  });
});
