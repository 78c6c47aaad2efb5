/**
 * The command line of the PyTorch trainer: `nn export --with-trainer` writes the folder, and
 * `nn train --backend torch` (one process, and 2 local ranks) reports and saves like the engine backend,
 * or says how to install PyTorch and exits 1.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadJsonExport, runWeightsPath } from '../../../server/src/export';
import { runNn } from '../../support/cli';
import { PYTHON, pythonModuleMissing, skipForMissing } from './runtimes';

const XOR = [
  'model xor {',
  '  task binary',
  '  input 2',
  '  h: dense 8 tanh',
  '  out: dense 1 sigmoid',
  '  loss bce',
  '  optimizer adam(lr: 0.02)',
  '}',
  'train xor {',
  '  data xor(points: 200)',
  '  epochs 8',
  '  batch 16',
  '  validation 0.2',
  '  seed 2',
  '}',
  '',
].join('\n');

/** Runs `run` with NN_PYTHON set to `python` (the CLI runs in this process). */
async function withPython<T>(python: string, run: () => Promise<T>): Promise<T> {
  const before = process.env.NN_PYTHON;
  process.env.NN_PYTHON = python;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.NN_PYTHON;
    else process.env.NN_PYTHON = before;
  }
}

describe('cli: PyTorch trainer', function () {
  this.timeout(300_000);
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nn-trainer-cli-'));
    file = path.join(dir, 'xor.nn');
    writeFileSync(file, XOR);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('nn export --with-trainer writes model.py, train.py, the data, the initial weights and a README', async () => {
    const out = path.join(dir, 'torch');
    mkdirSync(out);
    const result = await runNn('export', file, '--to', 'pytorch', '--with-trainer', '--out', out);
    assert.equal(result.code, 0, result.err);
    for (const name of ['model.py', 'train.py', 'data.csv', 'initial_weights.json', 'README.md'])
      assert.ok(existsSync(path.join(out, name)), name);
    assert.equal(readFileSync(path.join(out, 'data.csv'), 'utf8').trim().split('\n').length, 201);
    assert.ok(loadJsonExport(readFileSync(path.join(out, 'initial_weights.json'), 'utf8')).weights);
    const again = await runNn('export', file, '--to', 'pytorch', '--with-trainer', '--out', out);
    assert.equal(again.code, 1);
    assert.match(again.err, /already exists; add --force/);
  });

  it('--with-trainer needs --to pytorch and --out', async () => {
    assert.match(
      (await runNn('export', file, '--to', 'onnx', '--with-trainer', '--out', dir)).err,
      /use it with --to pytorch/,
    );
    assert.match((await runNn('export', file, '--to', 'pytorch', '--with-trainer')).err, /needs --out DIR/);
  });

  it('nn train --backend torch without PyTorch says how to install it and exits 1', async () => {
    const result = await withPython(path.join(dir, 'no-python'), () => runNn('train', file, '--backend', 'torch'));
    assert.equal(result.code, 1);
    assert.match(result.err, /needs PyTorch: .*install PyTorch \(pip install torch/);
  });

  for (const nproc of ['1', '2']) {
    it(`nn train --backend torch --nproc ${nproc} reports like the engine and saves the run`, async function () {
      const missing = pythonModuleMissing('torch');
      if (missing) skipForMissing(this, 'nn train --backend torch', missing);
      const result = await withPython(PYTHON, () =>
        runNn('train', file, '--backend', 'torch', '--nproc', nproc, '--json'),
      );
      assert.equal(result.code, 0, result.err);
      const lines = result.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.deepEqual(
        lines.slice(0, -1).map((l) => l.epoch),
        [1, 2, 3, 4, 5, 6, 7, 8],
      );
      const finished = lines[lines.length - 1];
      assert.equal(finished.type, 'finished');
      assert.equal(finished.reason, 'completed');
      assert.deepEqual(finished.classes, ['0', '1']);
      const saved = loadJsonExport(readFileSync(runWeightsPath(file, 'xor'), 'utf8'));
      assert.equal(saved.weights?.dense.length, 2);
    });
  }
});
