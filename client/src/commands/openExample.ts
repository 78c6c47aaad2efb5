import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import { EXAMPLE_NAMES, untitledExampleName } from './exampleNames';

interface ExampleFile {
  name: string;
  uri: vscode.Uri;
  summary: string;
}

/** An extension file's text: through the workspace file system, else over HTTP (a web extension's files). */
async function readExtensionText(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (uri.scheme !== 'https' && uri.scheme !== 'http') throw error;
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(`${uri.path} could not be fetched (HTTP ${response.status})`, { cause: error });
    return response.text();
  }
}

/** Reads the bundled examples, each described by its first comment line, with their texts. */
export async function listExamples(extensionUri: vscode.Uri): Promise<(ExampleFile & { text: string })[]> {
  return Promise.all(
    EXAMPLE_NAMES.map(async (name) => {
      const uri = vscode.Uri.joinPath(extensionUri, 'examples', `${name}.nn`);
      const text = await readExtensionText(uri);
      const comment = /^#\s*(.*)$/m.exec(text);
      return { name, uri, summary: comment ? comment[1] : '', text };
    }),
  );
}

/** A new untitled document named after the example (`spirals.nn`), holding its text. */
async function openUntitled(name: string, text: string): Promise<vscode.TextDocument> {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  const untitled = (fileName: string) => vscode.Uri.from({ scheme: 'untitled', path: fileName });
  const uri = untitled(untitledExampleName(name, (fileName) => open.has(untitled(fileName).toString())));
  let document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  await vscode.workspace.applyEdit(edit);
  if (document.languageId !== 'nn') document = await vscode.languages.setTextDocumentLanguage(document, 'nn');
  return document;
}

/**
 * Opens an example as a new untitled `.nn` document, so that edits never touch the installed extension.
 * With a name (`nn.openExample` with argument "flawed") it opens that example directly; otherwise it asks.
 */
export async function openExample(services: ExtensionServices, name?: string): Promise<vscode.TextEditor | undefined> {
  const examples = await listExamples(services.context.extensionUri);
  let chosen = name ? examples.find((example) => example.name === name) : undefined;
  if (name && !chosen) {
    void vscode.window.showErrorMessage(`NN Studio has no example named '${name}'.`);
    return undefined;
  }
  if (!chosen) {
    const pick = await vscode.window.showQuickPick(
      examples.map((example) => ({ label: example.name, detail: example.summary, example })),
      { title: 'Open an example model', placeHolder: 'Pick an example' },
    );
    chosen = pick?.example;
  }
  if (!chosen) return undefined;
  return vscode.window.showTextDocument(await openUntitled(chosen.name, chosen.text));
}
