/**
 * The web entry (package.json `browser`, dist/web/extension.js) for VS Code for the Web: the language server and
 * every training run are Web Workers started from the extension's own files; there is no Node and no Python.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import type { TrainingEvent } from '../../server/src/protocol';
import { activateWith, deactivateShared } from './activate';
import type { NnStudioApi } from './api';
import type { ClientPlatform } from './platform';
import type { TrainingPort } from './panel/runs';

/**
 * A script URL that a nested Web Worker can start from. The web worker extension host refuses `vscode-remote:`
 * script URLs (code-server, Codespaces and other remote windows), so such files are read through the workspace
 * file system and started from a blob; an `https:` extension (vscode.dev) starts from its own URL.
 */
const scriptUrls = new Map<string, Promise<string>>();
function workerUrl(context: vscode.ExtensionContext, file: string): Promise<string> {
  const uri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', file);
  if (uri.scheme !== 'vscode-remote') return Promise.resolve(uri.toString(true));
  let url = scriptUrls.get(file);
  if (!url) {
    url = Promise.resolve(vscode.workspace.fs.readFile(uri)).then((bytes) =>
      URL.createObjectURL(new Blob([new TextDecoder().decode(bytes)], { type: 'text/javascript' })),
    );
    scriptUrls.set(file, url);
  }
  return url;
}

/** A port to a Web Worker running dist/web/trainWorker.js; calls wait until the worker's script is ready. */
function webWorkerPort(url: Promise<string>): TrainingPort {
  const worker = url.then((script) => new Worker(script, { name: 'NN Studio training' }));
  return {
    postMessage: (message) => void worker.then((w) => w.postMessage(message)),
    onMessage: (listener) =>
      void worker.then((w) => w.addEventListener('message', (event) => listener(event.data as TrainingEvent))),
    onError: (listener) =>
      void worker.then(
        (w) => w.addEventListener('error', (event) => listener(event.message || 'the worker script did not load')),
        (error: unknown) => listener(`the worker script did not load: ${String(error)}`),
      ),
    // A Web Worker reports no exit: it lives until terminated.
    onExit: () => undefined,
    terminate: () => void worker.then((w) => w.terminate()),
  };
}

export const browserPlatform: ClientPlatform = {
  hostName: 'web worker extension host',
  canRunPython: false,
  // Web workspaces use file systems of their own (vscode-vfs, vscode-remote, …): every `.nn` document.
  documentSelector: [{ language: 'nn' }],
  createLanguageClient(context, clientOptions) {
    // The server's worker starts when the client does.
    // Message transports rather than the Worker itself: the client tells a Worker apart with `instanceof Worker`,
    // which fails in the extension host, whose global Worker is a wrapper function around the real one.
    const server = async () => {
      const worker = new Worker(await workerUrl(context, 'server.js'), { name: 'NN Language Server' });
      return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
    };
    // The id 'nn' makes the client honour the `nn.trace.server` setting.
    return new LanguageClient('nn', 'NN Language Server', server, clientOptions);
  },
  createTrainingPort: (context) => webWorkerPort(workerUrl(context, 'trainWorker.js')),
};

export function activate(context: vscode.ExtensionContext): NnStudioApi {
  return activateWith(context, browserPlatform);
}

export function deactivate(): Promise<void> | undefined {
  return deactivateShared();
}
