/**
 * `npm run bench`: runs every benchmark (each `bench/<name>/index.ts`) in its own process, one after the
 * other, so each starts with a cold JIT and a clean heap. Pass names to run only those: `npm run bench -- engine`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = __dirname;
const only = process.argv.slice(2);
const benches = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n=== bench: ${name} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, name, 'index.ts')], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`bench ${name} exited with ${result.status ?? result.signal}`);
  }
}
if (benches.length === 0) console.log('no benchmarks found');
process.exitCode = failed > 0 ? 1 : 0;
