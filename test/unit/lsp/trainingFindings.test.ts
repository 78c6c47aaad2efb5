/**
 * Protocol test: `nn/trainingFindings` (sent by the training panel when its run ends) becomes `nn-train`
 * diagnostics on the layers' lines, unless the document changed after the run started.
 */
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import {
  TrainingFindingsNotification,
  type TrainingFinding,
  type TrainingFindingsParams,
} from '../../../server/src/protocol';
import { LspClient } from './client';

const URI = 'file:///ws/findings.nn';
const TEXT = [
  'model m {',
  '  task binary',
  '  input 2',
  '  dense 8 relu',
  '  hidden2: dense 8 relu',
  '  out: dense 1 sigmoid',
  '  loss bce',
  '}',
  'train m {',
  '  data circle(points: 100)',
  '  epochs 12',
  '}',
  '',
].join('\n');
const LAYER_1_LINE = 3;
const LAYER_2_LINE = 4;

const deadUnits: TrainingFinding = {
  code: 'dead-units',
  severity: 'warning',
  message: '50% of the units of hidden2 output 0 for every validation sample',
  layer: 'hidden2',
  sourceIndex: 1,
  epoch: 12,
};
const saturatedUnits: TrainingFinding = {
  code: 'saturated-units',
  severity: 'warning',
  message: '60% of the units of dense_1 are saturated',
  layer: 'dense_1',
  sourceIndex: 0,
  epoch: 12,
};

const fromTraining = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.source === 'nn-train');

describe('LSP: findings from the training panel', function () {
  this.timeout(30000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  /** Sends the notification as the panel host does (client/src/panel/TrainingPanel.ts). */
  const send = (version: number | undefined, findings: TrainingFinding[]) =>
    client.connection.sendNotification(TrainingFindingsNotification.type, {
      uri: URI,
      model: 'm',
      version,
      findings,
    } satisfies TrainingFindingsParams);

  /** Appends a comment line, which changes the document's version but no layer's line. */
  const appendComment = (text: string) =>
    client.change(URI, [
      { range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: `# ${text}\n` },
    ]);

  it('publishes a finding of the current version as an nn-train diagnostic on its layer line', async () => {
    await client.open(URI, TEXT);
    assert.deepEqual(fromTraining(await client.diagnostics(URI)), []);
    await send(1, [deadUnits]);
    const published = await client.waitForPublication(URI, (p) => fromTraining(p.diagnostics).length > 0);
    const [diagnostic, ...others] = fromTraining(published.diagnostics);
    assert.deepEqual(others, []);
    assert.equal(diagnostic.code, 'dead-units');
    assert.equal(diagnostic.message, deadUnits.message);
    assert.equal(diagnostic.severity, 2);
    assert.deepEqual(diagnostic.range, {
      start: { line: LAYER_2_LINE, character: 2 },
      end: { line: LAYER_2_LINE, character: TEXT.split('\n')[LAYER_2_LINE].length },
    });
  });

  it('ignores findings of a run that started before the document changed', async () => {
    await appendComment('version 2');
    assert.deepEqual(
      fromTraining(await client.diagnostics(URI)).map((d) => [d.code, d.range.start.line]),
      [['dead-units', LAYER_2_LINE]],
    );
    // The run started at version 1; the document is at version 2 now.
    await send(1, [saturatedUnits]);
    // Notifications are handled in order: the diagnostics of version 3 come after the stale findings.
    await appendComment('version 3');
    const diagnostics = fromTraining(await client.diagnostics(URI));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['dead-units', LAYER_2_LINE]],
      'the stale findings replaced the current ones',
    );
  });

  it('accepts the same findings for the current version', async () => {
    await send(3, [saturatedUnits]);
    const published = await client.waitForPublication(URI, (p) =>
      fromTraining(p.diagnostics).some((d) => d.code === 'saturated-units'),
    );
    assert.deepEqual(
      fromTraining(published.diagnostics).map((d) => [d.code, d.range.start.line]),
      [['saturated-units', LAYER_1_LINE]],
    );
  });
});
