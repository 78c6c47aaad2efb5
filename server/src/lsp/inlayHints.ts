/** LSP inlay hints: layer widths and parameter counts (off with `nn.inlayHints.enabled: false`). */
import { InlayHintKind } from 'vscode-languageserver';
import { inlayHints } from '../features/inlayHints';
import type { Feature } from './context';

export const inlayHintsFeature: Feature = {
  capabilities: { inlayHintProvider: true },
  register(context) {
    context.connection.languages.inlayHint.on((params) => {
      if (!context.settings().inlayHints) return [];
      const analysis = context.analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      const range = {
        start: analysis.lines.offsetAt(params.range.start),
        end: analysis.lines.offsetAt(params.range.end),
      };
      return inlayHints(analysis, range).map((hint) => ({
        position: analysis.lines.positionAt(hint.offset),
        label: hint.label,
        tooltip: hint.tooltip,
        kind: InlayHintKind.Type,
        paddingLeft: true,
      }));
    });
  },
};
