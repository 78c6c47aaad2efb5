/** LSP semantic tokens, full document and range. */
import { encodeSemanticTokens, semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from '../features/semanticTokens';
import type { Feature } from './context';

export const semanticTokensFeature: Feature = {
  capabilities: {
    semanticTokensProvider: {
      legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] },
      full: true,
      range: true,
    },
  },
  register(context) {
    const tokens = context.connection.languages.semanticTokens;
    tokens.on((params) => {
      const analysis = context.analysisOf(params.textDocument.uri);
      if (!analysis) return { data: [] };
      return { data: encodeSemanticTokens(analysis, semanticTokens(analysis)) };
    });
    tokens.onRange((params) => {
      const analysis = context.analysisOf(params.textDocument.uri);
      if (!analysis) return { data: [] };
      const range = {
        start: analysis.lines.offsetAt(params.range.start),
        end: analysis.lines.offsetAt(params.range.end),
      };
      return { data: encodeSemanticTokens(analysis, semanticTokens(analysis, range)) };
    });
  },
};
