/**
 * Completion, data-driven: each file in test/fixtures/features/completion has a `$0` cursor and expectations:
 * `#+ a b` must be offered, `#- a b` must not, `#0` nothing at all, `#1 x` is ranked first, `#~ t` is the
 * text the completion replaces. Labels with spaces are matched whole (`model (binary classifier)`).
 */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis';
import { completionDocumentation, completionsAt, type CompletionEntry } from '../../../server/src/features/completion';
import { atCursor, loadFixtures } from './support';

/** Splits a directive into labels; a parenthesised group belongs to the word before it. */
function labels(value: string): string[] {
  return value.match(/[\w]+(?: \([^)]*\))?/g) ?? [];
}

const ranked = (items: CompletionEntry[]) =>
  [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

describe('features: completion (fixtures)', () => {
  for (const fixture of loadFixtures('completion', '+-01~')) {
    it(fixture.name, () => {
      const result = completionsAt(fixture.analysis, fixture.offset);
      const offered = new Set(result.items.map((i) => i.label));
      for (const d of fixture.directives) {
        if (d.sigil === '+')
          for (const label of labels(d.value))
            assert.ok(offered.has(label), `offers '${label}' (got ${[...offered].join(', ')})`);
        if (d.sigil === '-')
          for (const label of labels(d.value)) assert.ok(!offered.has(label), `does not offer '${label}'`);
        if (d.sigil === '0') assert.deepEqual([...offered], []);
        if (d.sigil === '1') assert.equal(ranked(result.items)[0]?.label, d.value);
        if (d.sigil === '~') assert.equal(fixture.text.slice(result.insert.start, result.insert.end), d.value);
      }
    });
  }
});

describe('features: completion (items)', () => {
  it('gives activations their formula as detail and the teaching doc (with plot) on resolve', () => {
    const { analysis, offset } = atCursor('model m {\n  input 2\n  dense 8 $0\n}\n');
    const relu = completionsAt(analysis, offset).items.find((i) => i.label === 'relu')!;
    assert.equal(relu.detail, 'f(x) = max(0, x)');
    const doc = completionDocumentation(relu.docRef!, analysis)!;
    assert.match(doc, /f′\(x\) = 1 if x > 0/);
    assert.match(doc, /data:image\/svg\+xml;base64,/);
  });

  it('gives input features their formula as detail and what they let the network see on resolve', () => {
    const { analysis, offset } = atCursor('train m {\n  data circle\n  features x1, $0\n}\n');
    const items = completionsAt(analysis, offset).items;
    const square = items.find((i) => i.label === 'x2sq')!;
    assert.equal(square.detail, 'x2²');
    assert.match(
      completionDocumentation(square.docRef!, analysis)!,
      /^\*\*x2sq\*\* — input feature · `x2²`\n\nGrows with the distance from the horizontal axis/,
    );
    assert.deepEqual(
      items.map((i) => i.label),
      ['x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'],
    );
  });

  it('documents an alias with the parameters it stands for', () => {
    const doc = completionDocumentation({ kind: 'activation', name: 'silu' })!;
    assert.match(doc, /Written here as `silu`/);
    assert.match(doc, /`beta = 1`/);
  });

  it('inserts parameter names with a colon and required task parameters as a snippet', () => {
    const params = atCursor('model m {\n  input 2\n  dense 8 leaky_relu($0\n}\n');
    const alpha = completionsAt(params.analysis, params.offset).items.find((i) => i.label === 'alpha')!;
    assert.equal(alpha.insertText, 'alpha: ');
    assert.match(alpha.detail!, /default 0\.01/);
    const task = atCursor('model m {\n  task $0\n}\n');
    const multiclass = completionsAt(task.analysis, task.offset).items.find((i) => i.label === 'multiclass')!;
    assert.equal(multiclass.snippet, true);
    assert.equal(multiclass.insertText, 'multiclass(classes: ${1:3})');
  });

  it('offers a model skeleton per task whose expansion is a valid model', () => {
    const { analysis, offset } = atCursor('$0');
    const snippets = completionsAt(analysis, offset).items.filter(
      (i) => i.kind === 'snippet' && i.label.startsWith('model'),
    );
    assert.equal(snippets.length, 4);
    for (const snippet of snippets) {
      // Expand placeholders to their defaults, as accepting the snippet without edits would.
      const text = snippet.insertText!.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d/g, '');
      const expanded = analyze(text);
      assert.deepEqual(
        expanded.diagnostics.filter((d) => d.severity === 'error'),
        [],
        `${snippet.label}:\n${text}`,
      );
      assert.ok(expanded.semantic.models[0].task, snippet.label);
    }
  });

  it('the train snippet offers the file’s model names as a choice', () => {
    const { analysis, offset } = atCursor('model a {\n  input 2\n  dense 1\n}\nmodel b {\n  input 2\n  dense 1\n}\n$0');
    const train = completionsAt(analysis, offset).items.find((i) => i.label === 'train (block)')!;
    assert.match(train.insertText!, /^train \$\{1\|a,b\|\} \{/);
  });

  it('keywords that take a name from a list ask for completion again after insertion', () => {
    const { analysis, offset } = atCursor('model m {\n  $0\n}\n');
    const items = completionsAt(analysis, offset).items;
    assert.equal(items.find((i) => i.label === 'task')!.retrigger, true);
    assert.equal(items.find((i) => i.label === 'input')!.retrigger, false);
    assert.equal(items.find((i) => i.label === 'task')!.insertText, 'task ');
  });

  it('replaces the whole word in replace mode', () => {
    const { analysis, offset, text } = atCursor('model m {\n  input 2\n  dense 8 re$0lu\n}\n');
    const result = completionsAt(analysis, offset);
    assert.equal(text.slice(result.insert.start, result.insert.end), 're');
    assert.equal(text.slice(result.replace.start, result.replace.end), 'relu');
  });

  it('every documented item resolves to Markdown', () => {
    const cases = [
      '$0',
      'model m {\n  $0\n}',
      'train m {\n  $0\n}',
      'model m {\n  loss $0\n}',
      'model m {\n  optimizer $0\n}',
      'model m {\n  init $0\n}',
      'train m {\n  data $0\n}',
      'model m {\n  input 2\n  dense 2 gelu($0)\n}',
    ];
    for (const marked of cases) {
      const { analysis, offset } = atCursor(marked);
      for (const item of completionsAt(analysis, offset).items) {
        assert.ok(item.docRef, `${item.label} has docs`);
        assert.ok((completionDocumentation(item.docRef, analysis) ?? '').length > 10, `${item.label} resolves`);
      }
    }
  });
});
