// Bundles every entry point of the extension into dist/.
// Usage: node esbuild.mjs [--watch] [--production] [--only NAME] [--outdir DIR] [--metafile]
// (--only builds one entry, e.g. `extension` or `web/server`; --outdir writes elsewhere than dist/, as the bundle
// tests do; --metafile also writes OUT.meta.json per entry and keeps a Node built-in that a browser bundle
// cannot resolve as an import, so that test/unit/web/bundles.test.ts can name the import chain that reaches it.)
import * as esbuild from 'esbuild';
import { existsSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** The value after a flag, e.g. `--only extension`. */
const option = (flag) => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const only = option('--only');
const outdir = option('--outdir') ?? 'dist';
const metafile = process.argv.includes('--metafile');

/**
 * For --metafile: a Node built-in that a browser bundle cannot resolve stays an import (listed in the metafile)
 * instead of failing the build. One a package maps away for browsers (its `browser` field) resolves as usual.
 */
const keepNodeBuiltins = {
  name: 'keep-node-builtins',
  setup(build) {
    const names = builtinModules.map((name) => name.replace(/[/]/g, '\\/')).join('|');
    build.onResolve({ filter: new RegExp(`^(node:.*|(${names})(/.*)?)$`) }, async (args) => {
      if (args.pluginData === 'inner') return undefined;
      const { kind, importer, resolveDir } = args;
      const result = await build.resolve(args.path, { kind, importer, resolveDir, pluginData: 'inner' });
      // Resolvable (a package maps it to an empty module for browsers): left to esbuild as usual.
      return result.errors.length === 0 ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * The protocol's typed message objects come from vscode-jsonrpc; bundles that speak no LSP (the webview, the
 * worker) take only its one small file of message classes instead of the whole library.
 */
const messageClassesOnly = { 'vscode-jsonrpc': './node_modules/vscode-jsonrpc/lib/common/messages.js' };

/** Each entry is built only when its source exists, so the tree can grow one piece at a time. */
const entries = [
  { in: 'client/src/extension.ts', out: 'extension', platform: 'node', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server', platform: 'node' },
  { in: 'server/src/cli/main.ts', out: 'cli', platform: 'node', banner: '#!/usr/bin/env node' },
  { in: 'server/src/train/worker.ts', out: 'trainWorker', platform: 'node', alias: messageClassesOnly },
  { in: 'media/src/panel/main.ts', out: 'panel', platform: 'browser', format: 'iife', alias: messageClassesOnly },
  // VS Code for the Web: the extension in the web worker extension host, the language server and the
  // training session in Web Workers. No Node module may reach these (test/unit/web/bundles.test.ts).
  { in: 'client/src/browserExtension.ts', out: 'web/extension', platform: 'browser', external: ['vscode'] },
  { in: 'server/src/browserServer.ts', out: 'web/server', platform: 'browser', format: 'iife' },
  {
    in: 'server/src/train/browserWorker.ts',
    out: 'web/trainWorker',
    platform: 'browser',
    format: 'iife',
    alias: messageClassesOnly,
  },
];

const contexts = [];
for (const entry of entries) {
  if (!existsSync(entry.in) || (only && entry.out !== only)) continue;
  const ctx = await esbuild.context({
    entryPoints: { [entry.out]: entry.in },
    bundle: true,
    outdir,
    platform: entry.platform,
    format: entry.format ?? 'cjs',
    target: entry.platform === 'node' ? 'node20' : 'es2022',
    external: entry.external ?? [],
    plugins: metafile && entry.platform === 'browser' ? [keepNodeBuiltins] : [],
    alias: entry.alias,
    banner: entry.banner ? { js: entry.banner } : undefined,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
    loader: { '.css': 'text' },
    metafile,
  });
  contexts.push({ ctx, out: entry.out });
}

if (watch) {
  await Promise.all(contexts.map(({ ctx }) => ctx.watch()));
  console.log('[esbuild] watching', contexts.length, 'entries');
} else {
  const results = await Promise.all(contexts.map(({ ctx }) => ctx.rebuild()));
  if (metafile)
    results.forEach((result, i) =>
      writeFileSync(`${outdir}/${contexts[i].out}.meta.json`, JSON.stringify(result.metafile)),
    );
  await Promise.all(contexts.map(({ ctx }) => ctx.dispose()));
}
