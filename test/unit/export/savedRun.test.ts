/** `nn train` saves a completed run's weights in `.nn-runs/`, and `nn export --weights` reuses them. */
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadJsonExport, runWeightsPath } from '../../../server/src/export';
import { initialWeights } from '../../../server/src/export/plan';
import { EXAMPLES_FOLDER } from './cases';
import { runNn } from '../../support/cli';

const nn = runNn;

describe('saved runs: nn train then nn export --weights', function () {
  this.timeout(60_000);
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nn-saved-run-'));
    file = path.join(dir, 'xor.nn');
    copyFileSync(path.join(EXAMPLES_FOLDER, 'xor.nn'), file);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('saves the weights of a completed run, says where, and the export reuses exactly them', async () => {
    const trained = await nn('train', file, '--epochs', '4');
    assert.equal(trained.code, 0, trained.err);
    const savedPath = runWeightsPath(file, 'xor');
    assert.match(trained.out, new RegExp(`weights saved to ${savedPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const saved = loadJsonExport(readFileSync(savedPath, 'utf8'));
    assert.ok(saved.weights, 'the saved run holds weights');
    assert.equal(saved.settings?.epochs, 4, 'the settings of the run, with its --epochs');
    assert.equal(saved.settings?.seed, 5);

    const exported = await nn('export', file, '--to', 'json', '--weights');
    assert.equal(exported.code, 0, exported.err);
    assert.match(exported.out, /weights: the saved run .*\.nn-runs[\\/]xor\.weights\.json/);
    assert.doesNotMatch(exported.out, /trained now/);
    const json = loadJsonExport(readFileSync(path.join(dir, 'xor.json'), 'utf8'));
    assert.deepEqual(json.weights, saved.weights);
    assert.deepEqual(json.settings, saved.settings);

    // The run's trained weights, not the initial ones the run started from.
    assert.notDeepEqual(
      saved.weights.dense.map((d) => d.W),
      initialWeights(saved.spec, 5).dense.map((d) => d.W),
    );
  });

  it('puts the saved file in the final JSON object with --json', async () => {
    const trained = await nn('train', file, '--epochs', '2', '--json');
    assert.equal(trained.code, 0, trained.err);
    const lines = trained.out.split('\n').map((line) => JSON.parse(line));
    assert.equal(lines.at(-1).type, 'finished');
    assert.equal(lines.at(-1).savedWeights, runWeightsPath(file, 'xor'));
    assert.ok(existsSync(runWeightsPath(file, 'xor')));
  });

  it('saves nothing with --no-save, so the export trains', async () => {
    const trained = await nn('train', file, '--epochs', '2', '--no-save');
    assert.equal(trained.code, 0, trained.err);
    assert.doesNotMatch(trained.out, /weights saved/);
    assert.ok(!existsSync(path.join(dir, '.nn-runs')), 'no .nn-runs folder');
    const exported = await nn('export', file, '--to', 'json', '--weights');
    assert.equal(exported.code, 0, exported.err);
    assert.match(exported.out, /no saved run for 'xor', so it was trained now/);
  });
});
