/**
 * `nn.showSummary [uri] [model]`: asks the language server for the Keras-like summary of a document's models
 * (`nn/summary`) and shows it as a Markdown preview of a read-only virtual document. The Summary code lens
 * runs it with the document and model; from the command palette it summarises the active `.nn` editor.
 */
import * as vscode from 'vscode';
import { SummaryRequest, type SummaryParams } from '../../server/src/protocol';
import { documentArg, stringArg } from './documentArg';
import type { ExtensionServices } from './services';
import { baseName } from './uriNames';

const SCHEME = 'nn-summary';

/** The summaries shown so far, by their virtual document's URI. */
const contents = new Map<string, string>();
const changed = new vscode.EventEmitter<vscode.Uri>();

/** Serves the summaries' virtual documents (once, at activation). */
export function registerSummaryDocuments(services: ExtensionServices): void {
  services.context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => contents.get(uri.toString()) ?? '',
    }),
  );
}

export async function showSummary(
  services: ExtensionServices,
  uriArg?: unknown,
  modelArg?: unknown,
): Promise<string | undefined> {
  const uri = documentArg(uriArg)?.toString();
  if (!uri) {
    void vscode.window.showInformationMessage('Open a .nn file to see the summary of its models.');
    return undefined;
  }
  await services.server.whenReady();
  const client = services.server.languageClient();
  if (!client) return undefined;
  const params: SummaryParams = { uri, model: stringArg(modelArg) };
  const result = await client.sendRequest(SummaryRequest.type, params);
  if (!result.markdown) {
    void vscode.window.showInformationMessage(
      params.model ? `No model named '${params.model}' in this file.` : 'This file has no model yet.',
    );
    return undefined;
  }
  const title = `${params.model ?? baseName(vscode.Uri.parse(uri).path, '.nn')} summary.md`;
  const summaryUri = vscode.Uri.from({ scheme: SCHEME, path: `/${title}`, query: uri });
  contents.set(summaryUri.toString(), result.markdown);
  changed.fire(summaryUri);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', summaryUri);
  } catch {
    // Without the built-in Markdown extension, show the Markdown text itself.
    const document = await vscode.workspace.openTextDocument(summaryUri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
  return result.markdown;
}
