/**
 * Data files reached through symbolic links: a link (to a file or a folder) that leads out of the workspace is
 * refused when the file is analysed and again when it is read, and nothing of the refused file is ever shown.
 * Uses real links in a temporary folder.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../../server/src/analysis';
import { nodeRealPath } from '../../../server/src/train/data/realPath';
import { withCsvText, type DataAccess } from '../../../server/src/train/hostData';
import { planRun, type RunPlan } from '../../../server/src/run/pipeline';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

/** The header of the outside file: no message may contain any of it. */
const SECRET = 'secret_alpha,secret_beta,label';
const INSIDE = 'x,y,label\n0,0,a\n1,1,b\n0,1,a\n1,0,b\n';

const model = (path: string, target = 'label') =>
  `model c {\n  task binary\n  input 2\n  dense 1 sigmoid\n}\ntrain c {\n  data csv("${path}", target: "${target}")\n}\n`;

describe('data files behind symbolic links', () => {
  let base: string;
  let ws: string;
  let doc: string;
  let access: DataAccess;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'nn-links-'));
    ws = join(base, 'ws');
    mkdirSync(join(base, 'outside'), { recursive: true });
    mkdirSync(join(ws, 'data'), { recursive: true });
    writeFileSync(join(base, 'outside', 'secret.csv'), `${SECRET}\n1,2,x\n3,4,y\n`);
    writeFileSync(join(ws, 'data', 'points.csv'), INSIDE);
    doc = join(ws, 'm.nn');
    access = { workspaceRoots: [ws], trusted: true };
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  const analyzeHere = (text: string): Analysis =>
    analyze(text, { documentPath: doc, workspaceRoots: [ws], realPath: nodeRealPath });
  const pathErrors = (analysis: Analysis) => analysis.diagnostics.filter((d) => d.code === 'data-path');

  const plan = (text: string, path = doc, data = access): RunPlan =>
    planRun({ text, path, settings: DEFAULT_SETTINGS, data });

  /** Training is refused with a data-path message that shows nothing of the outside file. */
  function assertRefused(text: string): string {
    const prepared = plan(text);
    assert.ok(!prepared.ok, 'the run must not start');
    const all = [prepared.message, ...prepared.problems.map((d) => d.message)].join('\n');
    assert.deepEqual(
      prepared.problems.map((d) => d.code),
      ['data-path'],
    );
    assert.match(all, /outside the workspace/);
    for (const word of ['secret_alpha', 'secret_beta'])
      assert.ok(!all.includes(word), `the message shows '${word}': ${all}`);
    return all;
  }

  it('refuses a file link that leads out of the workspace, at analysis and at reading', () => {
    symlinkSync(join('..', 'outside', 'secret.csv'), join(ws, 'link.csv'));
    // The wrong target column made the old code list the outside file's header.
    const text = model('link.csv', 'nope');
    const analysis = analyzeHere(text);
    assert.equal(pathErrors(analysis).length, 1, JSON.stringify(analysis.diagnostics));
    assert.match(pathErrors(analysis)[0].message, /outside the workspace/);
    assertRefused(text);
    assert.throws(
      () => withCsvText({ name: 'csv', params: { path: 'link.csv', target: 'label' } }, doc, access),
      /outside the workspace/,
    );
  });

  it('refuses a file inside a linked folder that leads out of the workspace', () => {
    symlinkSync(join('..', 'outside'), join(ws, 'linked'), 'dir');
    const text = model('linked/secret.csv');
    assert.equal(pathErrors(analyzeHere(text)).length, 1);
    assertRefused(text);
  });

  it('refuses a link retargeted out of the workspace after the analysis', () => {
    const link = join(ws, 'link.csv');
    symlinkSync(join('data', 'points.csv'), link);
    const text = model('link.csv', 'nope');
    const analysis = analyzeHere(text);
    assert.deepEqual(pathErrors(analysis), [], 'the link still points inside');
    unlinkSync(link);
    symlinkSync(join('..', 'outside', 'secret.csv'), link);
    assertRefused(text);
    assert.throws(
      () => withCsvText({ name: 'csv', params: { path: 'link.csv', target: 'label' } }, doc, access),
      /outside the workspace/,
    );
  });

  it('reads a link that stays inside the workspace', () => {
    symlinkSync(join('data', 'points.csv'), join(ws, 'link.csv'));
    const text = model('link.csv');
    assert.deepEqual(pathErrors(analyzeHere(text)), []);
    const prepared = plan(text);
    assert.ok(prepared.ok, prepared.ok ? '' : prepared.message);
    assert.equal(prepared.data.csvText, INSIDE);
  });

  it('accepts a workspace folder that is itself reached through a link', () => {
    const alias = join(base, 'alias');
    symlinkSync(ws, alias, 'dir');
    const text = model('data/points.csv');
    const aliasDoc = join(alias, 'm.nn');
    const analysis = analyze(text, { documentPath: aliasDoc, workspaceRoots: [alias], realPath: nodeRealPath });
    assert.deepEqual(pathErrors(analysis), []);
    const prepared = plan(text, aliasDoc, { workspaceRoots: [alias], trusted: true });
    assert.ok(prepared.ok, prepared.ok ? '' : prepared.message);
  });

  it('reads nothing that is not a regular file', () => {
    assert.throws(
      () => withCsvText({ name: 'csv', params: { path: 'data', target: 'label' } }, doc, access),
      /'data' is a folder/,
    );
  });
});
