import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';

interface ExampleFile {
  name: string;
  file: string;
  summary: string;
}

/** Lists the bundled examples: every `examples/*.nn`, described by its first comment line. */
export async function listExamples(extensionPath: string): Promise<ExampleFile[]> {
  const dir = path.join(extensionPath, 'examples');
  const names = (await fs.readdir(dir)).filter((name) => name.endsWith('.nn')).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const text = await fs.readFile(file, 'utf8');
      const comment = /^#\s*(.*)$/m.exec(text);
      return { name: name.slice(0, -3), file, summary: comment ? comment[1] : '' };
    }),
  );
}

/**
 * Opens an example as a new untitled `.nn` document, so that edits never touch the installed extension.
 * With a name (`nn.openExample` with argument "flawed") it opens that example directly; otherwise it asks.
 */
export async function openExample(services: ExtensionServices, name?: string): Promise<vscode.TextEditor | undefined> {
  const examples = await listExamples(services.context.extensionPath);
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
  const content = await fs.readFile(chosen.file, 'utf8');
  const document = await vscode.workspace.openTextDocument({ language: 'nn', content });
  return vscode.window.showTextDocument(document);
}
