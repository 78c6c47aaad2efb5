/** LSP folding ranges: blocks, comment runs and regions. */
import { FoldingRangeKind } from 'vscode-languageserver';
import { foldingRanges } from '../features/folding';
import type { Feature } from './context';

export const foldingFeature: Feature = {
  capabilities: { foldingRangeProvider: true },
  register(context) {
    context.connection.onFoldingRanges((params) => {
      const analysis = context.analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      return foldingRanges(analysis).map((r) => ({
        startLine: r.startLine,
        endLine: r.endLine,
        kind:
          r.kind === 'comment' ? FoldingRangeKind.Comment : r.kind === 'region' ? FoldingRangeKind.Region : undefined,
      }));
    });
  },
};
