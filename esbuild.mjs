// Bundles every entry point of the extension into dist/.
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Each entry is built only when its source exists, so the tree can grow one piece at a time. */
const entries = [
  { in: 'client/src/extension.ts', out: 'extension', platform: 'node', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server', platform: 'node' },
  { in: 'server/src/cli/main.ts', out: 'cli', platform: 'node', banner: '#!/usr/bin/env node' },
  { in: 'server/src/train/worker.ts', out: 'trainWorker', platform: 'node' },
  { in: 'media/src/panel/main.ts', out: 'panel', platform: 'browser', format: 'iife' },
];

const contexts = [];
for (const entry of entries) {
  if (!existsSync(entry.in)) continue;
  const ctx = await esbuild.context({
    entryPoints: { [entry.out]: entry.in },
    bundle: true,
    outdir: 'dist',
    platform: entry.platform,
    format: entry.format ?? 'cjs',
    target: entry.platform === 'node' ? 'node20' : 'es2022',
    external: entry.external ?? [],
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
