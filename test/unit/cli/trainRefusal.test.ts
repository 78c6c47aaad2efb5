/** `nn train` and `nn export --weights` start no run from a file with errors, nor from a model too large to train. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNn } from '../../support/cli';

const MODEL = 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 sigmoid\n}\n';
const train = (line: string) => `${MODEL}train m {\n  data xor\n  ${line}\n}\n`;
const HUGE =
  'model huge {\n  task binary\n  input 2\n  dense 100000 relu\n  dense 100000 relu\n  dense 1 sigmoid\n}\ntrain huge {\n  data xor\n}\n';

/** Bytes held by ArrayBuffers (typed arrays) and the resident set, now. */
function memory(): { buffers: number; rss: number } {
  const usage = process.memoryUsage();
  return { buffers: usage.arrayBuffers, rss: usage.rss };
}

describe('nn train refuses a file with errors', function () {
  this.timeout(30000);
  const dir = mkdtempSync(join(tmpdir(), 'nn-refuse-'));
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  const cases: [string, string, RegExp][] = [
    ['epochs 0', 'epochs 0', /epochs\.nn:9:10: error param-range: epochs must be ≥ 1, found 0/],
    ['batch 0', 'batch 0', /batch\.nn:9:9: error param-range: the batch size must be ≥ 1, found 0/],
    [
      'validation 1',
      'validation 1',
      /validation\.nn:9:14: error param-range: the validation fraction must be in \[0, 1\), found 1/,
    ],
  ];
  for (const [what, line, listed] of cases) {
    it(`${what}: exits 1 and lists the error as file:line:col, without training`, async () => {
      const file = write(`${what.split(' ')[0]}.nn`, train(line));
      const result = await runNn('train', file, '--no-save');
      assert.equal(result.code, 1, result.err);
      assert.match(result.err, listed);
      assert.match(result.err, /nn train: the file has an error \(line 9: .*\); fix it before training/);
      assert.equal(result.out, '', 'nothing was trained');
    });
  }

  it('lists every error of the file, not only those of the train block', async () => {
    const file = write(
      'two.nn',
      `model m {\n  task binary\n  input 2\n  dense 8 relu\n  dropout 1.5\n  dense 1 sigmoid\n}\ntrain m {\n  data xor\n  epochs 0\n}\n`,
    );
    const result = await runNn('train', file, '--no-save');
    assert.equal(result.code, 1);
    assert.match(result.err, /two\.nn:5:11: error param-range/);
    assert.match(result.err, /two\.nn:10:10: error param-range/);
    assert.match(result.err, /the file has 2 errors/);
  });

  it('still trains a file whose only findings are warnings', async () => {
    const file = write('fine.nn', `${MODEL}train m {\n  data xor\n  epochs 2\n}\n`);
    const result = await runNn('train', file, '--no-save');
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /finished after 2 epochs/);
  });

  it('export --weights trains nothing from a file with errors', async () => {
    const file = write('export.nn', train('epochs 0'));
    const result = await runNn('export', file, '--to', 'json', '--weights', '--out', join(dir, 'out.json'));
    assert.equal(result.code, 1);
    assert.match(result.err, /line 9: epochs must be ≥ 1, found 0/);
  });

  it('export --weights trains nothing when another part of the file has an error', async () => {
    const other = 'model other {\n  task binary\n  input 2\n  dropout 1.5\n  dense 1 sigmoid\n}\n';
    const file = write('exportOther.nn', `${MODEL}${other}train m {\n  data xor\n  epochs 2\n}\n`);
    const result = await runNn(
      'export',
      file,
      '--model',
      'm',
      '--to',
      'json',
      '--weights',
      '--out',
      join(dir, 'other.json'),
    );
    assert.equal(result.code, 1, result.out);
    assert.match(result.err, /cannot be trained now: the file has an error \(line 10: .*dropout/);
  });
});

describe('the size budget', function () {
  this.timeout(30000);
  const dir = mkdtempSync(join(tmpdir(), 'nn-size-'));
  const file = join(dir, 'huge.nn');
  writeFileSync(file, HUGE);

  it('nn check reports model-size as an error with the parameters and the memory', async () => {
    const report = join(dir, 'report.txt');
    const result = await runNn('check', file, '--output', report);
    assert.equal(result.code, 1);
    assert.match(
      readFileSync(report, 'utf8'),
      /huge\.nn:1:7 error model-size model 'huge' is too large to train: 10,000,500,001 parameters and about [\d,]+ MB for a run \(batch 32, adam\), above the 2,048 MB a run may use/,
    );
  });

  it('nn train exits 1 at once with that message, allocating nothing', async () => {
    const before = memory();
    const started = Date.now();
    const result = await runNn('train', file, '--no-save');
    const after = memory();
    assert.equal(result.code, 1, result.err);
    assert.match(
      result.err,
      /huge\.nn:1:7: error model-size: model 'huge' is too large to train: 10,000,500,001 parameters/,
    );
    assert.ok(Date.now() - started < 5000, 'refused quickly');
    assert.ok(
      after.buffers - before.buffers < 50 * 2 ** 20,
      `typed arrays grew by ${after.buffers - before.buffers} bytes`,
    );
    assert.ok(after.rss - before.rss < 200 * 2 ** 20, `the process grew by ${after.rss - before.rss} bytes`);
  });

  it('refuses even when the check is turned off or lowered: the limit is the engine’s, not a setting', async () => {
    const off = join(dir, 'off.nn');
    writeFileSync(off, `# nn-ignore-next-line: model-size\n${HUGE}`);
    const result = await runNn('train', off, '--no-save');
    assert.equal(result.code, 1);
    assert.match(result.err, /off\.nn:2:7: error model-size: model 'huge' is too large to train/);
  });

  it('nn export --weights refuses to train it, whatever the check’s setting', async () => {
    for (const source of [file, join(dir, 'off.nn')]) {
      const before = memory();
      const result = await runNn('export', source, '--to', 'json', '--weights', '--out', join(dir, 'huge.json'));
      assert.equal(result.code, 1);
      assert.match(result.err, /model 'huge' is too large to train: 10,000,500,001 parameters/);
      assert.ok(memory().buffers - before.buffers < 50 * 2 ** 20, 'nothing was allocated');
    }
  });

  it('nn check --settings reads nn.modelSize.* (the warning thresholds)', async () => {
    const small = join(dir, 'small.nn');
    writeFileSync(small, MODEL);
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, '{ "nn.modelSize.warnParameters": 10 }');
    const report = join(dir, 'small.txt');
    assert.equal((await runNn('check', small, '--settings', settings, '--output', report)).code, 0);
    assert.match(
      readFileSync(report, 'utf8'),
      /small\.nn:1:7 warning model-size model 'm' is large: 33 parameters .* the warning starts above 10 parameters or 256 MB/,
    );
  });
});
