/** Control characters never reach the terminal raw: `terminalSafe` and every command's output, run as the built CLI. */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { terminalSafe } from '../../../server/src/cli/terminal';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

/** What a terminal may act on: control characters (category Cc) but newline and tab, and bidi overrides and isolates. */
const UNSAFE = /(?![\n\t])\p{Cc}|[\u202a-\u202e\u2066-\u2069]/u;

function nn(args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: terminal-safe output', function () {
  this.timeout(60000);

  describe('terminalSafe', () => {
    it('leaves no control character but newline and tab, for any string', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
          assert.doesNotMatch(terminalSafe(text), UNSAFE);
        }),
        { numRuns: 3000 },
      );
    });

    it('leaves printable text, newlines and tabs unchanged', () => {
      const printable = fc.string({ unit: 'binary', maxLength: 200 }).filter((s) => !UNSAFE.test(s));
      fc.assert(
        fc.property(printable, (text) => assert.equal(terminalSafe(text), text)),
        { numRuns: 3000 },
      );
      assert.equal(terminalSafe('a\tb\nc — ü 😀 \\x1b'), 'a\tb\nc — ü 😀 \\x1b');
    });

    it('shows each control character as an escape a reader can recognize', () => {
      assert.equal(terminalSafe('a\u001b[31mb\u0007c\r'), 'a\\u001b[31mb\\u0007c\\u000d');
      assert.equal(terminalSafe('x\u202ey\u2066z\u0085'), 'x\\u202ey\\u2066z\\u0085');
    });

    it('keeps JSON valid and meaning the same string', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (text) => {
          assert.equal(JSON.parse(terminalSafe(JSON.stringify({ text }))).text, text);
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe('the nn commands', () => {
    let dir: string;
    before(() => {
      if (!existsSync(CLI)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
      dir = mkdtempSync(join(tmpdir(), 'nn-terminal-'));
      // ESC and BEL inside an unknown activation name and a stray character: both reach a message.
      writeFileSync(
        join(dir, 'escapes.nn'),
        'model m {\n  task binary\n  input 2\n  dense 8 re\u001b]0;owned\u0007lu\n  dense 1 sigmoid \u001b[2J\n}\n',
      );
      writeFileSync(
        join(dir, 'bidi\u202e.nn'),
        'model m {\n  task binary\n  input 2\n  dense 8 sigmoid\n  dense 1 sigmoid\n}\n',
      );
    });

    it('nn check shows ESC and BEL from the file escaped', () => {
      const { stdout, stderr } = nn(['check', 'escapes.nn'], dir);
      assert.match(stdout, /\\u001b/);
      assert.doesNotMatch(stdout + stderr, UNSAFE);
    });

    it('nn check escapes file names, and its JSON output stays valid', () => {
      const text = nn(['check', '.'], dir);
      assert.match(text.stdout, /^bidi\\u202e\.nn:4:11 warning sigmoid-hidden /m);
      assert.doesNotMatch(text.stdout + text.stderr, UNSAFE);
      const json = nn(['check', '.', '--format', 'json'], dir);
      assert.doesNotMatch(json.stdout, UNSAFE);
      const findings = JSON.parse(json.stdout) as Array<{ message: string }>;
      assert.ok(
        findings.some((f) => f.message.includes('\u001b')),
        'JSON still carries the real characters',
      );
    });

    it('escapes what every command echoes back: codes, file names, model names', () => {
      const bad = 'x\u001b[31m\u0007';
      for (const args of [
        ['explain', bad],
        ['summary', `${bad}.nn`],
        ['train', `${bad}.nn`],
        ['export', `${bad}.nn`, '--to', 'json'],
        ['summary', 'escapes.nn', '--model', bad],
        [bad],
        ['check', 'escapes.nn', `--format=${bad}`],
      ]) {
        const { stdout, stderr } = nn(args, dir);
        assert.ok(stderr.includes('\\u001b') || stdout.includes('\\u001b'), `${args.join(' ')} echoes the name`);
        assert.doesNotMatch(stdout + stderr, UNSAFE, args.join(' '));
      }
    });
  });
});
