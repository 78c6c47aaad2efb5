/**
 * Memory over edits: the server keeps one analysis per open document (its current version's), and
 * nothing else holds on to older ones: after a garbage collection, none of them is still alive, whatever
 * requests ran on them. Closing the document drops its analysis too.
 */
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Analysis } from '../../../server/src/analysis';
import { generateFile } from '../../../bench/support/generate';
import { startInProcess, type InProcessServer } from './inProcess';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Collects garbage once every pending job has let go of its references. */
async function collect(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
}

const alive = (refs: WeakRef<Analysis>[]) => refs.filter((ref) => ref.deref() !== undefined).length;

async function edit(server: InProcessServer, uri: string, version: number, line: number): Promise<void> {
  const published = server.diagnostics(uri, version);
  const change = {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    text: version % 2 ? '#' : ' ',
  };
  await server.client.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [change],
  });
  await published;
}

describe('LSP: one analysis per open document over many edits', function () {
  this.timeout(60000);

  it('retains only the current analysis of each open document', async () => {
    const server = await startInProcess();
    try {
      const uris = ['file:///ws/a.nn', 'file:///ws/b.nn'];
      const refs: WeakRef<Analysis>[] = [];
      for (const uri of uris) {
        const published = server.diagnostics(uri, 1);
        await server.client.sendNotification('textDocument/didOpen', {
          textDocument: { uri, languageId: 'nn', version: 1, text: generateFile(600) },
        });
        await published;
      }
      const textDocument = { uri: uris[0] };
      const whole = { start: { line: 0, character: 0 }, end: { line: 600, character: 0 } };
      for (let version = 2; version <= 41; version++) {
        const uri = uris[version % 2];
        await edit(server, uri, version, (version * 37) % 600);
        refs.push(new WeakRef(server.server.context.analysisOf(uri)!));
        // The requests an editor sends after each edit.
        await Promise.all([
          server.client.sendRequest('textDocument/semanticTokens/full', { textDocument }),
          server.client.sendRequest('textDocument/documentSymbol', { textDocument }),
          server.client.sendRequest('textDocument/foldingRange', { textDocument }),
          server.client.sendRequest('textDocument/inlayHint', { textDocument, range: whole }),
          server.client.sendRequest('textDocument/codeLens', { textDocument }),
          server.client.sendRequest('textDocument/codeAction', {
            textDocument,
            range: whole,
            context: { diagnostics: [] },
          }),
          server.client.sendRequest('textDocument/hover', { textDocument, position: { line: 7, character: 14 } }),
        ]);
      }
      assert.equal(server.server.cachedAnalyses(), 2);
      await collect();
      assert.equal(alive(refs), 2, 'analyses of older versions are still reachable');

      await server.client.sendNotification('textDocument/didClose', { textDocument: { uri: uris[0] } });
      await server.client.sendNotification('textDocument/didClose', { textDocument: { uri: uris[1] } });
      await server.client.sendRequest('textDocument/hover', { textDocument, position: { line: 0, character: 0 } });
      assert.equal(server.server.cachedAnalyses(), 0);
      await collect();
      assert.equal(alive(refs), 0, 'analyses of closed documents are still reachable');
    } finally {
      server.dispose();
    }
  });
});
