/**
 * The panel's fields edit the file: each train setting is replaced where it is written or inserted where the
 * formatter would leave it, with the file's line ends, and a value that would break the file is refused.
 */
import assert from 'node:assert/strict';
import { analyze } from '../../../../server/src/analysis';
import { settingEdits } from '../../../../server/src/features/panel/settingEdits';
import { formatDocument } from '../../../../server/src/features/formatter';
import type { TrainSettingChange } from '../../../../server/src/protocol';
import { applyEdits } from '../../../../server/src/syntax/textEdit';

const MODEL = 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 sigmoid\n}\n';

function edit(text: string, change: TrainSettingChange): string {
  const result = settingEdits(analyze(text), 'm', change);
  if ('error' in result) throw new Error(result.error);
  return applyEdits(text, result.edits);
}

function errors(text: string): string[] {
  return analyze(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message);
}

function assertFormatted(text: string): void {
  const formatted = formatDocument(analyze(text));
  assert.ok('text' in formatted, 'the result can be formatted');
  if ('text' in formatted) assert.equal(formatted.text, text, 'the result is what the formatter writes');
}

describe('panel setting edits', () => {
  const full = `${MODEL}train m {\n  data spiral(points: 400, noise: 0.1)\n  features x1, x2\n  epochs 300\n  batch 32\n  lr 0.01\n  validation 0.2\n  seed 7\n  normalize on\n}\n`;
  const bare = `${MODEL}train m {\n  data xor\n}\n`;
  const cases: { change: TrainSettingChange; replaced: string; inserted: string }[] = [
    { change: { key: 'epochs', value: 50 }, replaced: '  epochs 50\n', inserted: '  data xor\n  epochs 50\n' },
    { change: { key: 'batch', value: 8 }, replaced: '  batch 8\n', inserted: '  data xor\n  batch 8\n' },
    { change: { key: 'lr', value: 0.5 }, replaced: '  lr 0.5\n', inserted: '  data xor\n  lr 0.5\n' },
    { change: { key: 'seed', value: 42 }, replaced: '  seed 42\n', inserted: '  data xor\n  seed 42\n' },
    {
      change: { key: 'validation', value: 0.3 },
      replaced: '  validation 0.3\n',
      inserted: '  data xor\n  validation 0.3\n',
    },
    {
      change: { key: 'normalize', value: false },
      replaced: '  normalize off\n',
      inserted: '  data xor\n  normalize off\n',
    },
    {
      change: { key: 'features', value: ['x1', 'x2'] },
      replaced: '  features x1, x2\n',
      inserted: '  data xor\n  features x1, x2\n',
    },
    {
      change: { key: 'data', value: { name: 'circle', args: { noise: 0.2 } } },
      replaced: '  data circle(points: 400, noise: 0.2)\n',
      inserted: '  data circle(noise: 0.2)\n',
    },
  ];
  for (const { change, replaced, inserted } of cases) {
    it(`replaces the '${change.key}' line where it is written`, () => {
      const after = edit(full, change);
      assert.ok(after.includes(replaced), after);
      assert.equal(after.split('\n').length, full.split('\n').length, 'no line is added');
      assert.deepEqual(errors(after), []);
      assertFormatted(after);
    });
    it(`inserts a '${change.key}' line in its place when there is none`, () => {
      const after = edit(bare, change);
      assert.ok(after.includes(inserted), after);
      assert.deepEqual(errors(after), []);
      assertFormatted(after);
    });
  }

  it('inserts a missing setting after the ones that come before it, and before the ones after it', () => {
    const text = `${MODEL}train m {\n  data xor\n  epochs 10\n  seed 3\n}\n`;
    assert.equal(
      edit(text, { key: 'lr', value: 0.1 }),
      `${MODEL}train m {\n  data xor\n  epochs 10\n  lr 0.1\n  seed 3\n}\n`,
    );
    const noData = `${MODEL}train m {\n  epochs 10\n}\n`;
    assert.equal(
      edit(noData, { key: 'data', value: { name: 'moons', args: {} } }),
      `${MODEL}train m {\n  data moons\n  epochs 10\n}\n`,
    );
  });

  it('writes into an empty train block on one line', () => {
    const after = edit(`${MODEL}train m {}\n`, { key: 'epochs', value: 5 });
    assert.equal(after, `${MODEL}train m {\n  epochs 5\n}\n`);
  });

  it('keeps the file’s CRLF line ends', () => {
    const crlf = bare.replace(/\n/g, '\r\n');
    const after = edit(crlf, { key: 'epochs', value: 5 });
    assert.equal(after, `${MODEL}train m {\n  data xor\n  epochs 5\n}\n`.replace(/\n/g, '\r\n'));
    assert.equal(after.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
  });

  it('keeps the dataset arguments the new dataset also takes', () => {
    const text = `${MODEL}train m {\n  data spiral(points: 200, noise: 0.3)\n}\n`;
    assert.ok(
      edit(text, { key: 'data', value: { name: 'xor', args: { noise: 0.1 } } }).includes(
        'data xor(points: 200, noise: 0.1)',
      ),
    );
  });

  it('writes, replaces and removes the model’s regularize line', () => {
    const text = `model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 sigmoid\n  optimizer adam(lr: 0.01)\n}\ntrain m {\n  data xor\n}\n`;
    const added = edit(text, { key: 'regularize', value: { kind: 'l2', amount: 0.001 } });
    assert.ok(added.includes('  optimizer adam(lr: 0.01)\n  regularize l2(0.001)\n}'), added);
    assertFormatted(added);
    const changed = edit(added, { key: 'regularize', value: { kind: 'l1', amount: 0.01 } });
    assert.ok(changed.includes('  regularize l1(0.01)\n'), changed);
    assert.equal(edit(changed, { key: 'regularize', value: null }), text);
    assert.equal(edit(text, { key: 'regularize', value: null }), text);
  });

  const refused: [TrainSettingChange, RegExp][] = [
    [{ key: 'epochs', value: 0 }, /epochs must be a whole number/],
    [{ key: 'epochs', value: 2.5 }, /whole number/],
    [{ key: 'batch', value: -1 }, /batch must be/],
    [{ key: 'seed', value: -3 }, /seed/],
    [{ key: 'lr', value: 0 }, /learning rate/],
    [{ key: 'lr', value: Number.NaN }, /learning rate/],
    [{ key: 'validation', value: 1 }, /validation/],
    [{ key: 'features', value: ['x1', 'x1'] }, /once/],
    [{ key: 'features', value: ['x3'] }, /unknown feature/],
    [{ key: 'features', value: [] }, /at least one/],
    [{ key: 'data', value: { name: 'iris', args: {} } }, /not a toy dataset/],
    [{ key: 'data', value: { name: 'xor', args: { classes: 3 } } }, /no parameter/],
    [{ key: 'regularize', value: { kind: 'l2', amount: -1 } }, /amount/],
  ];
  for (const [change, message] of refused) {
    it(`refuses ${change.key} ${JSON.stringify(change.value)}`, () => {
      const result = settingEdits(analyze(full), 'm', change);
      assert.ok('error' in result && message.test(result.error), JSON.stringify(result));
    });
  }

  it('refuses a change that would give the file a new error', () => {
    // Three classes do not fit a binary model with one output unit.
    const result = settingEdits(analyze(full), 'm', { key: 'data', value: { name: 'blobs', args: { classes: 3 } } });
    assert.ok('error' in result && /invalid/.test(result.error), JSON.stringify(result));
  });

  it('sets the model’s input to the number of features, as the feature toggles of Playground do', () => {
    const wider = edit(full, { key: 'features', value: ['x1', 'x2', 'x1x2'] });
    assert.ok(wider.includes('  input 3\n'), wider);
    assert.ok(wider.includes('  features x1, x2, x1x2\n'), wider);
    assert.deepEqual(errors(wider), []);
    assertFormatted(wider);
    const narrower = edit(wider, { key: 'features', value: ['x1sq'] });
    assert.ok(narrower.includes('  input 1\n') && narrower.includes('  features x1sq\n'), narrower);
    assert.deepEqual(errors(narrower), []);
    const inserted = edit(bare, { key: 'features', value: ['x1', 'x2', 'x1sq', 'x2sq'] });
    assert.ok(inserted.includes('  input 4\n') && inserted.includes('  data xor\n  features x1, x2, x1sq, x2sq\n'));
    assert.deepEqual(errors(inserted), []);
    assertFormatted(inserted);
  });

  it('writes regularization as the formatter would, for every kind and a range of rates', () => {
    for (const kind of ['l1', 'l2'] as const) {
      for (const amount of [0, 0.0001, 0.003, 1]) {
        const after = edit(full, { key: 'regularize', value: { kind, amount } });
        assert.ok(after.includes(`  dense 1 sigmoid\n  regularize ${kind}(${amount})\n}`), after);
        assert.deepEqual(errors(after), []);
        assertFormatted(after);
      }
    }
  });

  it('needs a train block for the model', () => {
    const result = settingEdits(analyze(MODEL), 'm', { key: 'epochs', value: 5 });
    assert.deepEqual(result, { error: "model 'm' has no train block" });
  });
});
