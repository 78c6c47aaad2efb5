/**
 * Property-based fuzzing of the parser and the whole analysis (fast-check): on random and mutated text they
 * never throw, always terminate, and every span they report lies inside the document.
 * Over 10,000 cases in all per run.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../../server/src/analysis';
import { lex } from '../../../server/src/syntax/lexer';

const SEEDS = ['ok', 'err'].flatMap((group) => {
  const dir = join(__dirname, '..', '..', 'fixtures', 'syntax', group);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.nn'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
});

/** Every `{start, end}` object reachable from `value`. */
function* spans(value: unknown, seen = new Set<unknown>()): Generator<{ start: number; end: number }> {
  if (!value || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const record = value as Record<string, unknown>;
  if (typeof record.start === 'number' && typeof record.end === 'number')
    yield record as { start: number; end: number };
  for (const [key, child] of Object.entries(record)) {
    if (key === 'def' || key === 'model' || key === 'mergedInto') continue; // Catalog entries and back-references.
    yield* spans(child, seen);
  }
}

function assertSound(text: string): void {
  const analysis = analyze(text, { documentPath: '/ws/fuzz.nn', workspaceRoots: ['/ws'] });
  for (const span of spans({ file: analysis.file, semantic: analysis.semantic, diagnostics: analysis.diagnostics })) {
    assert.ok(
      span.start >= 0 && span.start <= span.end && span.end <= text.length,
      `span ${span.start}..${span.end} outside 0..${text.length}`,
    );
  }
  for (const d of analysis.diagnostics) assert.ok(d.message.length > 0 && d.code.length > 0);
  const position = analysis.lines.positionAt(text.length);
  assert.equal(analysis.lines.offsetAt(position), text.length);
}

/** Tokens of a valid file, as text pieces with the whitespace between them. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const token of lex(text).tokens) {
    out.push(text.slice(last, token.span.start), token.text);
    last = token.span.end;
  }
  out.push(text.slice(last));
  return out.filter((p) => p.length > 0);
}

const VOCABULARY = [
  'model',
  'train',
  'dense',
  'dropout',
  'activation',
  'task',
  'input',
  'loss',
  'optimizer',
  'init',
  'regularize',
  'data',
  'epochs',
  'batch',
  'validation',
  'seed',
  'normalize',
  'lr',
  'relu',
  'sigmoid',
  'softmax',
  'maxout',
  'leaky_relu',
  'alpha',
  'pieces',
  'binary',
  'multiclass',
  'csv',
  'spiral',
  'he',
  '{',
  '}',
  '(',
  ')',
  ':',
  ',',
  ';',
  '\n',
  ' ',
  '#',
  '"',
  '\\',
  '16',
  '-0.1',
  '.5',
  '1e-3',
  '2.5E+2',
  'x',
  '😀',
  'α',
  '\r\n',
  '\r',
  '\t',
  '-',
  '.',
  'e',
];

describe('fuzz: parser and analysis never throw and keep spans inside the document', function () {
  this.timeout(120000);

  it('random token soup (4,000 cases)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 80 }), (words) => assertSound(words.join(''))),
      { numRuns: 4000 },
    );
  });

  it('valid files with tokens deleted, duplicated or swapped (4,000 cases)', () => {
    const mutation = fc.record({
      seed: fc.nat(SEEDS.length - 1),
      edits: fc.array(fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'swap'), at: fc.nat(), to: fc.nat() }), {
        minLength: 1,
        maxLength: 6,
      }),
    });
    fc.assert(
      fc.property(mutation, ({ seed, edits }) => {
        const parts = pieces(SEEDS[seed]);
        for (const edit of edits) {
          const i = edit.at % parts.length,
            j = edit.to % parts.length;
          if (edit.kind === 'delete' && parts.length > 1) parts.splice(i, 1);
          else if (edit.kind === 'duplicate') parts.splice(i, 0, parts[i]);
          else [parts[i], parts[j]] = [parts[j], parts[i]];
        }
        assertSound(parts.join(''));
      }),
      { numRuns: 4000 },
    );
  });

  it('random unicode strings (2,000 cases)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => assertSound(text)),
      { numRuns: 2000 },
    );
  });

  it('deep nesting (100 cases)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('{', '(', 'model a {', 'dense 1 relu(', '}', ')'),
        fc.integer({ min: 500, max: 6000 }),
        (unit, depth) => assertSound(unit.repeat(depth)),
      ),
      { numRuns: 100 },
    );
  });

  it('lines of a megabyte (4 cases)', () => {
    const mega = 1 << 20;
    for (const line of [
      '#'.repeat(mega),
      'x'.repeat(mega),
      '"' + 'a'.repeat(mega),
      `model m { input 2; ${'dense 1 relu; '.repeat(mega / 14)} }`,
    ]) {
      assertSound(line);
    }
  });
});
