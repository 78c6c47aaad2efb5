/**
 * Installs the competitors (TensorFlow.js with its cpu and wasm backends, brain.js) on demand into the
 * git-ignored `.bench-deps/` folder. They are never dependencies of the product.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEPS_DIR = join(__dirname, '..', '..', '.bench-deps');
const PACKAGES = ['@tensorflow/tfjs@4.22.0', '@tensorflow/tfjs-backend-wasm@4.22.0', 'brain.js@1.6.1'];

function installed(name: string): boolean {
  return existsSync(join(DEPS_DIR, 'node_modules', name, 'package.json'));
}

/** Ensures the packages are there; returns the names that are usable. */
export function ensureCompetitors(): Set<string> {
  const names = PACKAGES.map((p) => p.slice(0, p.lastIndexOf('@')));
  if (!names.every(installed)) {
    mkdirSync(DEPS_DIR, { recursive: true });
    if (!existsSync(join(DEPS_DIR, 'package.json')))
      writeFileSync(join(DEPS_DIR, 'package.json'), '{ "name": "bench-deps", "private": true }\n');
    console.log(`installing ${PACKAGES.join(', ')} into .bench-deps/ …`);
    const args = [
      'install',
      '--prefix',
      DEPS_DIR,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...PACKAGES,
    ];
    const useLock = spawnSync('flock', ['--version']).status === 0;
    const result = useLock
      ? spawnSync('flock', ['/tmp/nn-npm.lock', 'npm', ...args], { stdio: 'inherit' })
      : spawnSync('npm', args, { stdio: 'inherit' });
    if (result.status !== 0) console.log('could not install every competitor; benchmarking what is there');
  }
  return new Set(names.filter(installed));
}

/** require() from .bench-deps. */
export function requireDep<T>(name: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(DEPS_DIR, 'node_modules', name)) as T;
}
