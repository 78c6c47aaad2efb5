/**
 * One run pipeline, three ways in: the CLI (`nn check`, `nn train`), the language server over stdio
 * (`nn/planRun`, the training panel's path) and the pipeline itself give the same answer for the same file
 * and settings — on every example and on a CSV model whose data does not fit. Needs dist/ (`node esbuild.mjs`).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PlanRunRequest, type RunProblem } from '../../../server/src/protocol';
import { planRun, type RunPlan } from '../../../server/src/run/pipeline';
import { readSettings } from '../../../server/src/settings';
import { runNn } from '../../support/cli';
import { LspClient } from '../lsp/client';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
/** Three text classes for a binary model. */
const MISFIT_CSV = 'x,y,label\n0,0,a\n1,1,b\n0,1,c\n1,0,a\n';
const MISFIT_MODEL =
  'model c {\n  task binary\n  input 2\n  dense 4 relu\n  dense 1 sigmoid\n}\ntrain c {\n  data csv("points.csv", target: "label")\n  epochs 1\n}\n';

/** The settings each round uses, as settings.json entries and as the `nn` section the client hands the server. */
const ROUNDS: { name: string; json: Record<string, unknown>; section: Record<string, unknown> }[] = [
  { name: 'default settings', json: {}, section: {} },
  {
    name: 'settings that move errors',
    json: { 'nn.checks': { 'softmax-one-unit': 'warning', 'sigmoid-hidden': 'error' }, 'nn.deadFraction': 0.4 },
    section: { checks: { 'softmax-one-unit': 'warning', 'sigmoid-hidden': 'error' }, deadFraction: 0.4 },
  },
];

/** What is compared of a problem: everything people see of it. */
const shown = (p: Pick<RunProblem, 'line' | 'column' | 'severity' | 'code' | 'message'>): string =>
  `${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`;

/** The problems `nn train` printed (`file:line:col: severity code: message`) and the reason line it added. */
function cliRefusal(stderr: string): { problems: string[]; reason?: string } {
  const problems: string[] = [];
  let reason: string | undefined;
  for (const line of stderr.split('\n')) {
    const match = /:(\d+):(\d+): (error|warning|info|hint) ([\w-]+): (.*)$/.exec(line);
    if (match) problems.push(`${match[1]}:${match[2]} ${match[3]} ${match[4]} ${match[5]}`);
    else if (line.startsWith('nn train: ')) reason = line.slice('nn train: '.length);
  }
  return { problems, reason };
}

describe('the same problems from the CLI, the server and the pipeline', function () {
  this.timeout(120000);
  const ws = mkdtempSync(join(tmpdir(), 'nn-same-'));
  const files: string[] = [];
  before(() => {
    for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith('.nn'))) {
      copyFileSync(join(EXAMPLES, name), join(ws, name));
      files.push(name);
    }
    writeFileSync(join(ws, 'points.csv'), MISFIT_CSV);
    writeFileSync(join(ws, 'misfit.nn'), MISFIT_MODEL);
    files.push('misfit.nn');
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  for (const round of ROUNDS) {
    describe(round.name, () => {
      let client: LspClient;
      const settingsFile = join(ws, `${round.name.replace(/ /g, '-')}.json`);
      const plans = new Map<string, RunPlan>();
      before(async () => {
        writeFileSync(settingsFile, JSON.stringify(round.json));
        client = await LspClient.start(ws);
        client.configuration = { nn: round.section };
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      });
      after(async () => {
        await client.stop();
      });

      it('covers refusals of every kind: file errors, data that does not fit, and runs that start', () => {
        for (const name of files) {
          const path = join(ws, name);
          plans.set(
            name,
            planRun({
              text: readFileSync(path, 'utf8'),
              path,
              settings: readSettings(round.section),
              data: { workspaceRoots: [ws], trusted: true },
            }),
          );
        }
        const misfit = plans.get('misfit.nn')!;
        assert.ok(!misfit.ok && misfit.problems.some((p) => p.code === 'data-task'), JSON.stringify(misfit));
        assert.ok(!plans.get('flawed.nn')!.ok, 'flawed.nn has an error in either round');
        assert.ok(plans.get('xor.nn')!.ok);
      });

      it('the server answers nn/planRun as the pipeline does', async () => {
        for (const name of files) {
          const uri = pathToFileURL(join(ws, name)).href;
          await client.open(uri, readFileSync(join(ws, name), 'utf8'));
          const answer = await client.request(PlanRunRequest.type, { uri });
          const plan = plans.get(name)!;
          if (plan.ok) {
            assert.ok(answer.ok, `${name}: ${answer.ok ? '' : answer.message}`);
            const { version: _version, ...rest } = answer;
            assert.deepEqual(rest, JSON.parse(JSON.stringify(plan)), `${name}: the plan as it crosses the wire`);
          } else {
            assert.ok(!answer.ok, `${name}: the server planned a run the pipeline refuses`);
            assert.equal(answer.message, plan.message, name);
            assert.deepEqual(answer.problems, plan.problems, name);
          }
        }
      });

      it('nn train refuses with the same problems (and trains what the pipeline plans)', async () => {
        for (const name of files) {
          const plan = plans.get(name)!;
          const result = await runNn('train', join(ws, name), '--settings', settingsFile, '--no-save', '--epochs', '1');
          if (plan.ok) {
            assert.equal(result.code, 0, `${name}: ${result.err}`);
            continue;
          }
          assert.equal(result.code, plan.errorsInFile ? 1 : 2, `${name}: ${result.err}`);
          assert.equal(result.out, '', `${name}: nothing was trained`);
          const printed = cliRefusal(result.err);
          assert.deepEqual(printed.problems, plan.problems.map(shown), name);
          if (!plan.problems.some((p) => p.message === plan.message)) assert.equal(printed.reason, plan.message, name);
        }
      });

      it('nn check reports as errors exactly the problems of a file the pipeline refuses for its errors', async () => {
        for (const name of files) {
          const report = join(ws, `${name}.json`);
          await runNn(
            'check',
            join(ws, name),
            '--settings',
            settingsFile,
            '--root',
            ws,
            '--format',
            'json',
            '--output',
            report,
          );
          const checked = (JSON.parse(readFileSync(report, 'utf8')) as (RunProblem & { severity: string })[]).filter(
            (d) => d.severity === 'error',
          );
          const plan = plans.get(name)!;
          const fromFile = !plan.ok && plan.errorsInFile ? plan.problems : [];
          assert.deepEqual(checked.map(shown), fromFile.map(shown), name);
        }
      });
    });
  }
});
