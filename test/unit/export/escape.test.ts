/**
 * The escaping functions on their own (generatedCode.test.ts checks with Python that string literals read
 * back exactly and that modules keep their statements).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { onnxDocString, onnxString, pythonComment, pythonString } from '../../../server/src/export/escape';

const any = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());
/** What none of the results may hold raw; \p{C} includes lone surrogates (Cs), so text without them is well-formed UTF-16. */
const UNSAFE = /[\p{C}\p{Zl}\p{Zp}]/u;

describe('export: escaping', () => {
  it('pythonString: one line of well-formed text inside one pair of quotes', () => {
    fc.assert(
      fc.property(any, (text) => {
        const literal = pythonString(text);
        assert.ok(!UNSAFE.test(literal), literal);
        assert.match(literal, /^"(?:[^"\\]|\\.)*"$/su);
      }),
      { numRuns: 5000 },
    );
  });

  it('pythonString: escapes quotes, backslashes and line breaks, keeps printable Unicode', () => {
    assert.equal(pythonString('x"""\nimport os\n"""y'), '"x\\"\\"\\"\\nimport os\\n\\"\\"\\"y"');
    assert.equal(pythonString('a\\b\r\t'), '"a\\\\b\\r\\t"');
    assert.equal(pythonString('\x00\x1b\u2028\u202e\ud800\u{10ffff}'), '"\\x00\\x1b\\u2028\\u202e\\ud800\\U0010ffff"');
    assert.equal(pythonString("café 😀 'q'"), `"café 😀 'q'"`);
  });

  it('pythonComment: always a single comment line', () => {
    fc.assert(
      fc.property(any, (text) => {
        const comment = pythonComment(text);
        assert.ok(comment.startsWith('#'));
        assert.ok(!UNSAFE.test(comment), comment);
      }),
      { numRuns: 5000 },
    );
    assert.equal(pythonComment('a\nimport os'), '# a\\x0aimport os');
    assert.equal(pythonComment(''), '#');
  });

  it("onnxString and onnxDocString: valid UTF-8 without control characters, except the doc lines' own breaks", () => {
    fc.assert(
      fc.property(any, fc.array(any, { maxLength: 4 }), (text, lines) => {
        const s = onnxString(text);
        assert.ok(!UNSAFE.test(s), s);
        const doc = onnxDocString(lines);
        assert.equal(doc.split('\n').length, Math.max(lines.length, 1));
        for (const line of doc.split('\n')) assert.ok(!UNSAFE.test(line), line);
      }),
      { numRuns: 3000 },
    );
    assert.equal(onnxString('dense_1'), 'dense_1');
  });
});
