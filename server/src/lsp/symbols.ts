/** LSP document symbols (Outline, breadcrumbs): models with their layers, train blocks with their settings. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { documentSymbols, type DocumentSymbolInfo, type SymbolKindName } from '../features/symbols';
import type { LineIndex } from '../syntax/lineIndex';
import type { Feature } from './context';
import { toRange } from './convert';

const KINDS: Record<SymbolKindName, SymbolKind> = {
  model: SymbolKind.Class,
  layer: SymbolKind.Field,
  train: SymbolKind.Function,
  setting: SymbolKind.Property,
};

function toSymbol(lines: LineIndex, symbol: DocumentSymbolInfo): DocumentSymbol {
  return {
    name: symbol.name || '(unnamed)',
    detail: symbol.detail,
    kind: KINDS[symbol.kind],
    range: toRange(lines, symbol.span),
    selectionRange: toRange(lines, symbol.selectionSpan),
    children: symbol.children.map((child) => toSymbol(lines, child)),
  };
}

export const symbolsFeature: Feature = {
  capabilities: { documentSymbolProvider: { label: 'NN' } },
  register(context) {
    context.connection.onDocumentSymbol((params) => {
      const analysis = context.analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      return documentSymbols(analysis).map((symbol) => toSymbol(analysis.lines, symbol));
    });
  },
};
