/** `nn check` (text, JSON, SARIF 2.1.0, exit codes, settings) and `nn explain`, run as the built command line. */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

function nn(args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('nn check and nn explain', function () {
  this.timeout(60000);
  let dir: string;

  before(() => {
    if (!existsSync(CLI)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
    dir = mkdtempSync(join(tmpdir(), 'nn-check-'));
    // A non-ASCII comment before the finding: columns count UTF-16 code units.
    writeFileSync(
      join(dir, 'warn.nn'),
      '# 😀 warm-up\nmodel m {\n  task binary\n  input 2\n  dense 8 sigmoid\n  dense 1 sigmoid\n}\n',
    );
    writeFileSync(join(dir, 'error.nn'), 'model e {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 softmax\n}\n');
    writeFileSync(join(dir, 'clean.nn'), 'model c {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 sigmoid\n}\n');
    writeFileSync(
      join(dir, 'settings.json'),
      '{\n  // as in .vscode/settings.json\n  "nn.checks": { "sigmoid-hidden": "error", },\n}\n',
    );
  });

  it('prints file:line:col severity code message, 1-based, and exits 0 without errors', () => {
    const { status, stdout } = nn(['check', 'warn.nn'], dir);
    assert.equal(status, 0);
    const [first, summary] = stdout.trim().split('\n');
    assert.match(first, /^warn\.nn:5:11 warning sigmoid-hidden hidden layer 'dense_1' uses sigmoid/);
    assert.equal(summary, '1 file checked: 0 errors, 1 warning, 0 notes');
  });

  it('exits 1 when any file has an error, and checks folders recursively', () => {
    const { status, stdout } = nn(['check', '.'], dir);
    assert.equal(status, 1);
    assert.match(stdout, /^error\.nn:5:11 error softmax-one-unit /m);
    assert.match(stdout, /3 files checked: 1 error, 1 warning, 0 notes/);
  });

  it('reads severities from a settings file', () => {
    const { status, stdout } = nn(['check', 'warn.nn', '--settings', 'settings.json'], dir);
    assert.equal(status, 1);
    assert.match(stdout, /warn\.nn:5:11 error sigmoid-hidden/);
  });

  it('writes JSON with ranges and related lines', () => {
    const { stdout } = nn(['check', 'error.nn', '--format', 'json'], dir);
    const [d] = JSON.parse(stdout);
    assert.deepEqual(
      [d.file, d.line, d.column, d.endLine, d.endColumn, d.severity, d.code, d.source],
      ['error.nn', 5, 11, 5, 18, 'error', 'softmax-one-unit', 'nn'],
    );
  });

  it('writes SARIF 2.1.0 with rules, levels, relative locations and related locations', () => {
    const out = join(dir, 'report.sarif');
    const { status } = nn(['check', 'warn.nn', 'error.nn', '--format=sarif', '--output', out], dir);
    assert.equal(status, 1);
    const log = JSON.parse(readFileSync(out, 'utf8')) as Sarif.Log;
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'nn');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const rules = run.tool.driver.rules!;
    assert.deepEqual(
      rules.map((r) => r.id),
      ['sigmoid-hidden', 'softmax-one-unit'],
    );
    assert.ok(rules[0].help?.text?.includes('0.25'), 'the rule carries the explanation');
    assert.deepEqual(
      run.results!.map((r) => [r.ruleId, r.level, rules[r.ruleIndex!].id]),
      [
        ['sigmoid-hidden', 'warning', 'sigmoid-hidden'],
        ['softmax-one-unit', 'error', 'softmax-one-unit'],
      ],
    );
    const location = run.results![0].locations![0].physicalLocation!;
    assert.deepEqual(location.artifactLocation, { uri: 'warn.nn', uriBaseId: 'SRCROOT' });
    assert.deepEqual(location.region, { startLine: 5, startColumn: 11, endLine: 5, endColumn: 18 });
    assert.match(run.originalUriBaseIds!.SRCROOT.uri!, /^file:\/\/.*\/$/);
  });

  it('reports bad usage and missing files with exit code 2', () => {
    assert.equal(nn(['check'], dir).status, 2);
    assert.equal(nn(['check', 'clean.nn', '--format', 'xml'], dir).status, 2);
    const missing = nn(['check', 'nope.nn'], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.nn/);
  });

  it('explains a code with its facts, fixes and an example', () => {
    const { status, stdout } = nn(['explain', 'saturating-stack'], dir);
    assert.equal(status, 0);
    assert.match(stdout, /^saturating-stack \(warning\)/);
    assert.match(stdout, /0\.25⁴ ≈ 0\.0039/);
    assert.match(stdout, /relu: Switch every layer/);
    assert.match(stdout, /line 4: warning saturating-stack: 3 saturating hidden layers/);
  });

  it('explains parser and training codes, suggests a near code, and lists them all', () => {
    assert.match(nn(['explain', 'dead-units'], dir).stdout, /training check/);
    const typo = nn(['explain', 'sigmoid-hiden'], dir);
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /did you mean 'sigmoid-hidden'/);
    assert.match(nn(['explain'], dir).stdout, /all-linear/);
  });
});
