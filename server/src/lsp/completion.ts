/** LSP completion: items from the core, documentation resolved when an item is selected. */
import {
  CompletionItemKind,
  InsertReplaceEdit,
  InsertTextFormat,
  MarkupKind,
  TextEdit,
  type CompletionItem,
} from 'vscode-languageserver';
import { completionDocumentation, completionsAt, type CompletionKind, type DocRef } from '../features/completion';
import type { Feature } from './context';
import { toRange } from './convert';

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  activation: CompletionItemKind.Function,
  task: CompletionItemKind.EnumMember,
  loss: CompletionItemKind.EnumMember,
  optimizer: CompletionItemKind.EnumMember,
  init: CompletionItemKind.EnumMember,
  dataset: CompletionItemKind.EnumMember,
  regularizer: CompletionItemKind.EnumMember,
  model: CompletionItemKind.Class,
  parameter: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

interface ItemData {
  uri: string;
  ref?: DocRef;
}

export const completionFeature: Feature = {
  capabilities: { completionProvider: { triggerCharacters: [' ', '(', ','], resolveProvider: true } },
  register(context) {
    context.connection.onCompletion((params) => {
      const uri = params.textDocument.uri;
      const analysis = context.analysisOf(uri);
      if (!analysis) return null;
      const result = completionsAt(analysis, analysis.lines.offsetAt(params.position));
      const insert = toRange(analysis.lines, result.insert);
      const replace = toRange(analysis.lines, result.replace);
      const sameRange = result.insert.end === result.replace.end;
      const items = result.items.map((item): CompletionItem => {
        const newText = item.insertText ?? item.label;
        const data: ItemData = { uri, ref: item.docRef };
        return {
          label: item.label,
          kind: KINDS[item.kind],
          detail: item.detail,
          sortText: item.sortText,
          filterText: item.filterText,
          preselect: item.preselect,
          insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          textEdit: sameRange ? TextEdit.replace(insert, newText) : InsertReplaceEdit.create(newText, insert, replace),
          command: item.retrigger ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
          data,
        };
      });
      return { isIncomplete: false, items };
    });
    context.connection.onCompletionResolve((item) => {
      const data = item.data as ItemData | undefined;
      if (data?.ref) {
        const markdown = completionDocumentation(data.ref, context.analysisOf(data.uri), {
          images: context.clientOptions().hoverImages,
        });
        if (markdown) item.documentation = { kind: MarkupKind.Markdown, value: markdown };
      }
      return item;
    });
  },
};
