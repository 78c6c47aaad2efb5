/**
 * The training panel's requests to the language server: what the panel shows (`nn/panelModel`), the plan of a
 * run (`nn/planRun`: no run from a file with errors, none above the size budget, problems with their lines),
 * the edits behind its buttons (`nn/panelEdits`) and saving a run (`nn/saveRun`).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  PanelEditsRequest,
  PanelModelRequest,
  PlanRunRequest,
  SaveRunRequest,
  type PlanRunParams,
  type PlanRunResult,
} from '../../../server/src/protocol';
import { checkHostMessage } from '../../../server/src/protocolValidate';
import type { NetworkWeights } from '../../../server/src/model/spec';
import { startInProcess, type InProcessServer } from './inProcess';

const MODEL = 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 sigmoid\n}\n';
const GRID = 100;

describe('the training panel’s requests to the language server', () => {
  let lsp: InProcessServer;
  let folder: string;
  let documents = 0;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'nn-panel-'));
    lsp = await startInProcess();
  });

  afterEach(() => {
    lsp.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  async function open(text: string): Promise<string> {
    const uri = pathToFileURL(join(folder, `doc${++documents}.nn`)).toString();
    await lsp.client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'nn', version: 1, text },
    });
    return uri;
  }

  async function configure(nn: unknown): Promise<void> {
    await lsp.client.sendNotification('workspace/didChangeConfiguration', { settings: { nn } });
  }

  function plan(uri: string): Promise<PlanRunResult> {
    return lsp.client.sendRequest(PlanRunRequest.type, { uri, gridSize: GRID });
  }

  describe('nn/planRun', () => {
    const cases: [string, string, string][] = [
      ['epochs 0', 'epochs must be ≥ 1, found 0', 'epochs 0'],
      ['batch 0', 'the batch size must be ≥ 1, found 0', 'batch 0'],
      ['validation 1', 'the validation fraction must be in [0, 1), found 1', 'validation 1'],
    ];
    for (const [line, message, written] of cases) {
      it(`refuses a file with '${line}' and returns the problem with its line`, async () => {
        const text = `${MODEL}train m {\n  data xor\n  ${line}\n}\n`;
        const prepared = await plan(await open(text));
        assert.equal(prepared.ok, false);
        if (prepared.ok) return;
        assert.match(prepared.message, /^the file has an error/);
        assert.equal(prepared.problems.length, 1);
        const [problem] = prepared.problems;
        assert.deepEqual(
          { code: problem.code, severity: problem.severity, message: problem.message, line: problem.line },
          { code: 'param-range', severity: 'error', message, line: 9 },
        );
        // The range is where the value is written, so revealing it shows the line.
        assert.ok(
          text.slice(problem.start, problem.end).length > 0 && written.endsWith(text.slice(problem.start, problem.end)),
        );
        assert.equal(problem.column, text.split('\n')[8].indexOf(text.slice(problem.start, problem.end)) + 1);
        // The panel receives them in a run error, which its validator accepts.
        assert.ok(
          checkHostMessage({ type: 'error', runId: 'panel-1', message: prepared.message, problems: prepared.problems })
            .ok,
        );
      });
    }

    it('plans a run of a file without errors from the file alone, and says which version it planned', async () => {
      const uri = await open(
        `${MODEL}train m {\n  data circle(points: 50, noise: 0)\n  epochs 7\n  batch 4\n  lr 0.5\n  seed 9\n}\n`,
      );
      // Settings sent along (as the panel once did) are not a second source of truth: the file is.
      const prepared = await lsp.client.sendRequest(PlanRunRequest.type, {
        uri,
        gridSize: GRID,
        settings: { epochs: 1, batch: 1, lr: 1, seed: 1 },
      } as PlanRunParams);
      assert.ok(prepared.ok, prepared.ok ? '' : prepared.message);
      assert.deepEqual(
        [prepared.settings.epochs, prepared.settings.batch, prepared.settings.lr, prepared.settings.seed],
        [7, 4, 0.5, 9],
      );
      assert.deepEqual(prepared.data, { name: 'circle', params: { points: 50, noise: 0 } });
      assert.equal(prepared.version, 1);
      assert.equal(prepared.modelName, 'm');
    });

    it('obeys the severity settings: a warning raised to an error stops the run', async () => {
      const uri = await open(
        `model m {\n  task binary\n  input 2\n  dense 8 sigmoid\n  dense 1 sigmoid\n}\ntrain m {\n  data xor\n}\n`,
      );
      assert.ok((await plan(uri)).ok, 'sigmoid-hidden is a warning by default');
      await configure({ checks: { 'sigmoid-hidden': 'error' } });
      const raised = await plan(uri);
      assert.equal(raised.ok, false);
      if (!raised.ok)
        assert.deepEqual(
          raised.problems.map((p) => [p.code, p.line]),
          [['sigmoid-hidden', 4]],
        );
    });

    it('refuses a model too large to train, with the model-size message on the model’s name', async () => {
      await configure({ checks: { 'model-size': 'off' } });
      const uri = await open(
        'model huge {\n  task binary\n  input 2\n  dense 100000 relu\n  dense 100000 relu\n  dense 1 sigmoid\n}\ntrain huge {\n  data xor\n}\n',
      );
      const prepared = await plan(uri);
      assert.equal(prepared.ok, false);
      if (prepared.ok) return;
      assert.match(prepared.message, /model 'huge' is too large to train: 10,000,500,001 parameters/);
      assert.deepEqual(
        prepared.problems.map((p) => [p.code, p.line, p.column]),
        [['model-size', 1, 7]],
      );
    });

    it('refuses a run its batch makes too large (a batch of a million rows)', async () => {
      const model = 'model m {\n  task binary\n  input 2\n  dense 2000 relu\n  dense 2000 relu\n  dense 1 sigmoid\n}\n';
      assert.ok(
        (await plan(await open(`${model}train m {\n  data xor(points: 1000000)\n}\n`))).ok,
        'the default batch fits',
      );
      const prepared = await plan(await open(`${model}train m {\n  data xor(points: 1000000)\n  batch 1000000\n}\n`));
      assert.equal(prepared.ok, false);
      if (!prepared.ok) assert.match(prepared.message, /too large to train: 4,010,001 parameters/);
    });

    it('refuses documents it does not know', async () => {
      const closed = await plan('file:///nowhere.nn');
      assert.deepEqual(closed, { ok: false, message: 'the document is not open', problems: [] });
    });
  });

  describe('nn/panelModel', () => {
    it('describes the model with the ranges of its layers', async () => {
      const text = `${MODEL}train m {\n  data xor\n}\n`;
      const uri = await open(text);
      const result = await lsp.client.sendRequest(PanelModelRequest.type, { uri });
      assert.ok(result.ok);
      if (!result.ok) return;
      assert.equal(result.model.modelName, 'm');
      assert.deepEqual(
        result.model.layers.map((l) => l.activation),
        ['relu', 'sigmoid'],
      );
      const document = TextDocument.create(uri, 'nn', 1, text);
      assert.deepEqual(
        result.layerRanges.map((r) => document.getText(r)),
        ['dense 8 relu', 'dense 1 sigmoid'],
      );
      assert.ok(checkHostMessage({ type: 'init', mode: 'train', fileName: 'a.nn', ...result.model }).ok);
    });

    it('says why a model cannot be shown', async () => {
      const uri = await open('model a { dense 1 }\ntrain a { data xor }');
      assert.deepEqual(await lsp.client.sendRequest(PanelModelRequest.type, { uri }), {
        ok: false,
        message: "model 'a' has no 'input' line",
      });
    });
  });

  describe('nn/panelEdits', () => {
    it('returns the edits of a change as LSP ranges of the current version', async () => {
      const text = `${MODEL}train m {\n  data xor\n}\n`;
      const uri = await open(text);
      const result = await lsp.client.sendRequest(PanelEditsRequest.type, {
        uri,
        model: 'm',
        fix: { kind: 'setActivation', sourceIndices: [0], activation: 'tanh' },
      });
      assert.ok(result.ok);
      if (!result.ok) return;
      assert.equal(result.version, 1);
      const after = TextDocument.applyEdits(TextDocument.create(uri, 'nn', 1, text), result.edits);
      assert.equal(after, text.replace('dense 8 relu', 'dense 8 tanh'));
      const refused = await lsp.client.sendRequest(PanelEditsRequest.type, {
        uri,
        model: 'm',
        fix: { kind: 'setActivation', sourceIndices: [0], activation: 'rleu' },
      });
      assert.deepEqual(refused, { ok: false, message: "unknown activation 'rleu'" });
    });

    it('writes a train setting into the file, and refuses one out of range', async () => {
      const text = `${MODEL}train m {\r\n  data xor\r\n}\r\n`;
      const uri = await open(text);
      const result = await lsp.client.sendRequest(PanelEditsRequest.type, {
        uri,
        model: 'm',
        fix: { kind: 'setTrainSetting', setting: { key: 'epochs', value: 12 } },
      });
      assert.ok(result.ok, result.ok ? '' : result.message);
      if (!result.ok) return;
      const after = TextDocument.applyEdits(TextDocument.create(uri, 'nn', 1, text), result.edits);
      assert.equal(after, text.replace('  data xor\r\n', '  data xor\r\n  epochs 12\r\n'));
      const refused = await lsp.client.sendRequest(PanelEditsRequest.type, {
        uri,
        model: 'm',
        fix: { kind: 'setTrainSetting', setting: { key: 'batch', value: 0 } },
      });
      assert.equal(refused.ok, false);
    });
  });

  describe('nn/saveRun', () => {
    it('writes the run beside the file, for a model of the file only', async () => {
      const uri = await open(`${MODEL}train m {\n  data xor\n}\n`);
      const planned = await plan(uri);
      assert.ok(planned.ok);
      if (!planned.ok) return;
      const weights: NetworkWeights = {
        modelName: 'm',
        dense: [
          {
            name: 'dense_1',
            inWidth: 2,
            units: 8,
            pieces: 1,
            W: new Array<number>(16).fill(0.1),
            b: new Array<number>(8).fill(0),
          },
          { name: 'dense_2', inWidth: 8, units: 1, pieces: 1, W: new Array<number>(8).fill(0.1), b: [0] },
        ],
      };
      const saved = await lsp.client.sendRequest(SaveRunRequest.type, {
        uri,
        spec: planned.spec,
        settings: planned.settings,
        weights,
      });
      assert.ok(saved.ok, saved.ok ? '' : saved.message);
      const file = join(folder, '.nn-runs', 'm.weights.json');
      if (saved.ok) assert.equal(saved.file, file);
      assert.equal(JSON.parse(readFileSync(file, 'utf8')).model.modelName, 'm');
      const forged = await lsp.client.sendRequest(SaveRunRequest.type, {
        uri,
        spec: { ...planned.spec, modelName: '../evil' },
        settings: planned.settings,
        weights,
      });
      assert.deepEqual(forged, { ok: false, message: "no model named '../evil' in this file" });
      assert.equal(existsSync(join(folder, 'evil.weights.json')), false);
    });
  });
});
