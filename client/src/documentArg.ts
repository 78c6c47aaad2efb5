import * as vscode from 'vscode';

/**
 * The document a command is about: its argument (a URI string or a Uri, as the code lenses pass), else the
 * active `.nn` editor's document.
 */
export function documentArg(arg: unknown): vscode.Uri | undefined {
  if (typeof arg === 'string') {
    try {
      return vscode.Uri.parse(arg, true);
    } catch {
      return undefined;
    }
  }
  if (arg instanceof vscode.Uri) return arg;
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'nn' ? editor.document.uri : undefined;
}

/** A string argument, or undefined for anything else. */
export function stringArg(arg: unknown): string | undefined {
  return typeof arg === 'string' ? arg : undefined;
}
