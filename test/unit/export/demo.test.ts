/**
 * `npm run demo` exports the trained spirals model: the demo (without packaging) runs as a user runs it, and every
 * export it leaves holds the weights of the run it saved, not the untrained initial weights.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadJsonExport } from '../../../server/src/export';
import { onnxTypes } from '../../../server/src/export/onnx/schema';
import type { NetworkWeights } from '../../../server/src/model/spec';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
/** The script under test; DEMO_SCRIPT lets one point the test at another version of it. */
const DEMO = process.env.DEMO_SCRIPT ?? join(ROOT, 'scripts', 'demo.mjs');

describe('npm run demo', function () {
  this.timeout(60_000);
  let out = '';
  let saved: NetworkWeights | undefined;

  before(() => {
    if (!existsSync(CLI)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
    const run = spawnSync(process.execPath, [DEMO, '--skip-package'], { cwd: ROOT, encoding: 'utf8', timeout: 50_000 });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    out = /written to (\S+):/.exec(run.stdout)?.[1] ?? '';
    assert.ok(out && existsSync(out), `the demo names its export folder:\n${run.stdout}`);
    const runFile = join(out, '.nn-runs', 'spirals.weights.json');
    assert.ok(existsSync(runFile), 'the demo saves its training run');
    saved = loadJsonExport(readFileSync(runFile, 'utf8')).weights;
  });

  after(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("the JSON and PyTorch exports hold the saved run's weights", () => {
    assert.ok(saved, 'the saved run holds weights');
    assert.deepEqual(loadJsonExport(readFileSync(join(out, 'spirals.json'), 'utf8')).weights, saved);
    assert.deepEqual(loadJsonExport(readFileSync(join(out, 'spirals.weights.json'), 'utf8')).weights, saved);
  });

  it("the ONNX export holds the saved run's weights (as float32) and says it is trained", () => {
    const { ModelProto } = onnxTypes();
    const model = ModelProto.toObject(ModelProto.decode(readFileSync(join(out, 'spirals.onnx')))) as {
      graph: { initializer: { name: string; float_data?: number[] }[] };
      metadata_props: { key: string; value: string }[];
    };
    assert.ok(model.metadata_props.some((p) => p.key === 'nn.trained' && p.value === 'true'));
    for (const layer of saved!.dense) {
      const weight = model.graph.initializer.find((t) => t.name === `${layer.name}.weight`);
      assert.deepEqual(weight?.float_data, layer.W.map(Math.fround), layer.name);
    }
  });
});
