/** The text-edit helpers the fixes are built from. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis';
import { removeStatement } from '../../../server/src/checks/edits';
import { applyEdits, insert, overlaps, replace } from '../../../server/src/syntax/textEdit';

describe('text edits', () => {
  it('applies edits against the original offsets, in any order', () => {
    assert.equal(
      applyEdits('abcdef', [replace({ start: 4, end: 5 }, 'E'), insert(0, '>'), replace({ start: 1, end: 3 }, '')]),
      '>adEf',
    );
  });

  it('refuses overlapping edits', () => {
    assert.throws(
      () => applyEdits('abcdef', [replace({ start: 1, end: 3 }, 'x'), replace({ start: 2, end: 4 }, 'y')]),
      /overlapping/,
    );
  });

  it('counts two inserts at one offset as overlapping, but not an insert at the edge of a replacement', () => {
    assert.ok(overlaps(insert(2, 'a'), insert(2, 'b')));
    assert.ok(!overlaps(insert(2, 'a'), replace({ start: 2, end: 4 }, 'b')));
    assert.ok(overlaps(insert(3, 'a'), replace({ start: 2, end: 4 }, 'b')));
  });

  it('removes a statement with its line, or only itself when it shares the line', () => {
    const text = 'model m {\n  dropout 0.1  # why\n  input 2; dropout 0.2; dense 1\n}\n';
    const analysis = analyze(text);
    const own = text.indexOf('dropout 0.1');
    assert.equal(
      applyEdits(text, [removeStatement(analysis, { start: own, end: own + 11 })]),
      'model m {\n  input 2; dropout 0.2; dense 1\n}\n',
    );
    const shared = text.indexOf('dropout 0.2');
    assert.equal(
      applyEdits(text, [removeStatement(analysis, { start: shared, end: shared + 11 })]),
      'model m {\n  dropout 0.1  # why\n  input 2; dense 1\n}\n',
    );
  });

  it('keeps CRLF line breaks when a fix adds a line', () => {
    const text = 'model m {\r\n  input 2\r\n  dense 8 relu\r\n  dense 1 sigmoid\r\n}\r\n';
    const analysis = analyze(text);
    const hint = analysis.diagnostics.find((d) => d.code === 'missing-task')!;
    const edit = hint.data!.edit as { span: { start: number; end: number }; newText: string };
    assert.equal(
      applyEdits(text, [edit]),
      'model m {\r\n  task binary\r\n  input 2\r\n  dense 8 relu\r\n  dense 1 sigmoid\r\n}\r\n',
    );
  });
});
