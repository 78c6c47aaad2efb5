/**
 * Fuzzed documents through the analysis and every editor feature (hover with and without images,
 * completion and its docs, signature help, symbols, folding, selection ranges, definition, references,
 * rename, semantic tokens, formatting, inlay hints, code lenses, quick fixes and fix-all, summaries).
 * Nothing may throw, and every span a feature returns must lie inside the text. `npm test` runs a few
 * hundred documents; `npm run fuzz` (CI) runs NN_FUZZ_COUNT of them (100,000 by default).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../../server/src/analysis';
import { fixAll, fixesFor } from '../../../server/src/checks';
import { codeLenses } from '../../../server/src/features/codeLens';
import { completionDocumentation, completionsAt } from '../../../server/src/features/completion';
import { foldingRanges } from '../../../server/src/features/folding';
import { formatDocument } from '../../../server/src/features/formatter';
import { hoverAt } from '../../../server/src/features/hover';
import { inlayHints } from '../../../server/src/features/inlayHints';
import { definitionAt, prepareRename, referencesAt, renameAt } from '../../../server/src/features/navigation';
import { selectionRangesAt } from '../../../server/src/features/selectionRanges';
import { encodeSemanticTokens, semanticTokens } from '../../../server/src/features/semanticTokens';
import { signatureHelpAt } from '../../../server/src/features/signatureHelp';
import { summaryMarkdown } from '../../../server/src/features/summary';
import { documentSymbols } from '../../../server/src/features/symbols';
import type { Span } from '../../../server/src/syntax/span';
import { messyNnFile, nnJunk } from '../features/nnGenerator';

const SEEDS = ['ok', 'err'].flatMap((group) => {
  const dir = join(__dirname, '..', '..', 'fixtures', 'syntax', group);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.nn'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
});

/** A fixture file with random characters inserted, deleted or replaced. */
const mutatedFixture = fc
  .record({
    seed: fc.nat(SEEDS.length - 1),
    edits: fc.array(
      fc.record({ at: fc.nat(), remove: fc.nat(4), insert: fc.string({ unit: 'grapheme-ascii', maxLength: 6 }) }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ seed, edits }) => {
    let text = SEEDS[seed];
    for (const edit of edits) {
      const at = edit.at % (text.length + 1);
      text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
    }
    return text;
  });

/** A document and the offsets to try position-based features at. */
export const fuzzCase = fc
  .oneof(messyNnFile, nnJunk, mutatedFixture, fc.string({ unit: 'binary', maxLength: 200 }))
  .chain((text) => fc.tuple(fc.constant(text), fc.array(fc.nat(text.length), { minLength: 1, maxLength: 3 })));

export interface FuzzTally {
  documents: number;
  calls: number;
}

/** Runs one document through the analysis and every feature; throws on any failure. */
export function exerciseDocument(text: string, offsets: readonly number[], tally: FuzzTally): void {
  const analysis = analyze(text, { documentPath: '/ws/fuzz.nn', workspaceRoots: ['/ws'] });
  const inside = (span: Span, what: string) =>
    assert.ok(
      span.start >= 0 && span.start <= span.end && span.end <= text.length,
      `${what} ${JSON.stringify(span)} outside 0..${text.length}`,
    );
  let calls = 1;
  for (const [i, offset] of [text.length, ...offsets].entries()) {
    const hover = hoverAt(analysis, offset, { images: i % 2 === 0 });
    if (hover) inside(hover.span, 'hover');
    const completion = completionsAt(analysis, offset);
    inside(completion.insert, 'completion insert');
    inside(completion.replace, 'completion replace');
    for (const item of completion.items.slice(0, 2))
      if (item.docRef) completionDocumentation(item.docRef, analysis, { images: false });
    signatureHelpAt(analysis, offset);
    selectionRangesAt(analysis, offset).forEach((s) => inside(s, 'selection range'));
    const definition = definitionAt(analysis, offset);
    if (definition) inside(definition, 'definition');
    referencesAt(analysis, offset).forEach((s) => inside(s, 'reference'));
    prepareRename(analysis, offset);
    const rename = renameAt(analysis, offset, 'renamed');
    if ('edits' in rename) rename.edits.forEach((e) => inside(e.span, 'rename edit'));
    inlayHints(analysis, { start: Math.min(offset, text.length), end: text.length });
    calls += 11;
  }
  documentSymbols(analysis).forEach((s) => inside(s.span, 'symbol'));
  for (const range of foldingRanges(analysis))
    assert.ok(range.startLine <= range.endLine && range.endLine < analysis.lines.lineCount, 'folding range');
  encodeSemanticTokens(analysis, semanticTokens(analysis));
  for (const hint of inlayHints(analysis)) assert.ok(hint.offset >= 0 && hint.offset <= text.length, 'inlay hint');
  codeLenses(analysis).forEach((l) => inside(l.span, 'code lens'));
  formatDocument(analysis);
  for (const diagnostic of analysis.diagnostics) {
    for (const fix of fixesFor(diagnostic, analysis))
      fix.edits.forEach((e) => inside(e.span, `fix of ${diagnostic.code}`));
  }
  fixAll(analysis).forEach((e) => inside(e.span, 'fix-all edit'));
  for (const model of analysis.semantic.models) summaryMarkdown(model);
  tally.documents++;
  tally.calls += calls + 9 + analysis.diagnostics.length + analysis.semantic.models.length;
}

/** Runs `count` fuzzed documents (reproducible with `seed`); throws with the shrunk failing case. */
export function fuzzEditor(count: number, seed: number): FuzzTally {
  const tally: FuzzTally = { documents: 0, calls: 0 };
  fc.assert(
    fc.property(fuzzCase, ([text, offsets]) => exerciseDocument(text, offsets, tally)),
    { numRuns: count, seed },
  );
  return tally;
}

if (require.main === module) {
  const count = Number(process.env.NN_FUZZ_COUNT ?? 100_000);
  const seed = Number(process.env.NN_FUZZ_SEED ?? Date.now() % 2 ** 31);
  const started = Date.now();
  try {
    const tally = fuzzEditor(count, seed);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz: ${tally.documents} documents through analysis and every editor feature, ${tally.calls} feature calls, ` +
        `0 failures in ${seconds.toFixed(0)} s (seed ${seed})`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.log(`fuzz: FAILED (seed ${seed}; rerun with NN_FUZZ_SEED=${seed})`);
    process.exitCode = 1;
  }
}
