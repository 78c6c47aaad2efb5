/**
 * The `$nn` problem matcher of package.json, applied as VS Code applies it (each pattern's regexp to each output
 * line) to the real output of `nn check`: it must find every finding with its file, place, severity, code and message.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

interface Pattern {
  regexp: string;
  file: number;
  line: number;
  column: number;
  severity: number;
  code: number;
  message: number;
}
interface Matcher {
  name: string;
  owner: string;
  source?: string;
  fileLocation: string[];
  pattern: string | Pattern;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { problemMatchers?: Matcher[]; problemPatterns?: Array<Pattern & { name: string }> };
};

/** The matcher's pattern, following a `$name` reference into contributes.problemPatterns as VS Code does. */
function pattern(matcher: Matcher): Pattern {
  if (typeof matcher.pattern !== 'string') return matcher.pattern;
  const name = matcher.pattern.replace(/^\$/, '');
  const found = manifest.contributes.problemPatterns?.find((p) => p.name === name);
  assert.ok(found, `problem pattern '${name}' is contributed`);
  return found;
}

describe('cli: the $nn problem matcher', function () {
  this.timeout(60000);
  let dir: string;

  before(() => {
    if (!existsSync(CLI)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
    dir = mkdtempSync(join(tmpdir(), 'nn-matcher-'));
    // Every severity, a name with a space and a colon-rich message, and a syntax error.
    writeFileSync(
      join(dir, 'mixed bag.nn'),
      [
        'model m {',
        '  input 2',
        '  dense 8 relu',
        '  dense 8 tanh',
        '  dense 3 softmax',
        '  dense 1 softmax',
        '}',
        'model r {',
        '  task regression',
        '  input 1',
        '  dense 4 relu',
        '  dense 1 relu',
        '}',
        'model s {',
        '  task binary',
        '  input 2',
        '  dense eight relu',
        '  dense 1 sigmoid',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('is contributed as $nn, with an owner apart from the language server\'s diagnostics (collection "nn")', () => {
    const matcher = manifest.contributes.problemMatchers?.find((m) => m.name === 'nn');
    assert.ok(matcher, 'contributes.problemMatchers has "nn"');
    assert.equal(matcher.owner, 'nn-check');
    assert.equal(matcher.fileLocation[0], 'autoDetect');
  });

  it('reads file, line, column, severity, code and message from every line of nn check', () => {
    const matcher = manifest.contributes.problemMatchers!.find((m) => m.name === 'nn')!;
    const p = pattern(matcher);
    const regexp = new RegExp(p.regexp);
    const text = spawnSync(process.execPath, [CLI, 'check', '.'], { cwd: dir, encoding: 'utf8' }).stdout;
    const json = JSON.parse(
      spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' }).stdout,
    ) as Array<{ file: string; line: number; column: number; severity: string; code: string; message: string }>;
    const matched = text
      .split('\n')
      .map((line) => regexp.exec(line))
      .filter((m) => m !== null)
      .map((m) => ({
        file: m[p.file],
        line: Number(m[p.line]),
        column: Number(m[p.column]),
        severity: m[p.severity],
        code: m[p.code],
        message: m[p.message],
      }));
    const expected = json.map(({ file, line, column, severity, code, message }) => ({
      file,
      line,
      column,
      severity,
      code,
      message,
    }));
    assert.deepEqual(
      new Set(expected.map((f) => f.severity)),
      new Set(['error', 'warning', 'info', 'hint']),
      'the fixture has every severity',
    );
    assert.deepEqual(matched, expected);
    assert.equal(text.trim().split('\n').length, matched.length + 1, 'only the summary line is left over');
  });
});
