/**
 * Workspace trust: in an untrusted workspace no data file is read and no run starts (the CSV data stays unknown,
 * so no data-task comes from it); analysis goes on. The language server learns trust from the client.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../../server/src/analysis';
import type { ExportResponse, PlanRunResult } from '../../../server/src/protocol';
import { UNTRUSTED_MESSAGE, withCsvText } from '../../../server/src/train/hostData';
import { planRun } from '../../../server/src/run/pipeline';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { LspClient } from '../lsp/client';

/** Three text classes for a binary model: reading the file yields a data-task error. */
const CSV = 'x,y,label\n0,0,a\n1,1,b\n0,1,c\n1,0,a\n';
const model = (path: string) =>
  `model c {\n  task binary\n  input 2\n  dense 1 sigmoid\n}\ntrain c {\n  data csv("${path}", target: "label")\n  epochs 1\n}\n`;

describe('workspace trust', () => {
  let ws: string;
  let doc: string;
  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'nn-trust-'));
    doc = join(ws, 'm.nn');
    writeFileSync(join(ws, 'points.csv'), CSV);
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  it('package.json declares limited support in Restricted Mode, with a description', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.match(untrusted.description, /Restricted Mode/);
    assert.match(untrusted.description, /CSV/);
    assert.match(untrusted.description, /training/);
  });

  it('reads the file and finds the data-task problem when trusted', () => {
    const plan = planRun({
      text: model('points.csv'),
      path: doc,
      settings: DEFAULT_SETTINGS,
      data: { workspaceRoots: [ws], trusted: true },
    });
    assert.ok(!plan.ok);
    assert.deepEqual(
      plan.problems.map((p) => p.code),
      ['data-task'],
    );
  });

  it('reads nothing and reports no data-task when untrusted', () => {
    for (const path of ['points.csv', 'missing.csv']) {
      const analysis = analyze(model(path), { documentPath: doc, workspaceRoots: [ws] });
      assert.deepEqual(
        analysis.diagnostics.filter((d) => d.severity === 'error'),
        [],
        'analysis goes on and finds nothing',
      );
      const plan = planRun({
        text: model(path),
        path: doc,
        settings: DEFAULT_SETTINGS,
        data: { workspaceRoots: [ws], trusted: false },
      });
      assert.ok(!plan.ok);
      // Not even a lookup: a missing file is not reported as missing.
      assert.equal(plan.message, UNTRUSTED_MESSAGE);
      assert.deepEqual(plan.problems, []);
    }
    assert.throws(
      () =>
        withCsvText({ name: 'csv', params: { path: 'points.csv', target: 'label' } }, doc, {
          workspaceRoots: [ws],
          trusted: false,
        }),
      (error: Error) => error.message === UNTRUSTED_MESSAGE,
    );
  });

  describe('language server', function () {
    this.timeout(30000);
    let client: LspClient | undefined;
    afterEach(async () => {
      await client?.stop();
      client = undefined;
    });

    it('trains nothing and reads no CSV until the client says the workspace is trusted', async () => {
      client = await LspClient.start(ws, { workspaceTrusted: false });
      const uri = pathToFileURL(doc).href;
      await client.open(uri, model('points.csv'));
      assert.deepEqual(
        (await client.diagnostics(uri)).filter((d) => d.severity === 1),
        [],
      );

      const refused = await client.request<PlanRunResult>('nn/planRun', { uri });
      assert.deepEqual(refused, { ok: false, message: UNTRUSTED_MESSAGE, problems: [] });
      const exported = await client.request<ExportResponse>('nn/export', { uri, target: 'json', weights: true });
      assert.ok(!exported.ok);
      assert.ok(exported.message?.endsWith(`it cannot be trained now: ${UNTRUSTED_MESSAGE}`), exported.message);
      assert.ok(!(await client.diagnostics(uri)).some((d) => d.code === 'data-task'));

      await client.connection.sendNotification('nn/workspaceTrusted');
      const result = await client.request<PlanRunResult>('nn/planRun', { uri });
      assert.equal(result.ok, false);
      const published = await client.waitForPublication(uri, (p) => p.diagnostics.some((d) => d.code === 'data-task'));
      assert.ok(
        published.diagnostics.some((d) => d.code === 'data-task' && (d.message as string).includes('3 classes')),
        JSON.stringify(published.diagnostics),
      );
    });
  });
});
