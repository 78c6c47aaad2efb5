/**
 * Answers the language server's file requests (`nn/host/readFile`, `nn/host/writeFile`) through
 * `vscode.workspace.fs`, so a server without a file system (VS Code for the Web) reads CSV data and saved runs
 * and saves runs. The rules are in ./hostFileAccess.ts; no answer quotes a refused file's content.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  HostReadFileRequest,
  HostWriteFileRequest,
  MAX_HOST_FILE_BYTES,
  type HostReadFileParams,
  type HostReadFileResult,
  type HostWriteFileParams,
  type HostWriteFileResult,
} from '../../server/src/protocol';
import { checkHostFile, type EntryStat, type HostFileEnvironment, type UriParts } from './hostFileAccess';

async function stat(uri: UriParts): Promise<EntryStat> {
  try {
    const found = await vscode.workspace.fs.stat(vscode.Uri.from(uri));
    if (found.type & vscode.FileType.SymbolicLink) return { kind: 'link' };
    if (found.type === vscode.FileType.File) return { kind: 'file', size: found.size };
    if (found.type === vscode.FileType.Directory) return { kind: 'folder' };
    return { kind: 'other' };
  } catch (error) {
    // Providers of other hosts may throw plain errors with the same code.
    if ((error as { code?: unknown } | undefined)?.code === 'FileNotFound') return { kind: 'missing' };
    throw error;
  }
}

function environment(): HostFileEnvironment {
  return {
    folders: (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri),
    trusted: vscode.workspace.isTrusted,
    maxBytes: MAX_HOST_FILE_BYTES,
    stat,
  };
}

function parse(uri: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(uri, true);
  } catch {
    return undefined;
  }
}

/** Why the file system failed, without any content (its own messages name the path at most). */
function failure(error: unknown): string {
  if (error instanceof vscode.FileSystemError) return `the file system refused: ${error.code || 'unknown error'}`;
  return 'the file system failed';
}

/** Runs `use` on the file a request names once the access rules allow `purpose`; otherwise says why not. */
async function withAllowedFile<T>(
  uriText: string,
  purpose: 'read' | 'write',
  use: (uri: vscode.Uri) => Promise<T>,
): Promise<T | { ok: false; message: string }> {
  const uri = parse(uriText);
  if (!uri) return { ok: false, message: 'the file name is not a valid URI' };
  try {
    const verdict = await checkHostFile(uri, purpose, environment());
    if (!verdict.ok) return verdict;
    return await use(vscode.Uri.from(verdict.uri));
  } catch (error) {
    return { ok: false, message: failure(error) };
  }
}

export async function readHostFile(params: HostReadFileParams): Promise<HostReadFileResult> {
  return withAllowedFile(params.uri, 'read', async (uri): Promise<HostReadFileResult> => {
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.byteLength > MAX_HOST_FILE_BYTES) return { ok: false, message: 'the file grew past the size limit' };
    return { ok: true, text: new TextDecoder().decode(bytes) };
  });
}

export async function writeHostFile(params: HostWriteFileParams): Promise<HostWriteFileResult> {
  return withAllowedFile(params.uri, 'write', async (target): Promise<HostWriteFileResult> => {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(params.text));
    return { ok: true };
  });
}

/** Registers the handlers on a client (before or after it starts). */
export function registerHostFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(HostReadFileRequest.type, readHostFile),
    client.onRequest(HostWriteFileRequest.type, writeHostFile),
  ];
}
