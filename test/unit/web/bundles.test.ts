/**
 * The bundles for VS Code for the Web: built for production with esbuild's metafile, no Node built-in module
 * may reach them (a failure names the import chain from the entry to the import), and each is within 10% of
 * the size of its desktop counterpart.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');

/** Each web bundle, its source, and the desktop bundle it replaces. */
const WEB_BUNDLES = [
  { out: 'web/extension', source: 'client/src/browserExtension.ts', desktop: 'extension' },
  { out: 'web/server', source: 'server/src/browserServer.ts', desktop: 'server' },
  { out: 'web/trainWorker', source: 'server/src/train/browserWorker.ts', desktop: 'trainWorker' },
];

/** How much larger than its desktop counterpart a web bundle may be. */
const MAX_RATIO = 1.1;

interface Metafile {
  inputs: Record<string, { imports: { path: string; kind: string; external?: boolean; original?: string }[] }>;
  outputs: Record<string, { entryPoint?: string }>;
}

const BUILTINS = new Set(builtinModules);
/** `node:fs`, `fs`, `fs/promises`: a module only Node has. */
function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]);
}

/** Every import of a Node built-in in the bundle, with the chain of files from the entry that reaches it. */
export function nodeImportChains(meta: Metafile): string[] {
  const entry = Object.values(meta.outputs).find((o) => o.entryPoint)?.entryPoint;
  if (!entry) return ['the metafile names no entry point'];
  const via = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  const found: string[] = [];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const i of meta.inputs[file]?.imports ?? []) {
      if (i.external) {
        if (isNodeBuiltin(i.path)) found.push(`${[...via.get(file)!].join('\n      → ')}\n      imports '${i.path}'`);
        continue;
      }
      if (via.has(i.path)) continue;
      via.set(i.path, [...via.get(file)!, i.path]);
      queue.push(i.path);
    }
  }
  return found;
}

describe('web bundles', function () {
  this.timeout(180_000);
  let out: string;

  before(() => {
    out = mkdtempSync(join(tmpdir(), 'nn-web-bundles-'));
    execFileSync(process.execPath, ['esbuild.mjs', '--production', '--metafile', '--outdir', out], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  });

  after(() => rmSync(out, { recursive: true, force: true }));

  /** The bundle's file, failing with a clear message when its source is not written yet. */
  function built(bundle: (typeof WEB_BUNDLES)[number]): string {
    const file = join(out, `${bundle.out}.js`);
    assert.ok(
      existsSync(join(ROOT, bundle.source)),
      `${bundle.source} does not exist, so dist/${bundle.out}.js is not built (issue #16)`,
    );
    assert.ok(existsSync(file), `esbuild.mjs built no ${bundle.out}.js from ${bundle.source}`);
    return file;
  }

  for (const bundle of WEB_BUNDLES) {
    it(`dist/${bundle.out}.js imports no Node built-in module`, () => {
      built(bundle);
      const meta = JSON.parse(readFileSync(join(out, `${bundle.out}.meta.json`), 'utf8')) as Metafile;
      const chains = nodeImportChains(meta);
      assert.deepEqual(
        chains,
        [],
        `Node built-ins reach dist/${bundle.out}.js, which runs in a browser:\n  ${chains.join('\n  ')}\n`,
      );
    });

    it(`dist/${bundle.out}.js is at most ${MAX_RATIO}× dist/${bundle.desktop}.js (production)`, () => {
      const web = statSync(built(bundle)).size;
      const desktop = statSync(join(out, `${bundle.desktop}.js`)).size;
      const ratio = web / desktop;
      console.log(
        `      ${bundle.out}.js ${(web / 1024).toFixed(0)} KiB, ${bundle.desktop}.js ${(desktop / 1024).toFixed(0)} KiB: ratio ${ratio.toFixed(3)}`,
      );
      assert.ok(
        ratio <= MAX_RATIO,
        `dist/${bundle.out}.js is ${web} bytes, ${ratio.toFixed(3)}× dist/${bundle.desktop}.js (${desktop} bytes); at most ${MAX_RATIO}× is allowed`,
      );
    });
  }

  it('the chain finder names the files between the entry and a Node import', () => {
    const meta: Metafile = {
      outputs: { 'out.js': { entryPoint: 'a.ts' } },
      inputs: {
        'a.ts': { imports: [{ path: 'b.ts', kind: 'import-statement' }] },
        'b.ts': {
          imports: [
            { path: 'node:fs', kind: 'import-statement', external: true },
            { path: './types', kind: 'import-statement', external: true },
          ],
        },
      },
    };
    assert.deepEqual(nodeImportChains(meta), ["a.ts\n      → b.ts\n      imports 'node:fs'"]);
  });
});
