/**
 * The extension host is a thin client: it knows VS Code and the protocol, nothing of the language. Its sources
 * import only the protocol and a few small helpers from the server's folder, and the production bundle
 * `dist/extension.js` carries no parser, analysis, check or catalog text (the server, the CLI and the worker do).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');

/** Text that only the language's own code holds: one piece per part of the core. */
const CORE_TEXT: [string, string][] = [
  ['the parser', 'a statement ends at the end of the line or at'],
  ['the catalog', 'Squashes any input into (0, 1), so the output reads as a probability.'],
  ['the checks', 'dying-relu-risk'],
  ['the analysis', "has no 'input' line"],
];

/** What client code may import from the server's folder: the protocol and small helpers without core imports. */
const ALLOWED_FROM_SERVER = [
  'server/src/protocol.ts',
  'server/src/protocolValidate.ts',
  'server/src/train/runner.ts',
  // The Node entry's worker-thread port for the runner (the web entry makes Web Workers instead).
  'server/src/train/nodeWorker.ts',
  'server/src/serverFlags.ts',
];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

describe('the thin client', function () {
  this.timeout(120_000);
  let out: string;

  before(() => {
    out = mkdtempSync(join(tmpdir(), 'nn-bundle-'));
    for (const entry of ['extension', 'server']) {
      execFileSync(process.execPath, ['esbuild.mjs', '--production', '--only', entry, '--outdir', out], {
        cwd: ROOT,
        stdio: 'pipe',
      });
    }
  });

  after(() => rmSync(out, { recursive: true, force: true }));

  for (const [part, text] of CORE_TEXT) {
    it(`dist/extension.js (production) holds nothing of ${part}, which dist/server.js does`, () => {
      assert.ok(
        readFileSync(join(out, 'server.js'), 'utf8').includes(text),
        `the marker of ${part} is not in the server bundle: pick another`,
      );
      assert.ok(
        !readFileSync(join(out, 'extension.js'), 'utf8').includes(text),
        `the extension bundle holds ${part} ('${text}')`,
      );
    });
  }

  it('client sources import only VS Code, the language client, Node and the protocol', () => {
    const problems: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'client', 'src'))) {
      for (const spec of importsOf(file)) {
        if (
          spec === 'vscode' ||
          spec.startsWith('vscode-languageclient') ||
          spec === 'vscode-languageserver-protocol' ||
          spec.startsWith('node:')
        )
          continue;
        const target = relative(ROOT, resolve(dirname(file), spec)).replace(/\\/g, '/');
        if (target.startsWith('client/src/') || ALLOWED_FROM_SERVER.includes(`${target}.ts`)) continue;
        problems.push(`${relative(ROOT, file)} imports '${spec}'`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('the helpers the client takes from the server import nothing of the core', () => {
    for (const helper of ALLOWED_FROM_SERVER) {
      const file = join(ROOT, helper);
      const text = readFileSync(file, 'utf8');
      for (const spec of importsOf(file)) {
        const typeOnly = new RegExp(
          `import type [^;]*from ['"]${spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"]`,
        ).test(text);
        const target = relative(ROOT, resolve(dirname(file), spec)).replace(/\\/g, '/');
        const allowed =
          spec.startsWith('node:') ||
          ALLOWED_FROM_SERVER.includes(`${target}.ts`) ||
          spec === 'vscode-jsonrpc' ||
          spec === './protocol' ||
          spec === '../protocol' ||
          typeOnly;
        assert.ok(allowed, `${helper} imports '${spec}' at run time`);
      }
    }
  });
});
