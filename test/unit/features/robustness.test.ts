/**
 * Every editor feature at every offset of broken and messy files: never throws, and what it returns
 * stays inside the text.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../../server/src/analysis';
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
import { documentSymbols } from '../../../server/src/features/symbols';
import type { Span } from '../../../server/src/syntax/span';
import { messyNnFile, nnJunk } from './nnGenerator';

function exercise(text: string): void {
  const analysis = analyze(text);
  const inside = (span: Span, what: string) =>
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what} ${JSON.stringify(span)}`);
  for (let offset = 0; offset <= text.length; offset++) {
    const hover = hoverAt(analysis, offset);
    if (hover) inside(hover.span, 'hover');
    const completion = completionsAt(analysis, offset);
    inside(completion.insert, 'insert');
    inside(completion.replace, 'replace');
    for (const item of completion.items.slice(0, 3)) if (item.docRef) completionDocumentation(item.docRef, analysis);
    signatureHelpAt(analysis, offset);
    selectionRangesAt(analysis, offset).forEach((s) => inside(s, 'selection'));
    const definition = definitionAt(analysis, offset);
    if (definition) inside(definition, 'definition');
    referencesAt(analysis, offset).forEach((s) => inside(s, 'reference'));
    prepareRename(analysis, offset);
    renameAt(analysis, offset, 'renamed');
  }
  documentSymbols(analysis);
  const lines = analysis.lines.lineCount;
  for (const range of foldingRanges(analysis)) assert.ok(range.startLine < range.endLine && range.endLine < lines);
  encodeSemanticTokens(analysis, semanticTokens(analysis));
  for (const hint of inlayHints(analysis)) assert.ok(hint.offset >= 0 && hint.offset <= text.length);
  codeLenses(analysis).forEach((l) => inside(l.span, 'lens'));
  formatDocument(analysis);
}

describe('features: robustness', function () {
  this.timeout(60000);

  it('no feature throws at any offset of broken text (150 files)', () => {
    fc.assert(
      fc.property(nnJunk, (text) => exercise(text)),
      { numRuns: 150 },
    );
  });

  it('no feature throws at any offset of messy valid files (40 files)', () => {
    fc.assert(
      fc.property(messyNnFile, (text) => exercise(text)),
      { numRuns: 40 },
    );
  });
});
