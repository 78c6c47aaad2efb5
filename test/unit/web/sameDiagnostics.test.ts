/**
 * The same `.nn` files give the same diagnostics on both hosts: the Node server (dist/server.js over stdio)
 * and the web worker server (dist/web/server.js over a MessageChannel), for every example and check fixture.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../lsp/client';
import { startBrowserServer, type BrowserServer } from './browserServer';

const ROOT = resolve(__dirname, '..', '..', '..');

function nnFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return nnFiles(path);
    return entry.name.endsWith('.nn') ? [path] : [];
  });
}

/** What both hosts must agree on, in a stable order. */
function comparable(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .map((d) => JSON.stringify({ code: d.code, range: d.range, severity: d.severity, message: d.message }))
    .sort();
}

describe('the same diagnostics on both hosts', function () {
  this.timeout(120_000);
  const files = [...nnFiles(join(ROOT, 'examples')), ...nnFiles(join(ROOT, 'test', 'fixtures', 'checks'))];
  let node: LspClient;
  let web: BrowserServer;

  before(async () => {
    node = await LspClient.start(ROOT);
    web = await startBrowserServer(pathToFileURL(ROOT).href);
  });

  after(async () => {
    web?.stop();
    await node?.stop();
  });

  it('finds the examples and the check fixtures', () => {
    assert.ok(files.length > 100, `only ${files.length} files`);
  });

  it('every example and check fixture', async () => {
    const differences: string[] = [];
    let findings = 0;
    for (const file of files) {
      const uri = pathToFileURL(file).href;
      const text = readFileSync(file, 'utf8');
      await node.open(uri, text);
      await web.open(uri, text);
      const [fromNode, fromWeb] = await Promise.all([node.diagnostics(uri), web.diagnostics(uri, 1)]);
      const a = comparable(fromNode);
      const b = comparable(fromWeb.diagnostics);
      findings += a.length;
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        differences.push(
          `${relative(ROOT, file)}:\n    node: ${a.join('\n          ')}\n    web:  ${b.join('\n          ')}`,
        );
      }
    }
    assert.ok(findings > 100, `only ${findings} diagnostics in all: the comparison would prove little`);
    assert.deepEqual(
      differences,
      [],
      `the hosts disagree on ${differences.length} file(s):\n${differences.join('\n')}`,
    );
  });
});
