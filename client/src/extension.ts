/**
 * The desktop entry (package.json `main`, dist/extension.js): the language server is a Node process reached over
 * IPC, and training runs in worker threads.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/serverFlags';
import { nodeWorkerPort } from '../../server/src/train/nodeWorker';
import { activateWith, deactivateShared } from './activate';
import type { NnStudioApi } from './api';
import type { ClientPlatform } from './platform';
import { pythonHasTorch } from './torchProbe';

export const nodePlatform: ClientPlatform = {
  hostName: 'Node.js extension host',
  canRunPython: true,
  hasTorch: pythonHasTorch,
  // `.nn` files on disk and unsaved ones.
  documentSelector: [
    { scheme: 'file', language: 'nn' },
    { scheme: 'untitled', language: 'nn' },
  ],
  createLanguageClient(context, clientOptions) {
    const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
      debug: {
        module,
        transport: TransportKind.ipc,
        options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] },
      },
    };
    // The id 'nn' makes the client honour the `nn.trace.server` setting.
    return new LanguageClient('nn', 'NN Language Server', serverOptions, clientOptions);
  },
  createTrainingPort: (context) =>
    nodeWorkerPort({ workerPath: vscode.Uri.joinPath(context.extensionUri, 'dist', 'trainWorker.js').fsPath }),
};

export function activate(context: vscode.ExtensionContext): NnStudioApi {
  return activateWith(context, nodePlatform);
}

export function deactivate(): Promise<void> | undefined {
  return deactivateShared();
}
