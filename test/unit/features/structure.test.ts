/** Document symbols, folding ranges and selection ranges. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis';
import { foldingRanges } from '../../../server/src/features/folding';
import { selectionRangesAt } from '../../../server/src/features/selectionRanges';
import { documentSymbols } from '../../../server/src/features/symbols';
import { offsetOf, SPIRALS } from './support';

describe('features: document symbols', () => {
  const analysis = analyze(SPIRALS);
  const symbols = documentSymbols(analysis);

  it('lists models with their layers and train blocks with their settings', () => {
    assert.deepEqual(
      symbols.map((s) => [s.kind, s.name]),
      [
        ['model', 'spirals'],
        ['train', 'train spirals'],
      ],
    );
    assert.deepEqual(
      symbols[0].children.map((c) => c.name),
      ['dense_1', 'dense_2', 'dropout_1', 'out'],
    );
    assert.deepEqual(
      symbols[1].children.map((c) => `${c.name} ${c.detail}`),
      ['data spiral', 'epochs 300', 'batch 32', 'validation 0.2', 'seed 7'],
    );
  });

  it('describes each layer and the model', () => {
    assert.equal(symbols[0].detail, 'binary · 337 params');
    assert.deepEqual(
      symbols[0].children.map((c) => c.detail),
      [
        'dense 16 relu · 48 params',
        'dense 16 leaky_relu(alpha: 0.1) · 272 params',
        'dropout 0.2',
        'dense 1 sigmoid · 17 params',
      ],
    );
  });

  it('selects the name inside the whole construct', () => {
    for (const s of [...symbols, ...symbols.flatMap((x) => x.children)]) {
      assert.ok(s.span.start <= s.selectionSpan.start && s.selectionSpan.end <= s.span.end, s.name);
    }
    const out = symbols[0].children[3];
    assert.equal(SPIRALS.slice(out.selectionSpan.start, out.selectionSpan.end), 'out');
    assert.equal(SPIRALS.slice(out.span.start, out.span.end), 'out: dense 1 sigmoid');
  });

  it('still lists the layers of a model with errors and an unclosed block', () => {
    const broken = analyze('model m {\n  input 2\n  dense sixteen relu\n  dense 4 rleu\n  dense 1 sigmoid\n');
    assert.deepEqual(
      documentSymbols(broken)[0].children.map((c) => c.name),
      ['dense_1', 'dense_2', 'dense_3'],
    );
  });
});

describe('features: folding ranges', () => {
  it('folds blocks up to the line before the closing brace, comment runs and regions', () => {
    const text = [
      '# one',
      '# two',
      '# three', // 0-2
      'model m {',
      '  input 2',
      '  # region layers',
      '  dense 4 relu',
      '  dense 1',
      '  # endregion',
      '}', // 3-9
      'train m { data xor }', // 10
      'train m {',
      '  data xor', // 11-12 (unclosed)
    ].join('\n');
    const ranges = foldingRanges(analyze(text));
    assert.deepEqual(ranges, [
      { startLine: 0, endLine: 2, kind: 'comment' },
      { startLine: 3, endLine: 8 },
      { startLine: 5, endLine: 8, kind: 'region' },
      { startLine: 11, endLine: 12 },
    ]);
  });

  it('does not fold a trailing comment into a run', () => {
    const ranges = foldingRanges(analyze('model m { # a\n  # b\n}\n'));
    assert.deepEqual(
      ranges.filter((r) => r.kind === 'comment'),
      [],
    );
  });
});

describe('features: selection ranges', () => {
  const analysis = analyze(SPIRALS);
  const texts = (offset: number) => selectionRangesAt(analysis, offset).map((s) => SPIRALS.slice(s.start, s.end));

  it('grows from a word to its argument, the call, the statement, the block, the declaration and the file', () => {
    const chain = texts(offsetOf(SPIRALS, 'alpha') + 1);
    assert.deepEqual(
      chain.slice(0, 5),
      ['alpha', 'alpha: 0.1', 'leaky_relu(alpha: 0.1)', 'dense 16 leaky_relu(alpha: 0.1)'].concat([chain[4]]),
    );
    assert.ok(chain[4].startsWith('\n  task binary') && chain[4].endsWith('adam(lr: 0.01)\n'), 'block body');
    assert.ok(chain[5].startsWith('model spirals {') && chain[5].endsWith('}'));
    assert.equal(chain[6], SPIRALS);
  });

  it('every range holds the one before it', () => {
    for (let offset = 0; offset <= SPIRALS.length; offset += 7) {
      const spans = selectionRangesAt(analysis, offset);
      assert.ok(spans[0].start <= offset && offset <= spans[0].end);
      for (let i = 1; i < spans.length; i++) {
        assert.ok(spans[i].start <= spans[i - 1].start && spans[i - 1].end <= spans[i].end, `offset ${offset}`);
        assert.notDeepEqual(spans[i], spans[i - 1]);
      }
    }
  });

  it('selects a comment, then the file', () => {
    assert.deepEqual(texts(3), ['# Two spirals: no linear model separates them.', SPIRALS]);
  });
});
