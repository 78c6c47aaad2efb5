/** The run pipeline: what it refuses, with which problems, and what plan it gives otherwise. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planRun, type RunPlan, type RunRequest } from '../../../server/src/run/pipeline';
import { DEFAULT_SETTINGS, readSettings } from '../../../server/src/settings';
import { UNTRUSTED_MESSAGE } from '../../../server/src/train/hostData';

const MODEL = 'model m {\n  task binary\n  input 2\n  dense 8 relu\n  dense 1 sigmoid\n}\n';
const withTrain = (lines: string) => `${MODEL}train m {\n  data xor\n${lines}}\n`;
const HUGE =
  'model huge {\n  task binary\n  input 2\n  dense 100000 relu\n  dense 100000 relu\n  dense 1 sigmoid\n}\ntrain huge {\n  data xor\n}\n';
/** Three text classes for a binary model: the data does not fit the model (data-task). */
const THREE_CLASSES = 'x,y,label\n0,0,a\n1,1,b\n0,1,c\n1,0,a\n';
const csvModel = (path: string) =>
  `model c {\n  task binary\n  input 2\n  dense 1 sigmoid\n}\ntrain c {\n  data csv("${path}", target: "label")\n  epochs 1\n}\n`;

type Refusal = Extract<RunPlan, { ok: false }>;

function refused(plan: RunPlan): Refusal {
  assert.ok(!plan.ok, 'the run must be refused');
  return plan;
}

function planned(plan: RunPlan): Extract<RunPlan, { ok: true }> {
  assert.ok(plan.ok, plan.ok ? '' : plan.message);
  return plan;
}

