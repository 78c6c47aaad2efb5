/** Suppression comments and the "ignore on this line" fix. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis';
import { CHECKS, fixesFor } from '../../../server/src/checks';
import { applyEdits } from '../../../server/src/syntax/textEdit';
import { fixtureText } from './fixtures';

const codes = (text: string, options = {}) => analyze(text, options).diagnostics.map((d) => d.code);

const BASE = 'model m {\n  task binary\n  input 2\n  dense 8 sigmoid{C}\n  dense 1 sigmoid\n}\n';
const withComment = (comment: string) => BASE.replace('{C}', comment);

describe('suppression comments', () => {
  it('nn-ignore at the end of a line silences that code on that line', () => {
    assert.deepEqual(codes(withComment('')), ['sigmoid-hidden']);
    assert.deepEqual(codes(withComment('  # nn-ignore: sigmoid-hidden')), []);
  });

  it('takes several codes and free text after the list', () => {
    const text =
      'model m {\n  task binary\n  input 2\n' +
      '  dense 8 sigmoid  # nn-ignore: sigmoid-hidden, saturating-stack (1990s setup)\n  dense 8 sigmoid\n  dense 8 sigmoid\n  dense 1 sigmoid\n}\n';
    assert.deepEqual(codes(text), ['sigmoid-hidden', 'sigmoid-hidden']);
  });

  it('nn-ignore-next-line silences the next line of code, skipping comment lines', () => {
    const text =
      'model m {\n  task binary\n  input 2\n  # nn-ignore-next-line: sigmoid-hidden\n  # why: a comparison\n  dense 8 sigmoid\n  dense 8 sigmoid\n  dense 1 sigmoid\n}\n';
    const d = analyze(text).diagnostics;
    assert.deepEqual(
      d.map((x) => [x.code, analyze(text).lines.positionAt(x.span.start).line]),
      [['sigmoid-hidden', 6]],
    );
  });

  it('only silences the code it names', () => {
    assert.deepEqual(codes(withComment('  # nn-ignore: linear-hidden')), ['sigmoid-hidden', 'unused-suppression']);
  });

  it('reports an unused code as a faded hint with a fix that removes it', () => {
    const text =
      'model m {\n  task binary\n  input 2\n  dense 8 relu  # nn-ignore: sigmoid-hidden\n  dense 1 sigmoid\n}\n';
    const analysis = analyze(text);
    const [d] = analysis.diagnostics;
    assert.equal(d.code, 'unused-suppression');
    assert.equal(d.severity, 'hint');
    assert.deepEqual(d.tags, ['unnecessary']);
    assert.equal(text.slice(d.span.start, d.span.end), 'sigmoid-hidden');
    const [fix] = fixesFor(d, analysis);
    assert.equal(applyEdits(text, fix.edits), text.replace('  # nn-ignore: sigmoid-hidden', ''));
  });

  it('reports an unknown code with the nearest real one', () => {
    const [d] = analyze(withComment('  # nn-ignore: sigmoid-hiden')).diagnostics.filter(
      (x) => x.code === 'unknown-suppression',
    );
    assert.match(d.message, /did you mean 'sigmoid-hidden'/);
  });

  it('accepts the codes of the parser and of the trainer', () => {
    assert.deepEqual(
      codes(
        'model m {\n  task binary\n  input 2\n  dense 8 rleu  # nn-ignore: unknown-activation\n  dense 1 sigmoid\n}\n',
      ),
      [],
    );
    // A training code is never "unused" in the static pass: the trainer reports it later.
    assert.deepEqual(codes(withComment('  # nn-ignore: sigmoid-hidden, dead-units')), []);
  });

  it('does not call a suppression unused when its code is turned off in settings', () => {
    const text = withComment('  # nn-ignore: sigmoid-hidden');
    assert.deepEqual(codes(text, { checks: { severities: { 'sigmoid-hidden': 'off' } } }), []);
  });

  it('ignores comments that merely mention nn-ignore', () => {
    assert.deepEqual(codes(withComment('  # about nn-ignore: sigmoid-hidden')), ['sigmoid-hidden']);
  });
});

describe('"ignore on this line" fix', () => {
  for (const def of CHECKS.filter((c) => c.emittedBy !== 'suppression')) {
    it(`silences each ${def.code} of its trip fixture without side effects`, () => {
      const text = fixtureText(def.code, 'trip.nn')!;
      const analysis = analyze(text);
      const targets = analysis.diagnostics.filter((d) => d.code === def.code);
      assert.ok(targets.length > 0);
      for (const target of targets) {
        const ignore = fixesFor(target, analysis).find((f) => f.id === 'ignore');
        assert.ok(ignore, `an ignore fix for ${def.code}`);
        assert.equal(ignore.preferred, undefined, 'ignoring is never the preferred fix');
        const after = analyze(applyEdits(text, ignore.edits));
        // Every finding of this code on that line goes; nothing else changes.
        const line = analysis.lines.positionAt(target.span.start).line;
        const expected = analysis.diagnostics
          .filter((d) => d.code !== def.code || analysis.lines.positionAt(d.span.start).line !== line)
          .map((d) => d.code)
          .sort();
        assert.deepEqual(
          after.diagnostics.map((d) => d.code).sort(),
          expected,
          `after ignoring the one at ${target.span.start}`,
        );
      }
    });
  }

  it('extends an nn-ignore comment already on the line', () => {
    const text =
      'model m {\n  task binary\n  input 2\n  h: dense 8 sigmoid  # nn-ignore: sigmoid-hidden\n  dense 8 sigmoid\n  dense 8 sigmoid\n  dense 1 sigmoid\n}\n';
    const analysis = analyze(text);
    const stack = analysis.diagnostics.find((d) => d.code === 'saturating-stack')!;
    const ignore = fixesFor(stack, analysis).find((f) => f.id === 'ignore')!;
    assert.match(applyEdits(text, ignore.edits), /# nn-ignore: sigmoid-hidden, saturating-stack\n/);
  });
});
