/**
 * `nn.export [uri] [model] [options]` — "NN: Export Model…": asks for the target (PyTorch, ONNX, JSON), whether
 * to include trained weights, and where to save; the language server builds the files (`nn/export`) and this
 * command writes them. The Export… code lens passes the document and model; `options` skips the questions
 * (for automation): `{ target, weights, path }`.
 */
import * as vscode from 'vscode';
import { ExportRequest, type ExportParams } from '../../server/src/protocol';
import { documentArg, stringArg } from './documentArg';
import type { ExtensionServices } from './services';
import { requireTrust } from './trust';
import { baseName, extensionOf } from './uriNames';

type Target = ExportParams['target'];

interface ExportOptions {
  target?: Target;
  weights?: boolean;
  /** Path of the main file to write (its folder receives every file). */
  path?: string;
}

const TARGETS: { target: Target; label: string; detail: string; extension: string; filter: string }[] = [
  {
    target: 'pytorch',
    label: 'PyTorch',
    detail: 'A torch.nn.Module in a .py file (plus a .weights.json file with trained weights)',
    extension: 'py',
    filter: 'Python',
  },
  {
    target: 'onnx',
    label: 'ONNX',
    detail: 'An ONNX model (opset 13) that any ONNX runtime can load',
    extension: 'onnx',
    filter: 'ONNX model',
  },
  {
    target: 'json',
    label: 'NN Studio JSON',
    detail: 'The network and its weights in NN Studio’s own format (docs/export.md)',
    extension: 'json',
    filter: 'JSON',
  },
];

/** Bytes from base64 without Node's Buffer (the web extension host has none). */
function fromBase64(data: string): Uint8Array {
  return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
}

async function askTarget(): Promise<Target | undefined> {
  const pick = await vscode.window.showQuickPick(
    TARGETS.map((t) => ({ label: t.label, detail: t.detail, target: t.target })),
    { title: 'Export Model: target', placeHolder: 'Export to…' },
  );
  return pick?.target;
}

async function askWeights(target: Target): Promise<boolean | undefined> {
  const pick = await vscode.window.showQuickPick(
    [
      {
        label: 'Trained weights',
        detail: 'From the last saved run of the model, or trained now with its train block',
        weights: true,
      },
      {
        label: 'Architecture only',
        detail:
          target === 'onnx'
            ? 'The ONNX model holds the untrained initial weights'
            : 'No weights: the layers, activations, loss and optimizer',
        weights: false,
      },
    ],
    { title: 'Export Model: weights' },
  );
  return pick?.weights;
}

export async function runExport(
  services: ExtensionServices,
  uriArg?: unknown,
  modelArg?: unknown,
  optionsArg?: unknown,
): Promise<string[] | undefined> {
  const uri = documentArg(uriArg);
  if (!uri) {
    void vscode.window.showInformationMessage('Open a .nn file to export one of its models.');
    return undefined;
  }
  const model = stringArg(modelArg);
  const options: ExportOptions =
    typeof optionsArg === 'object' && optionsArg !== null ? (optionsArg as ExportOptions) : {};
  const target = options.target ?? (await askTarget());
  if (!target) return undefined;
  const weights = options.weights ?? (await askWeights(target));
  if (weights === undefined) return undefined;
  // Trained weights may mean training now, on the file's data.
  if (weights && !requireTrust('Exporting with trained weights')) return undefined;
  const info = TARGETS.find((t) => t.target === target)!;
  let mainFile: vscode.Uri | undefined;
  if (options.path) mainFile = vscode.Uri.file(options.path);
  else {
    const stem = model ?? baseName(uri.path, '.nn');
    mainFile = await vscode.window.showSaveDialog({
      title: `Export ${model ? `'${model}'` : 'model'} to ${info.label}`,
      defaultUri: vscode.Uri.joinPath(uri, '..', `${stem}.${info.extension}`),
      filters: { [info.filter]: [info.extension] },
      saveLabel: 'Export',
    });
  }
  if (!mainFile) return undefined;
  const folder = vscode.Uri.joinPath(mainFile, '..');
  const stem = baseName(
    mainFile.path,
    extensionOf(mainFile.path) === `.${info.extension}` ? `.${info.extension}` : undefined,
  );

  await services.server.whenReady();
  const client = services.server.languageClient();
  if (!client) return undefined;
  const params: ExportParams = { uri: uri.toString(), target, model, weights, stem };
  const result = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Exporting to ${info.label}${weights ? ' (training if needed)' : ''}…`,
    },
    () => client.sendRequest(ExportRequest.type, params),
  );
  if (!result.ok || !result.files) {
    void vscode.window.showErrorMessage(`Export failed: ${result.message ?? 'unknown error'}`);
    return undefined;
  }
  const written: vscode.Uri[] = [];
  for (const file of result.files) {
    const fileUri = vscode.Uri.joinPath(folder, file.name);
    const bytes = file.encoding === 'base64' ? fromBase64(file.data) : new TextEncoder().encode(file.data);
    await vscode.workspace.fs.writeFile(fileUri, bytes);
    written.push(fileUri);
  }
  for (const message of result.messages ?? []) services.output.info(`export: ${message}`);
  const names = written.map((u) => baseName(u.path)).join(', ');
  const main = written[0];
  const canOpen = target !== 'onnx';
  void vscode.window
    .showInformationMessage(`Exported '${result.model}' to ${names}.`, ...(canOpen ? ['Open'] : []), 'Show Details')
    .then(async (choice) => {
      if (choice === 'Open') await vscode.window.showTextDocument(main);
      if (choice === 'Show Details') services.output.show(true);
    });
  return written.map((u) => u.fsPath);
}
