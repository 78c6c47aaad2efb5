/** LSP code lenses above each model: ▶ Train, Compare activations, Summary. Commands get [uri, model name]. */
import { codeLenses } from '../features/codeLens';
import type { Feature } from './context';
import { toRange } from './convert';

export const codeLensFeature: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register(context) {
    context.connection.onCodeLens((params) => {
      if (!context.settings().codeLens) return [];
      const uri = params.textDocument.uri;
      const analysis = context.analysisOf(uri);
      if (!analysis) return null;
      return codeLenses(analysis).map((lens) => ({
        range: toRange(analysis.lines, lens.span),
        command: { title: lens.title, command: lens.command, arguments: [uri, lens.model] },
      }));
    });
  },
};
