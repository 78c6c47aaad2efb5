/** LSP go to definition, find references and rename for model names and layer labels. */
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { definitionAt, prepareRename, referencesAt, renameAt } from '../features/navigation';
import type { Feature } from './context';
import { toRange } from './convert';

export const navigationFeature: Feature = {
  capabilities: { definitionProvider: true, referencesProvider: true, renameProvider: { prepareProvider: true } },
  register(context) {
    const { connection } = context;
    connection.onDefinition((params) => {
      const analysis = context.analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      const span = definitionAt(analysis, analysis.lines.offsetAt(params.position));
      return span ? { uri: params.textDocument.uri, range: toRange(analysis.lines, span) } : null;
    });
    connection.onReferences((params) => {
      const analysis = context.analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      const spans = referencesAt(analysis, analysis.lines.offsetAt(params.position), params.context.includeDeclaration);
      return spans.map((span) => ({ uri: params.textDocument.uri, range: toRange(analysis.lines, span) }));
    });
    connection.onPrepareRename((params) => {
      const analysis = context.analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      const result = prepareRename(analysis, analysis.lines.offsetAt(params.position));
      if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
      return { range: toRange(analysis.lines, result.span), placeholder: result.placeholder };
    });
    connection.onRenameRequest((params) => {
      const analysis = context.analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      const result = renameAt(analysis, analysis.lines.offsetAt(params.position), params.newName);
      if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
      return {
        changes: {
          [params.textDocument.uri]: result.edits.map((e) => ({
            range: toRange(analysis.lines, e.span),
            newText: e.newText,
          })),
        },
      };
    });
  },
};
