/** Go to definition, references and rename for model names and layer labels. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis';
import { definitionAt, prepareRename, referencesAt, renameAt } from '../../../server/src/features/navigation';
import type { Span } from '../../../server/src/syntax/span';
import { offsetOf } from './support';

const TEXT = `model spirals {
  input 2
  hidden: dense 8 relu
  out: dense 1 sigmoid
}
model other {
  input 2
  dense 1
}
train spirals {
  data spiral
}
train spirals {
  data xor
}
train missing {
  data xor
}
`;
const analysis = analyze(TEXT);
const at = (span: Span) => `${TEXT.slice(span.start, span.end)}@${span.start}`;
const apply = (edits: { span: Span; newText: string }[]) =>
  [...edits]
    .sort((a, b) => b.span.start - a.span.start)
    .reduce((text, e) => text.slice(0, e.span.start) + e.newText + text.slice(e.span.end), TEXT);

describe('features: navigation', () => {
  it('goes from a train line to its model', () => {
    const span = definitionAt(analysis, offsetOf(TEXT, 'spirals', 2))!;
    assert.equal(at(span), `spirals@${offsetOf(TEXT, 'spirals')}`);
  });

  it('has no definition for an unknown model or a keyword', () => {
    assert.equal(definitionAt(analysis, offsetOf(TEXT, 'missing')), undefined);
    assert.equal(definitionAt(analysis, offsetOf(TEXT, 'dense')), undefined);
  });

  it('finds every reference of a model, with or without the declaration', () => {
    const refs = referencesAt(analysis, offsetOf(TEXT, 'spirals'), true);
    assert.deepEqual(
      refs.map((s) => s.start),
      [0, 1, 2].map((n) => offsetOf(TEXT, 'spirals', n)),
    );
    assert.equal(referencesAt(analysis, offsetOf(TEXT, 'spirals', 1), false).length, 2);
    assert.equal(referencesAt(analysis, offsetOf(TEXT, 'other'), true).length, 1);
  });

  it('a label is its own definition and only reference', () => {
    assert.equal(at(definitionAt(analysis, offsetOf(TEXT, 'hidden'))!), `hidden@${offsetOf(TEXT, 'hidden')}`);
    assert.equal(referencesAt(analysis, offsetOf(TEXT, 'hidden')).length, 1);
  });

  it('renames a model everywhere it is written', () => {
    const result = renameAt(analysis, offsetOf(TEXT, 'spirals', 1), 'twirls');
    assert.ok('edits' in result);
    const renamed = apply(result.edits);
    assert.equal(renamed, TEXT.replace(/spirals/g, 'twirls'));
    assert.deepEqual(
      analyze(renamed).diagnostics.filter((d) => d.code === 'unknown-model').length,
      1,
      'only `missing` stays unknown',
    );
  });

  it('renames a label', () => {
    const result = renameAt(analysis, offsetOf(TEXT, 'out'), 'logits');
    assert.ok('edits' in result);
    assert.equal(apply(result.edits), TEXT.replace('out:', 'logits:'));
  });

  it('refuses invalid and clashing names, and things that are not names', () => {
    const error = (offset: number, name: string) => {
      const result = renameAt(analysis, offset, name);
      return 'error' in result ? result.error : '';
    };
    assert.match(error(offsetOf(TEXT, 'spirals'), '2fast'), /not a valid name/);
    assert.match(error(offsetOf(TEXT, 'spirals'), 'other'), /already exists/);
    assert.match(error(offsetOf(TEXT, 'hidden'), 'out'), /already names a layer/);
    assert.match(error(offsetOf(TEXT, 'relu'), 'x'), /Only model names and layer labels/);
    assert.ok('error' in prepareRename(analysis, offsetOf(TEXT, 'input')));
    const prepared = prepareRename(analysis, offsetOf(TEXT, 'spirals', 1) + 3);
    assert.ok('span' in prepared && prepared.placeholder === 'spirals');
  });
});
