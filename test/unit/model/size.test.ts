/** The size estimate: parameters as the analysis counts them, memory as the engine allocates it, and the run guard. */
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze } from '../../../server/src/analysis';
import { estimateRun, RUN_MEMORY_LIMIT_MB, runShape } from '../../../server/src/model/size';
import { Learner } from '../../../server/src/train/engine/learner';
import { specFromModel } from '../../../server/src/train/fromModel';
import type { NetworkSpec } from '../../../server/src/model/spec';
import { Trainer } from '../../../server/src/train/trainer';

function specOf(body: string, optimizer = 'adam'): NetworkSpec {
  const model = analyze(`model m {\n  task binary\n  input 2\n${body}\n  optimizer ${optimizer}\n}\n`).semantic
    .models[0];
  return specFromModel(model);
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Bytes held by typed arrays, after a full collection so that earlier tests' buffers do not blur the count. */
function arrayBuffers(): number {
  collectGarbage();
  return process.memoryUsage().arrayBuffers;
}

const SETTINGS = { epochs: 1, batch: 32, validation: 0.2, seed: 1, normalize: true };

describe('model size estimate', () => {
  const bodies = [
    '  dense 8 relu\n  dense 1 sigmoid',
    '  dense 16 maxout(pieces: 3)\n  dropout 0.2\n  dense 4 prelu\n  dense 1 sigmoid',
    '  dense 6\n  activation prelu\n  dense 1 sigmoid',
  ];
  for (const body of bodies) {
    it(`counts the parameters the analysis counts: ${body.trim().replace(/\n\s*/g, '; ')}`, () => {
      const model = analyze(`model m {\n  task binary\n  input 2\n${body}\n}\n`).semantic.models[0];
      assert.equal(estimateRun(runShape(specFromModel(model), 32)).parameters, model.totalParams);
    });
  }

  it('counts the optimizer state: two copies for adam, one for rmsprop and sgd with momentum, none for plain sgd', () => {
    const body = '  dense 64 relu\n  dense 1 sigmoid';
    const bytes = (optimizer: string) => estimateRun(runShape(specOf(body, optimizer), 32)).engineBytes;
    const p = estimateRun(runShape(specOf(body), 32)).parameters;
    assert.equal(bytes('adam') - bytes('sgd'), 8 * p);
    assert.equal(bytes('rmsprop') - bytes('sgd'), 4 * p);
    assert.equal(bytes('sgd(momentum: 0.9)') - bytes('sgd'), 4 * p);
  });

  for (const optimizer of ['adam', 'sgd']) {
    it(`matches what the engine's JS path allocates (${optimizer}, within 10%)`, () => {
      const spec = specOf('  dense 1500 relu\n  dense 1500 relu\n  dense 1 sigmoid', optimizer);
      const expected = estimateRun(runShape(spec, 64)).engineBytes;
      const before = arrayBuffers();
      const learner = new Learner(spec, { batch: 64, seed: 1, path: 'js' });
      const allocated = arrayBuffers() - before;
      assert.ok(learner.network.params.length > 0);
      assert.ok(
        Math.abs(allocated - expected) < 0.1 * expected,
        `estimated ${expected} bytes, the engine allocated ${allocated}`,
      );
    });
  }

  it('grows with the batch (activations) and with the rows of a toy data set', () => {
    const spec = specOf('  dense 256 relu\n  dense 1 sigmoid');
    assert.ok(estimateRun(runShape(spec, 4096)).bytes > estimateRun(runShape(spec, 32)).bytes + 4096 * 256 * 4);
    assert.ok(
      estimateRun(runShape(spec, 32, { rows: 1e6 })).bytes > estimateRun(runShape(spec, 32)).bytes + 1e6 * 3 * 12,
    );
  });
});

describe('the engine refuses a run above the budget', () => {
  it('the Trainer throws the model-size message before allocating anything', () => {
    const spec = specOf('  dense 100000 relu\n  dense 100000 relu\n  dense 1 sigmoid');
    const before = arrayBuffers();
    assert.throws(
      () => new Trainer({ runId: 'huge', spec, settings: SETTINGS, data: { name: 'xor', params: {} } }),
      new RegExp(
        `model 'm' is too large to train: 10,000,500,001 parameters and about [\\d,]+ MB .* above the ${RUN_MEMORY_LIMIT_MB.toLocaleString('en-US')} MB`,
      ),
    );
    assert.ok(arrayBuffers() - before < 10 * 2 ** 20);
  });

  it('counts a toy data set’s points: a small model on a billion points is refused before they are generated', () => {
    const spec = specOf('  dense 8 relu\n  dense 1 sigmoid');
    assert.throws(
      () =>
        new Trainer({ runId: 'points', spec, settings: SETTINGS, data: { name: 'spiral', params: { points: 1e9 } } }),
      /too large to train: 33 parameters/,
    );
  });

  it('counts the batch: a wide layer with a huge batch is refused', () => {
    const spec = specOf('  dense 4096 relu\n  dense 1 sigmoid');
    assert.throws(
      () =>
        new Trainer({
          runId: 'batch',
          spec,
          settings: { ...SETTINGS, batch: 1_000_000 },
          data: { name: 'xor', params: {} },
        }),
      /too large to train: .*batch 1000000/,
    );
  });

  it('the static check says the same for a toy data set in the file', () => {
    const text =
      'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 sigmoid\n}\ntrain m {\n  data spiral(points: 1000000000)\n}\n';
    const found = analyze(text).diagnostics.filter((d) => d.code === 'model-size');
    assert.deepEqual(
      found.map((d) => d.severity),
      ['error'],
    );
    assert.match(found[0].message, /33 parameters and about [\d,]+ MB/);
  });
});