describe('run pipeline: planRun', () => {
  let ws: string;
  const request = (text: string, more: Partial<RunRequest> = {}): RunRequest => ({
    text,
    path: join(ws, 'm.nn'),
    settings: DEFAULT_SETTINGS,
    data: { workspaceRoots: [ws], trusted: true },
    ...more,
  });

  beforeEach(() => (ws = mkdtempSync(join(tmpdir(), 'nn-pipeline-'))));
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  describe('a file with errors', () => {
    it('is refused with every error and its line, even outside the train block', () => {
      const text = `model m {\n  task binary\n  input 2\n  dense 8 relu\n  dropout 1.5\n  dense 1 sigmoid\n}\ntrain m {\n  data xor\n  epochs 0\n}\n`;
      const plan = refused(planRun(request(text)));
      assert.deepEqual(
        plan.problems.map((p) => [p.code, p.severity, p.line, p.column]),
        [
          ['param-range', 'error', 5, 11],
          ['param-range', 'error', 10, 10],
        ],
      );
      assert.match(plan.message, /^the file has 2 errors \(line 5: .*; line 10: .*\); fix them before training$/);
      assert.equal(plan.errorsInFile, true);
      const problem = plan.problems[1];
      assert.equal(text.slice(problem.start, problem.end), '0', 'the problem covers the written value');
    });

    it("follows the user's severities: an error lowered to a warning runs, a warning raised to an error stops", () => {
      const step = withTrain('  epochs 1\n').replace('dense 8 relu', 'dense 8 step');
      refused(planRun(request(step)));
      planned(planRun(request(step, { settings: readSettings({ checks: { 'step-activation': 'warning' } }) })));
      const sigmoid = withTrain('').replace('dense 8 relu', 'dense 8 sigmoid');
      planned(planRun(request(sigmoid)));
      const plan = refused(
        planRun(request(sigmoid, { settings: readSettings({ checks: { 'sigmoid-hidden': 'error' } }) })),
      );
      assert.deepEqual(
        plan.problems.map((p) => [p.code, p.line]),
        [['sigmoid-hidden', 4]],
      );
    });
  });

  describe('the size budget', () => {
    it("refuses a model too large to train, even with the check silenced, on the model's name", () => {
      for (const text of [HUGE, `# nn-ignore-next-line: model-size\n${HUGE}`]) {
        const plan = refused(planRun(request(text)));
        assert.match(plan.message, /model 'huge' is too large to train: 10,000,500,001 parameters/);
        assert.equal(plan.problems.length, 1);
        assert.equal(plan.problems[0].code, 'model-size');
        assert.equal(text.slice(plan.problems[0].start, plan.problems[0].end), 'huge');
        assert.equal(plan.errorsInFile, true);
      }
    });

    it('counts the decision-boundary grid and the chosen toy data', () => {
      const text = withTrain('');
      planned(planRun(request(text, { gridSize: 100 })));
      assert.match(refused(planRun(request(text, { gridSize: 12_000 }))).message, /too large to train/);
      assert.match(
        refused(planRun(request(text, { toyData: { name: 'circle', points: 50_000_000, noise: 0.1 } }))).message,
        /too large to train/,
      );
    });
  });

  describe('CSV data', () => {
    it('refuses data that does not fit the model (data-task) on the data line', () => {
      writeFileSync(join(ws, 'points.csv'), THREE_CLASSES);
      const plan = refused(planRun(request(csvModel('points.csv'))));
      assert.deepEqual(
        plan.problems.map((p) => [p.code, p.severity, p.line]),
        [['data-task', 'error', 7]],
      );
      assert.match(plan.message, /3 classes/);
      assert.equal(plan.errorsInFile, undefined, 'the file itself has no error: its data does not fit');
    });

    it('refuses a data file that cannot be read (data-path) on the data line', () => {
      writeFileSync(join(ws, 'points.csv'), 'x,y,label\n');
      const plan = refused(planRun(request(csvModel('points.csv'))));
      assert.deepEqual(
        plan.problems.map((p) => [p.code, p.line]),
        [['data-path', 7]],
      );
      assert.match(plan.message, /no data rows/);
    });

    it("plans a run on data that fits, with the file's text in the request", () => {
      const csv = 'x,y,label\n0,0,0\n1,1,1\n0,1,1\n1,0,0\n';
      writeFileSync(join(ws, 'points.csv'), csv);
      const plan = planned(planRun(request(csvModel('points.csv'))));
      assert.equal(plan.data.csvText, csv);
    });
  });

  it('refuses everything in an untrusted workspace, and reads no data file', () => {
    writeFileSync(join(ws, 'points.csv'), THREE_CLASSES);
    for (const text of [csvModel('points.csv'), csvModel('missing.csv'), withTrain('')]) {
      const plan = refused(planRun(request(text, { data: { workspaceRoots: [ws], trusted: false } })));
      assert.equal(plan.message, UNTRUSTED_MESSAGE);
      assert.deepEqual(plan.problems, [], 'no data-task, and a missing file is not even looked up');
    }
  });

  describe('picking the model', () => {
    const TWO = `${MODEL}${MODEL.replace('model m', 'model n')}train m {\n  data xor\n}\ntrain n {\n  data circle\n}\n`;

    it('takes the first train block, or the one of the model named', () => {
      assert.equal(planned(planRun(request(TWO))).modelName, 'm');
      const plan = planned(planRun(request(TWO, { modelName: 'n' })));
      assert.equal(plan.modelName, 'n');
      assert.equal(plan.data.name, 'circle');
    });

    it('says which models the file trains when the name is unknown', () => {
      assert.equal(
        refused(planRun(request(TWO, { modelName: 'zzz' }))).message,
        "no train block for model 'zzz' (the file trains 'm', 'n')",
      );
    });

    it('says how to add a train block when there is none', () => {
      assert.match(refused(planRun(request(MODEL))).message, /no train block — add one, e\.g\. train NAME \{/);
    });
  });

  describe('the plan', () => {
    it('applies the overrides and the training thresholds of the settings', () => {
      const plan = planned(
        planRun(
          request(withTrain('  epochs 7\n'), {
            overrides: { epochs: 3, lr: 0.5 },
            settings: readSettings({ deadFraction: 0.2 }),
          }),
        ),
      );
      assert.equal(plan.settings.epochs, 3);
      assert.equal(plan.settings.lr, 0.5);
      assert.equal(plan.thresholds.deadFraction, 0.2);
      assert.equal(planned(planRun(request(withTrain('  epochs 7\n')))).settings.epochs, 7);
    });

    it("puts another toy set in place of the file's, keeping the parameters it accepts", () => {
      const plan = planned(planRun(request(withTrain(''), { toyData: { name: 'circle', points: 123, noise: 0.2 } })));
      assert.deepEqual([plan.data.name, plan.data.params.points, plan.data.params.noise], ['circle', 123, 0.2]);
      assert.equal(
        planned(planRun(request(withTrain(''), { toyData: { name: 'iris', points: 1, noise: 0 } }))).data.name,
        'xor',
        'only a toy set replaces the data',
      );
    });

    it('swaps every hidden activation for a compare run, and refuses an unknown one', () => {
      const plan = planned(planRun(request(withTrain(''), { hiddenActivation: 'tanh' })));
      assert.deepEqual(
        plan.spec.layers.map((l) => l.kind === 'dense' && l.activation?.name),
        ['tanh', 'sigmoid'],
      );
      assert.match(
        refused(planRun(request(withTrain(''), { hiddenActivation: 'nope' }))).message,
        /unknown activation 'nope'/,
      );
    });
  });
});
