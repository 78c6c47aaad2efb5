/** `nn train` and data-path problems: each is printed once, at its place, and a folder is called a folder. */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNn } from '../../support/cli';

const model = (path: string) =>
  `model c {\n  task binary\n  input 2\n  dense 1 sigmoid\n}\ntrain c {\n  data csv("${path}", target: "label")\n}\n`;

describe('nn train: data-path errors', () => {
  let base: string;
  let ws: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'nn-data-cli-'));
    ws = join(base, 'ws');
    mkdirSync(join(ws, 'points'), { recursive: true });
    mkdirSync(join(base, 'outside'));
    writeFileSync(join(base, 'outside', 'secret.csv'), 'secret_alpha,secret_beta,label\n1,2,a\n3,4,b\n');
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  /** Runs `nn train` on a file with this data path; returns its data-path lines (and everything it printed). */
  async function train(path: string): Promise<{ code: number; lines: string[]; all: string }> {
    const file = join(ws, 'm.nn');
    writeFileSync(file, model(path));
    const { code, out, err } = await runNn('train', file, '--epochs', '1', '--no-save');
    return { code, lines: err.split('\n').filter((l) => l.includes('data-path')), all: `${out}\n${err}` };
  }

  it('prints a path outside the workspace once, with its place', async () => {
    const { code, lines } = await train('../outside/secret.csv');
    assert.notEqual(code, 0);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /m\.nn:7:12: error data-path: data files must be inside the workspace/);
  });

  it('prints a link out of the workspace once, and nothing of the file behind it', async () => {
    symlinkSync(join('..', 'outside', 'secret.csv'), join(ws, 'link.csv'));
    const { code, lines, all } = await train('link.csv');
    assert.notEqual(code, 0);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(
      lines[0],
      /m\.nn:7:12: error data-path: 'link\.csv' goes through a symbolic link that leads outside the workspace/,
    );
    assert.ok(!all.includes('secret_'), all);
  });

  it('says that a folder is a folder, at the path', async () => {
    const { code, lines } = await train('points');
    assert.notEqual(code, 0);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /m\.nn:7:12: error data-path: 'points' is a folder, not a data file/);
    assert.doesNotMatch(lines[0], /not found/);
  });
});
