/**
 * The web worker server's host (VS Code for the Web): no file system, so data files and saved runs are read
 * and written by the client (`nn/host/readFile`, `nn/host/writeFile`, through `vscode.workspace.fs`).
 * Places are the URIs' paths, taken as written (there are no links to resolve), and still checked to lie
 * inside the workspace folders before anything is asked for; the client checks again before it reads.
 * Training runs in a nested Web Worker when one can be made, else cooperatively on this thread.
 */
import type { Connection } from 'vscode-languageserver';
import { toJsonExport } from '../export/json';
import { runWeightsPath } from '../export/runsFolder';
import { checkDataPath } from '../model/dataPath';
import { HostReadFileRequest, HostWriteFileRequest, type RunControl, type TrainingEvent } from '../protocol';
import { checkHostReadFileResult, checkHostWriteFileResult } from '../protocolValidate';
import { UNTRUSTED_MESSAGE } from '../train/data/access';
import { DataError } from '../train/data/types';
import { startRun, type TrainingPort } from '../train/runner';
import { serveTrainingSession, type SessionEndpoint } from '../train/serveSession';
import { uriAtPath, uriPath } from '../uriPath';
import type { ServerHost } from './host';

export interface WebHostOptions {
  /** The script of the training Web Worker (dist/web/trainWorker.js); without it runs train on this thread. */
  trainWorkerUrl?: string;
  /** The address of docs/checks.md in the extension. */
  checksDocUrl?: string;
}

/** A port to a Web Worker running the training session. */
function webWorkerPort(url: string): TrainingPort {
  const worker = new Worker(url);
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.addEventListener('message', (event) => listener(event.data as TrainingEvent)),
    onError: (listener) => worker.addEventListener('error', (event) => listener(event.message || 'it failed to load')),
    onExit: () => undefined,
    terminate: () => worker.terminate(),
  };
}

/** A port to a training session on this thread, over a MessageChannel (it yields between slices of work). */
function sameThreadPort(): TrainingPort {
  const channel = new MessageChannel();
  const stop = serveTrainingSession(channel.port2 as unknown as SessionEndpoint);
  return {
    postMessage: (message: RunControl) => channel.port1.postMessage(message),
    onMessage: (listener) => {
      channel.port1.onmessage = (event) => listener(event.data as TrainingEvent);
    },
    onError: () => undefined,
    onExit: () => undefined,
    terminate() {
      stop();
      channel.port1.close();
      channel.port2.close();
    },
  };
}

export function webServerHost(connection: Connection, options: WebHostOptions = {}): ServerHost {
  async function read(uri: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
    const answer: unknown = await connection.sendRequest(HostReadFileRequest.type, { uri });
    const checked = checkHostReadFileResult(answer);
    return checked.ok ? checked.value : { ok: false, message: `the editor's answer was malformed (${checked.error})` };
  }

  return {
    pathOf: uriPath,
    realPath: (path) => path,
    async readCsv(request, documentPath, access, documentUri) {
      if (request.name !== 'csv' || request.csvText !== undefined) return request;
      if (!access.trusted) throw new DataError(UNTRUSTED_MESSAGE);
      const relative = request.csvPath ?? String(request.params.path ?? '');
      const check = checkDataPath(documentPath, relative, access.workspaceRoots);
      if (!check.ok) throw new DataError(check.message);
      const uri = uriAtPath(documentUri, check.path);
      if (!uri) throw new DataError(`'${relative}' cannot be read: the document has no folder to look in`);
      const answer = await read(uri);
      if (!answer.ok) throw new DataError(answer.message);
      return { ...request, csvText: answer.text, csvPath: relative };
    },
    async readText(path, documentUri) {
      const uri = uriAtPath(documentUri, path);
      if (!uri) return undefined;
      const answer = await read(uri);
      return answer.ok ? answer.text : undefined;
    },
    async saveRun(documentUri, spec, weights, settings) {
      const documentPath = uriPath(documentUri);
      const uri = documentPath && uriAtPath(documentUri, runWeightsPath(documentPath, spec.modelName));
      if (!uri) throw new Error('save the file first: a run is saved next to it');
      const answer: unknown = await connection.sendRequest(HostWriteFileRequest.type, {
        uri,
        text: toJsonExport(spec, weights, settings),
      });
      const checked = checkHostWriteFileResult(answer);
      if (!checked.ok) throw new Error(`the editor's answer was malformed (${checked.error})`);
      if (!checked.value.ok) throw new Error(checked.value.message);
      return uri;
    },
    train(run) {
      const canNest = options.trainWorkerUrl !== undefined && typeof Worker !== 'undefined';
      return startRun(run, canNest ? webWorkerPort(options.trainWorkerUrl!) : sameThreadPort()).done;
    },
    checksDocUrl: options.checksDocUrl,
  };
}
