// `npm run demo`: builds and packages the extension, checks every example from the command line, then
// summarizes, trains and exports examples/spirals.nn with its trained weights. Every step prints the command
// it runs. `npm run demo -- --skip-package` leaves out packaging (dist/ must be built: node esbuild.mjs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const skipPackage = process.argv.includes('--skip-package');

function run(command, args, { allowFailure = false } = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0 && !allowFailure) {
    console.error(`demo: '${command} ${args.join(' ')}' failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
  return result.status;
}

console.log(
  'NN Studio demo: build and package the extension, check the examples, then train and export the spirals model.',
);

if (!skipPackage) {
  run(npm, ['run', 'package']);
  const vsix = path.join(root, 'dist/nn-studio.vsix');
  console.log(`\nPackaged ${path.relative(root, vsix)}: ${(statSync(vsix).size / 1024).toFixed(1)} KB`);
  console.log(`Install it with: code --install-extension ${path.relative(root, vsix)}`);
}

const cli = path.join(root, 'dist/cli.js');
if (!existsSync(cli)) {
  console.error('demo: dist/cli.js was not built, so the command-line checks cannot run');
  process.exit(1);
}
const examples = readdirSync(path.join(root, 'examples'))
  .filter((name) => name.endsWith('.nn'))
  .sort()
  .map((name) => path.join('examples', name));
const status = run('node', ['dist/cli.js', 'check', ...examples], { allowFailure: true });
if (status === 0) {
  console.log('\nnn check: no errors in the examples.');
} else if (status === 1) {
  console.log(
    '\nnn check: errors found (exit code 1). examples/flawed.nn is wrong on purpose; the others should be clean.',
  );
} else {
  console.error(`\ndemo: nn check could not run (exit code ${status})`);
  process.exit(status ?? 1);
}

// The main job: what the spirals model looks like, how it trains, and what it exports to. It works on a
// copy in a temporary folder, so the saved run (.nn-runs/) and the exports stay out of the repository.
run('node', ['dist/cli.js', 'summary', 'examples/spirals.nn']);
const out = mkdtempSync(path.join(tmpdir(), 'nn-demo-export-'));
const copy = path.join(out, 'spirals.nn');
copyFileSync(path.join(root, 'examples/spirals.nn'), copy);
console.log(`\nCopied examples/spirals.nn to ${copy}`);
run('node', ['dist/cli.js', 'train', copy]);
// --weights reuses the run just saved in .nn-runs/, so every export holds the trained weights.
for (const target of ['pytorch', 'onnx', 'json']) {
  run('node', ['dist/cli.js', 'export', copy, '--to', target, '--weights']);
}
const exported = readdirSync(out)
  .filter((name) => name !== 'spirals.nn' && !name.startsWith('.'))
  .sort();
console.log(`\nExports of the trained model written to ${out}: ${exported.join(', ')}`);
console.log(
  '\nDemo finished. Open examples/ in VS Code with the extension installed to see hovers, checks and the training panel.',
);
