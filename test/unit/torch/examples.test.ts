/**
 * Every example in examples/ trains with `nn train --backend torch`, in one process and with 2 local ranks
 * (a gloo process group on CPU). Two epochs each keep the suite short; the parity tests check the numbers.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { runNn } from '../../support/cli';
import { PYTHON, pythonModuleMissing, skipForMissing } from '../export/runtimes';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');
const EPOCHS = 2;

describe('examples train with the PyTorch backend', function () {
  this.timeout(300_000);
  let saved: string | undefined;

  before(function () {
    const missing = pythonModuleMissing('torch');
    if (missing) skipForMissing(this, 'nn train --backend torch on the examples', missing);
    saved = process.env.NN_PYTHON;
    process.env.NN_PYTHON = PYTHON;
  });

  after(() => {
    if (saved === undefined) delete process.env.NN_PYTHON;
    else process.env.NN_PYTHON = saved;
  });

  for (const name of readdirSync(EXAMPLES).filter((f) => f.endsWith('.nn'))) {
    for (const nproc of ['1', '2']) {
      it(`${name} with --nproc ${nproc}`, async () => {
        const file = path.join(EXAMPLES, name);
        const args = ['--backend', 'torch', '--nproc', nproc, '--epochs', String(EPOCHS), '--json', '--no-save'];
        const result = await runNn('train', file, ...args);
        if (name.startsWith('flawed')) {
          // The example of what the checks catch: refused before any training, as the engine backend refuses it.
          assert.equal(result.code, 1, result.err);
          assert.match(result.err, /fix it before training/);
          return;
        }
        assert.equal(result.code, 0, result.err);
        const lines = result.out
          .trim()
          .split('\n')
          .map(
            (l) => JSON.parse(l) as { type: string; epoch?: number; reason?: string; final?: { trainLoss: number } },
          );
        assert.deepEqual(
          lines.filter((l) => l.type === 'epoch').map((l) => l.epoch),
          [1, 2],
        );
        const finished = lines[lines.length - 1];
        assert.equal(finished.type, 'finished');
        assert.equal(finished.reason, 'completed');
        assert.ok(Number.isFinite(finished.final?.trainLoss), JSON.stringify(finished.final));
      });
    }
  }
});
