/** Fix all: every preferred fix, taken whole, never two that touch the same text. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis';
import { fixAll } from '../../../server/src/checks';
import { applyEdits, overlaps } from '../../../server/src/syntax/textEdit';

describe('fix all', () => {
  it('applies the preferred fix of each finding and shares identical edits', () => {
    // sigmoid-hidden and saturating-stack both want these layers to become relu.
    const text =
      'model m {\n  task binary\n  input 2\n  dense 8 sigmoid\n  dense 8 sigmoid\n  dense 8 sigmoid\n  dense 1 sigmoid\n  loss mse\n}\n';
    const edits = fixAll(analyze(text));
    const fixed = applyEdits(text, edits);
    assert.equal(fixed, text.replace(/dense 8 sigmoid/g, 'dense 8 relu').replace('loss mse', 'loss bce'));
    for (let i = 1; i < edits.length; i++) assert.ok(!overlaps(edits[i - 1], edits[i]));
  });

  it('leaves out a fix that collides with an earlier one, for the next run', () => {
    // Both codes are unused: removing each one takes the ", " between them, so only the first goes in this run.
    const text =
      'model m {\n  task binary\n  input 2\n  dense 8 relu  # nn-ignore: mixed-hidden, linear-hidden\n  dense 1 sigmoid\n}\n';
    const once = applyEdits(text, fixAll(analyze(text)));
    assert.equal(once, text.replace('mixed-hidden, ', ''));
    const twice = applyEdits(once, fixAll(analyze(once)));
    assert.equal(twice, text.replace('  # nn-ignore: mixed-hidden, linear-hidden', ''));
  });

  it('combines fixes of different findings in one model', () => {
    const text = 'model m {\n  task multiclass(3)\n  input 4\n  dense 8\n  dense 4 sigmoid\n}\n';
    const fixed = applyEdits(text, fixAll(analyze(text)));
    assert.equal(fixed, 'model m {\n  task multiclass(3)\n  input 4\n  dense 8 relu\n  dense 3 softmax\n}\n');
  });

  it('does nothing on a clean file', () => {
    assert.deepEqual(
      fixAll(analyze('model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 sigmoid\n}\n')),
      [],
    );
  });
});
