// Bundles every entry point of the extension into dist/.
// Usage: node esbuild.mjs [--watch] [--production] [--only NAME] [--outdir DIR]
// (--only builds one entry, e.g. `extension`; --outdir writes elsewhere than dist/, as the bundle tests do.)
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** The value after a flag, e.g. `--only extension`. */
const option = (flag) => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const only = option('--only');
const outdir = option('--outdir') ?? 'dist';

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
    alias: entry.alias,
    banner: entry.banner ? { js: entry.banner } : undefined,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
    loader: { '.css': 'text' },
  });
  contexts.push(ctx);
}

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  console.log('[esbuild] watching', contexts.length, 'entries');
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
