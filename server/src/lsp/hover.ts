/** LSP hover: the core's teaching Markdown for the word under the mouse. */
import { MarkupKind } from 'vscode-languageserver';
import { hoverAt } from '../features/hover';
import type { Feature } from './context';
import { toRange } from './convert';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(context) {
    context.connection.onHover((params) => {
      const analysis = context.analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      const hover = hoverAt(analysis, analysis.lines.offsetAt(params.position), {
        images: context.clientOptions().hoverImages,
      });
      if (!hover) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: hover.markdown },
        range: toRange(analysis.lines, hover.span),
      };
    });
  },
};
