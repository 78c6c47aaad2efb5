/** `nn … | head -1`: when the reader goes away, every command ends quietly with status 0 (no EPIPE stack trace). */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

/** Runs `nn ARGS` with its output piped into a reader that closes after the first line, as `head -1` does. */
function firstLineOnly(args: string[], cwd: string): Promise<{ status: number | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let first = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const end = out.indexOf('\n');
      if (end >= 0 && !first) {
        first = out.slice(0, end);
        child.stdout.destroy();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, first, stderr }));
  });
}

describe('cli: a closed output pipe', function () {
  this.timeout(60000);
  let dir: string;

  before(() => {
    if (!existsSync(CLI)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
    dir = mkdtempSync(join(tmpdir(), 'nn-epipe-'));
    // Far more output than a pipe buffers (64 KiB), so the writes go on after the reader has gone.
    const layers = Array.from({ length: 3000 }, () => '  dense 8 sigmoid').join('\n');
    writeFileSync(join(dir, 'big.nn'), `model big {\n  task binary\n  input 2\n${layers}\n  dense 1 sigmoid\n}\n`);
  });

  const cases: Array<[string, string[]]> = [
    ['check', ['check', 'big.nn']],
    ['check --format json', ['check', 'big.nn', '--format', 'json']],
    ['summary', ['summary', 'big.nn']],
    ['explain', ['explain', ...Array.from({ length: 300 }, () => 'saturating-stack')]],
  ];
  for (const [name, args] of cases) {
    it(`nn ${name} exits 0 without a stack trace`, async () => {
      const { status, first, stderr } = await firstLineOnly(args, dir);
      assert.ok(first.length > 0, 'the first line arrived');
      assert.doesNotMatch(stderr, /EPIPE|Error|\n\s+at /);
      assert.equal(status, 0);
    });
  }
});
