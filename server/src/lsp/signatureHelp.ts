/** LSP signature help inside a call's parentheses. */
import { MarkupKind } from 'vscode-languageserver';
import { signatureHelpAt } from '../features/signatureHelp';
import type { Feature } from './context';

export const signatureHelpFeature: Feature = {
  capabilities: { signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [':'] } },
  register(context) {
    context.connection.onSignatureHelp((params) => {
      const analysis = context.analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      const signature = signatureHelpAt(analysis, analysis.lines.offsetAt(params.position));
      if (!signature) return null;
      return {
        signatures: [
          {
            label: signature.label,
            documentation: { kind: MarkupKind.Markdown, value: signature.documentation },
            parameters: signature.parameters.map((p) => ({ label: p.label, documentation: p.documentation })),
          },
        ],
        activeSignature: 0,
        activeParameter: Math.max(0, signature.activeParameter),
      };
    });
  },
};
