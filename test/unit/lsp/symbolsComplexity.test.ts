/**
 * documentSymbol is linear in the file: doubling the file doubles the property reads the LSP handler makes
 * on the analysis (counted, not timed). It once searched every model for every declaration.
 */
import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { analyze, type Analysis } from '../../../server/src/analysis';
import type { ServerContext } from '../../../server/src/lsp/context';
import { symbolsFeature } from '../../../server/src/lsp/symbols';
import { LineIndex } from '../../../server/src/syntax/lineIndex';
import { generateFile } from '../../../bench/support/generate';
import { countReads } from './readCounter';

/** Reads the documentSymbol handler makes on the analysis of `text`, and the symbols it returns. */
function symbolReads(text: string): { reads: number; symbols: DocumentSymbol[] } {
  // Offsets become positions by binary search (O(log n) each), so the line index is left out of the count.
  const counted = countReads(analyze(text), (value) => value instanceof LineIndex);
  let handler: ((params: { textDocument: { uri: string } }) => DocumentSymbol[] | null) | undefined;
  const context = {
    connection: {
      onDocumentSymbol: (h: typeof handler) => {
        handler = h;
      },
    },
    analysisOf: (): Analysis => counted.value,
  } as unknown as ServerContext;
  symbolsFeature.register(context);
  const symbols = handler!({ textDocument: { uri: 'file:///ws/a.nn' } })!;
  return { reads: counted.reads(), symbols };
}

const manyModels = (lines: number) => generateFile(lines);
const oneModel = (layers: number) => `model m {\n  input 4\n${'  dense 8 relu\n'.repeat(layers)}  dense 1 sigmoid\n}\n`;

describe('LSP: documentSymbol grows linearly with the file', () => {
  for (const [name, make, size] of [
    ['many models', manyModels, 3000],
    ['one model with many layers', oneModel, 1500],
  ] as const) {
    it(`${name}: twice the file, at most 2.1× the work`, () => {
      const small = symbolReads(make(size));
      const large = symbolReads(make(2 * size));
      const ratio = large.reads / small.reads;
      assert.ok(ratio < 2.1, `reads grew ×${ratio.toFixed(2)} (${small.reads} → ${large.reads}) when the file doubled`);
      assert.ok(large.symbols.length >= small.symbols.length && large.symbols.length > 0);
    });
  }

  it('still nests layers under their models with exact ranges', () => {
    const { symbols } = symbolReads(generateFile(60));
    assert.equal(symbols[0].name, 'm1');
    assert.equal(symbols[0].children!.length, 10);
    assert.deepEqual(symbols[0].range.start, { line: 1, character: 0 });
    assert.equal(symbols[1].name, 'train m1');
  });
});
