/** LSP document formatting: one edit that replaces the text with its canonical form (refused on syntax errors). */
import { formatDocument } from '../features/formatter';
import type { Feature } from './context';

export const formattingFeature: Feature = {
  capabilities: { documentFormattingProvider: true },
  register(context) {
    context.connection.onDocumentFormatting((params) => {
      const analysis = context.analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      // The canonical form always indents by two spaces, whatever the editor's tab settings.
      const result = formatDocument(analysis);
      if ('refused' in result) {
        context.connection.console.info(`${params.textDocument.uri}: ${result.refused}`);
        return [];
      }
      if (result.text === analysis.text) return [];
      const end = analysis.lines.positionAt(analysis.text.length);
      return [{ range: { start: { line: 0, character: 0 }, end }, newText: result.text }];
    });
  },
};
