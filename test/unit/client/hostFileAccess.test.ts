/**
 * Which files the client reads and writes for a language server without a file system (the web's): the rules
 * of client/src/hostFileAccess.ts on a real folder with real symbolic links, looked at with lstat as
 * `vscode.workspace.fs.stat` reports them (a link is a link, whatever it points to).
 */
import { strict as assert } from 'node:assert';
import { lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkHostFile,
  containingFolder,
  normalizePath,
  type EntryStat,
  type HostFileEnvironment,
  type UriParts,
} from '../../../client/src/hostFileAccess';

const SECRET = 'secret-content-7f3a';

function fileUri(path: string): UriParts {
  return { scheme: 'file', authority: '', path };
}

async function lstat(uri: UriParts): Promise<EntryStat> {
  try {
    const stat = lstatSync(uri.path);
    if (stat.isSymbolicLink()) return { kind: 'link' };
    if (stat.isFile()) return { kind: 'file', size: stat.size };
    if (stat.isDirectory()) return { kind: 'folder' };
    return { kind: 'other' };
  } catch {
    return { kind: 'missing' };
  }
}

describe('client host files: containment', () => {
  let root: string;
  let workspace: string;
  let env: HostFileEnvironment;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'nn-hostfiles-'));
    workspace = join(root, 'ws');
    mkdirSync(join(workspace, 'data'), { recursive: true });
    mkdirSync(join(root, 'outside'));
    mkdirSync(join(root, 'ws-other'));
    writeFileSync(join(workspace, 'data', 'points.csv'), `x,y\n1,2\n${SECRET}\n`);
    writeFileSync(join(workspace, 'big.csv'), `${SECRET}\n`.repeat(100));
    writeFileSync(join(root, 'outside', 'secret.csv'), SECRET);
    writeFileSync(join(root, 'ws-other', 'near.csv'), SECRET);
    symlinkSync(join(workspace, 'data', 'points.csv'), join(workspace, 'link.csv'));
    symlinkSync(join(root, 'outside'), join(workspace, 'linked-folder'));
    env = { folders: [fileUri(workspace)], trusted: true, maxBytes: 1000, stat: lstat };
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  const read = (path: string, overrides: Partial<HostFileEnvironment> = {}) =>
    checkHostFile(fileUri(path), 'read', { ...env, ...overrides });
  const write = (path: string) => checkHostFile(fileUri(path), 'write', env);

  async function refused(verdict: Promise<unknown>, pattern: RegExp): Promise<void> {
    const result = (await verdict) as { ok: boolean; message?: string };
    assert.equal(result.ok, false, 'expected a refusal');
    assert.match(result.message!, pattern);
    assert.ok(!result.message!.includes(SECRET), 'a refusal never quotes the file');
  }

  it('reads a file inside a workspace folder', async () => {
    assert.deepEqual(await read(join(workspace, 'data', 'points.csv')), {
      ok: true,
      uri: fileUri(join(workspace, 'data', 'points.csv')),
    });
  });

  it('normalizes dot segments before judging, so `..` cannot leave the folder', async () => {
    assert.equal(normalizePath('/a/./b/../c/'), '/a/c');
    assert.deepEqual(await read(`${workspace}/data/../data/./points.csv`), {
      ok: true,
      uri: fileUri(join(workspace, 'data', 'points.csv')),
    });
    await refused(read(`${workspace}/../outside/secret.csv`), /outside the workspace/);
  });

  it('refuses files outside every folder, in a sibling with the same prefix, or the folder itself', async () => {
    await refused(read(join(root, 'outside', 'secret.csv')), /outside the workspace/);
    await refused(read(join(root, 'ws-other', 'near.csv')), /outside the workspace/);
    await refused(read(workspace), /outside the workspace/);
  });

  it('compares schemes and authorities, so another file system is outside', async () => {
    const inside = join(workspace, 'data', 'points.csv');
    await refused(checkHostFile({ scheme: 'vscode-vfs', authority: '', path: inside }, 'read', env), /outside/);
    const remote = { ...env, folders: [{ scheme: 'vscode-vfs', authority: 'github', path: workspace }] };
    await refused(
      checkHostFile({ scheme: 'vscode-vfs', authority: 'gitlab', path: inside }, 'read', remote),
      /outside/,
    );
    assert.ok(containingFolder({ scheme: 'VSCODE-VFS', authority: 'GitHub', path: inside }, remote.folders));
  });

  it('refuses everything in an untrusted workspace, before looking at the file', async () => {
    let looked = false;
    const stat = async (uri: UriParts) => {
      looked = true;
      return lstat(uri);
    };
    await refused(read(join(workspace, 'data', 'points.csv'), { trusted: false, stat }), /untrusted/);
    assert.equal(looked, false);
  });

  it('refuses a symbolic link, and a path through a linked folder', async () => {
    await refused(read(join(workspace, 'link.csv')), /'link.csv' goes through a symbolic link/);
    await refused(read(join(workspace, 'linked-folder', 'secret.csv')), /symbolic link/);
  });

  it('refuses a missing file and a folder', async () => {
    await refused(read(join(workspace, 'data', 'none.csv')), /'data\/none.csv' does not exist/);
    await refused(read(join(workspace, 'data')), /not a regular file/);
  });

  it('refuses a file over the size limit, naming sizes only', async () => {
    await refused(
      read(join(workspace, 'big.csv')),
      /'big.csv' is 2000 bytes, more than the 1000 bytes NN Studio reads/,
    );
    assert.equal((await read(join(workspace, 'big.csv'), { maxBytes: 10_000 })).ok, true);
  });

  it('writes new files and folders inside the workspace, never through a link or over a folder', async () => {
    assert.equal((await write(join(workspace, '.nn-runs', 'model.json'))).ok, true);
    assert.equal((await write(join(workspace, 'data', 'points.csv'))).ok, true);
    await refused(write(join(workspace, 'link.csv')), /symbolic link/);
    await refused(write(join(workspace, 'linked-folder', 'new.json')), /symbolic link/);
    await refused(write(join(workspace, 'data')), /not a regular file/);
    await refused(write(join(workspace, 'data', 'points.csv', 'x.json')), /not inside a folder/);
    await refused(write(join(root, 'outside', 'new.json')), /outside the workspace/);
  });
});
