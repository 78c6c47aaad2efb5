import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exportModel } from '../../../server/src/export';
import { HELPERS } from '../../../server/src/export/pytorch/activations';
import { className } from '../../../server/src/export/pytorch/python';
import { assertClose, enginePrediction, parityCases } from './cases';
import { PYTHON, pythonModuleMissing, runPython, skipForMissing } from './runtimes';

type Outputs = Record<string, { float32: number[][]; float64: number[][] }>;

describe('export: PyTorch', function () {
  let dir: string;
  const modules = new Map<string, { module: string; weights: string }>();

  before(function () {
    dir = mkdtempSync(path.join(tmpdir(), 'nn-export-torch-'));
    for (const c of parityCases()) {
      const result = exportModel(
        'pytorch',
        { spec: c.spec, weights: c.weights, settings: c.settings, sourceName: `${c.id}.nn` },
        c.id,
      );
      for (const file of result.files) writeFileSync(path.join(dir, file.name), file.content);
      modules.set(c.id, { module: path.join(dir, `${c.id}.py`), weights: path.join(dir, `${c.id}.weights.json`) });
    }
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a module and a weights file named after the model', () => {
    const c = parityCases()[0];
    const result = exportModel('pytorch', { spec: c.spec, weights: c.weights });
    assert.deepEqual(
      result.files.map((f) => [f.role, f.name]),
      [
        ['main', `${c.id}.py`],
        ['weights', `${c.id}.weights.json`],
      ],
    );
    const source = String(result.files[0].content);
    assert.match(source, /^class Step\(nn.Module\):/m);
    assert.match(source, /# Training as the .nn file describes it/);
    assert.match(source, /# {5}loss_fn = nn.BCEWithLogitsLoss\(\)/);
    assert.equal(exportModel('pytorch', { spec: c.spec }).files.length, 1, 'no weights file without weights');
  });

  it('renames layers whose labels clash with Python or nn.Module', () => {
    const c = parityCases().find((x) => x.id === 'reserved_labels')!;
    const source = String(exportModel('pytorch', { spec: c.spec, weights: c.weights }).files[0].content);
    assert.match(source, /# in: dense 6 relu\n\s+self\.in_layer = nn\.Linear\(2, 6\)\n\s+self\.in_act = nn\.ReLU\(\)/);
    assert.match(source, /self\.eval_layer = nn\.Softsign\(\)/);
    assert.match(source, /self\.forward_layer = nn\.Linear\(6, 3\)/);
  });

  it('passes python -m py_compile', function () {
    const probe = spawnSync(PYTHON, ['--version'], { encoding: 'utf8' });
    if (probe.error)
      skipForMissing(
        this,
        'py_compile',
        `${PYTHON} cannot run (${probe.error.message}); set NN_PYTHON or install python3`,
      );
    const files = [...modules.values()].map((m) => m.module);
    const run = spawnSync(PYTHON, ['-m', 'py_compile', ...files], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  describe('parity with the engine (100 inputs, within 1e-5)', function () {
    let outputs: Outputs = {};

    before(function () {
      this.timeout(300_000);
      const missing = pythonModuleMissing('torch');
      if (missing) skipForMissing(this, 'PyTorch parity', missing);
      const manifest = {
        cases: parityCases().map((c) => ({
          id: c.id,
          class: className(c.spec.modelName, Object.keys(HELPERS)),
          inputs: c.inputs,
          ...modules.get(c.id),
        })),
      };
      const manifestPath = path.join(dir, 'manifest.json');
      writeFileSync(manifestPath, JSON.stringify(manifest));
      outputs = JSON.parse(runPython(path.join(__dirname, 'torch_parity.py'), [manifestPath])) as Outputs;
    });

    for (const c of parityCases()) {
      it(`${c.id} (${c.activation})`, () => {
        const got = outputs[c.id];
        assert.ok(got, `no output for ${c.id}`);
        assertClose(got.float32, enginePrediction(c, 'float32'), 1e-5, `${c.id} float32`);
        assertClose(got.float64, enginePrediction(c, 'float64'), 1e-9, `${c.id} float64`);
      });
    }
  });
});
