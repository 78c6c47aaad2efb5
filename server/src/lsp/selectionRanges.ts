/** LSP selection ranges (Expand/Shrink Selection). */
import type { SelectionRange } from 'vscode-languageserver';
import { selectionRangesAt } from '../features/selectionRanges';
import type { Feature } from './context';
import { toRange } from './convert';

export const selectionRangesFeature: Feature = {
  capabilities: { selectionRangeProvider: true },
  register(context) {
    context.connection.onSelectionRanges((params) => {
      const analysis = context.analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      return params.positions.map((position) => {
        const spans = selectionRangesAt(analysis, analysis.lines.offsetAt(position));
        let range: SelectionRange | undefined;
        for (let i = spans.length - 1; i >= 0; i--) range = { range: toRange(analysis.lines, spans[i]), parent: range };
        return range!;
      });
    });
  },
};
