/**
 * Trajectory parity of the exported train.py with the engine: the same initial weights, data, split and batch
 * order give per-epoch training losses within 1e-4 relative over 5 epochs, for every optimizer, every loss
 * head, L1/L2 on and off and every activation of the catalog. Dropout models train to the same accuracy
 * within 2 points. DistributedDataParallel with 2 CPU ranks ends with identical weights on both ranks and
 * follows the one-process trajectory. All folders of a group run in one Python process.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ACTIVATIONS } from '../../../server/src/catalog';
import { loadJsonExport } from '../../../server/src/export';
import { trainSync } from '../../../server/src/train/trainer';
import { PYTHON, pythonModuleMissing, skipForMissing } from './runtimes';
import { caseText, planOf, runTrainers, writeTrainer, type OkPlan } from './trainerCases';

const OPTIMIZERS = ['sgd(lr: 0.1)', 'sgd(lr: 0.05, momentum: 0.9)', 'adam(lr: 0.01)', 'rmsprop(lr: 0.005)'];
const REGULARIZERS = [undefined, 'l2(0.001)', 'l1(0.001)'];

interface Case {
  name: string;
  text: string;
}

/** Hidden layers that need more than the name: maxout's pieces; step trains (without gradient) once its error is silenced. */
const HIDDEN_SPELLING: Record<string, string> = {
  maxout: 'maxout(pieces: 2)',
  step: 'step  # nn-ignore: step-activation',
};

/** Every activation as the hidden layer, the optimizers and regularizers taking turns. */
const activationCases: Case[] = ACTIVATIONS.map((a, i) => ({
  name: `hidden ${a.name}`,
  text: caseText({
    hidden: HIDDEN_SPELLING[a.name] ?? a.name,
    out: 'dense 1 sigmoid',
    loss: 'bce',
    task: 'binary',
    optimizer: OPTIMIZERS[i % OPTIMIZERS.length],
    regularize: REGULARIZERS[i % REGULARIZERS.length],
    data: 'moons(points: 200, noise: 0.1)',
  }),
}));

/** Every loss head: each loss with the outputs the engine treats differently. */
const lossCases: Case[] = [
  { name: 'bce on sigmoid', out: 'dense 1 sigmoid', loss: 'bce', task: 'binary', data: 'circle(points: 200)' },
  { name: 'bce on a logit', out: 'dense 1 linear', loss: 'bce', task: 'binary', data: 'circle(points: 200)' },
  { name: 'bce on 2-unit softmax', out: 'dense 2 softmax', loss: 'bce', task: 'binary', data: 'xor(points: 200)' },
  { name: 'bce on tanh (clamped)', out: 'dense 1 tanh', loss: 'bce', task: 'binary', data: 'xor(points: 200)' },
  {
    name: 'cce on softmax',
    out: 'dense 3 softmax',
    loss: 'cce',
    task: 'multiclass(3)',
    data: 'blobs(points: 240, classes: 3)',
  },
  {
    name: 'cce on logits',
    out: 'dense 3 linear',
    loss: 'cce',
    task: 'multiclass(3)',
    data: 'blobs(points: 240, classes: 3)',
  },
  {
    name: 'cce on sigmoid',
    out: 'dense 3 sigmoid',
    loss: 'cce',
    task: 'multiclass(3)',
    data: 'spiral(points: 240, classes: 3)',
  },
  { name: 'mse', out: 'dense 1 linear', loss: 'mse', task: 'regression', data: 'sine(points: 200)' },
  { name: 'mae', out: 'dense 1 linear', loss: 'mae', task: 'regression', data: 'plane(points: 200)' },
  { name: 'huber', out: 'dense 1 linear', loss: 'huber(delta: 0.5)', task: 'regression', data: 'sine(points: 200)' },
  { name: 'iris, 4 inputs', out: 'dense 3 softmax', loss: 'cce', task: 'multiclass(3)', data: 'iris', input: 4 },
].map((c, i) => ({
  name: `${c.name} (${OPTIMIZERS[i % OPTIMIZERS.length]}, ${REGULARIZERS[i % REGULARIZERS.length] ?? 'no regularization'})`,
  text: caseText({
    hidden: 'tanh',
    optimizer: OPTIMIZERS[i % OPTIMIZERS.length],
    regularize: REGULARIZERS[i % REGULARIZERS.length],
    ...c,
  }),
}));

/** A standalone PReLU layer (its own slopes), and a features line. */
const layoutCases: Case[] = [
  {
    name: 'standalone prelu',
    text: caseText({
      hidden: 'tanh',
      extra: 'p: activation prelu',
      out: 'dense 1 sigmoid',
      loss: 'bce',
      task: 'binary',
      optimizer: 'adam(lr: 0.01)',
      data: 'moons(points: 200)',
    }),
  },
  {
    name: 'features x1sq, x2sq',
    text: caseText({
      hidden: 'relu',
      out: 'dense 1 sigmoid',
      loss: 'bce',
      task: 'binary',
      input: 3,
      optimizer: 'adam(lr: 0.01)',
      data: 'circle(points: 200)',
    }).replace('  epochs 5', '  features x1sq, x2sq, x1x2\n  epochs 5'),
  },
];

const PARITY_CASES = [...activationCases, ...lossCases, ...layoutCases];

function engineLosses(plan: OkPlan): number[] {
  const { events } = trainSync({
    runId: 'parity',
    spec: plan.spec,
    settings: plan.settings,
    data: plan.data,
    progressIntervalMs: 0,
  });
  return events.flatMap((e) => (e.type === 'epoch' ? [e.trainLoss] : []));
}

function epochLosses(lines: Record<string, unknown>[] | undefined): number[] {
  return (lines ?? []).filter((l) => l.type === 'epoch').map((l) => l.trainLoss as number);
}

function assertClose(engine: number[], torch: number[], label: string): void {
  assert.equal(
    torch.length,
    engine.length,
    `${label}: ${torch.length} epochs from train.py, ${engine.length} from the engine`,
  );
  engine.forEach((e, i) => {
    const relative = Math.abs(torch[i] - e) / Math.max(Math.abs(e), 1e-12);
    assert.ok(
      relative <= 1e-4,
      `${label}: epoch ${i + 1} loss ${torch[i]} (train.py) vs ${e} (engine), ${relative.toExponential(2)} relative`,
    );
  });
}

describe('export: train.py follows the engine', function () {
  this.timeout(900_000);
  let dir: string;

  before(function () {
    const missing = pythonModuleMissing('torch');
    if (missing) skipForMissing(this, 'the train.py parity tests', missing);
    dir = mkdtempSync(path.join(tmpdir(), 'nn-trainer-'));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`per-epoch training loss within 1e-4 relative over 5 epochs (${PARITY_CASES.length} cases: every activation, loss head, optimizer, L1/L2)`, () => {
    const plans = PARITY_CASES.map((c) => planOf(c.text));
    const entries = PARITY_CASES.map((_, i) => ({ dir: path.join(dir, `case${i}`), args: ['--json'] }));
    plans.forEach((plan, i) => writeTrainer(plan, entries[i].dir));
    const outputs = runTrainers(entries, path.join(dir, 'parity.json'));
    PARITY_CASES.forEach((c, i) => {
      assert.equal(outputs[i].error, undefined, `${c.name}: ${outputs[i].error}`);
      assertClose(engineLosses(plans[i]), epochLosses(outputs[i].lines), c.name);
    });
  });

  it('dropout models train to the same accuracy within 2 points', () => {
    const text = caseText({
      hidden: 'relu',
      extra: 'd: dropout 0.2',
      out: 'dense 1 sigmoid',
      loss: 'bce',
      task: 'binary',
      optimizer: 'adam(lr: 0.02)',
      data: 'moons(points: 400, noise: 0.1)',
    }).replace('epochs 5', 'epochs 60');
    const plan = planOf(text);
    const folder = path.join(dir, 'dropout');
    writeTrainer(plan, folder);
    const [out] = runTrainers([{ dir: folder, args: ['--json'] }], path.join(dir, 'dropout.json'));
    assert.equal(out.error, undefined, out.error);
    const finished = out.lines?.find((l) => l.type === 'finished') as { final: { valMetric: number } };
    const { finished: engine } = trainSync({
      runId: 'dropout',
      spec: plan.spec,
      settings: plan.settings,
      data: plan.data,
    });
    assert.ok(
      Math.abs(finished.final.valMetric - engine.final.valMetric) <= 0.02,
      `accuracy ${finished.final.valMetric} (train.py) vs ${engine.final.valMetric} (engine)`,
    );
  });

  it('--save writes NN Studio JSON the engine loads, holding the trained weights', () => {
    const plan = planOf(
      caseText({
        hidden: 'prelu',
        extra: 'p: activation prelu',
        out: 'dense 1 sigmoid',
        loss: 'bce',
        task: 'binary',
        optimizer: 'adam(lr: 0.01)',
        data: 'moons(points: 200)',
      }),
    );
    const folder = path.join(dir, 'save');
    writeTrainer(plan, folder);
    const saved = path.join(folder, 'trained.json');
    const [out] = runTrainers([{ dir: folder, args: ['--json', '--save', saved] }], path.join(dir, 'save.json'));
    assert.equal(out.error, undefined, out.error);
    const loaded = loadJsonExport(readFileSync(saved, 'utf8'));
    const { finished } = trainSync({ runId: 'save', spec: plan.spec, settings: plan.settings, data: plan.data });
    const engine = finished.weights!;
    const got = loaded.weights!;
    assert.deepEqual(
      got.dense.map((d) => d.name),
      engine.dense.map((d) => d.name),
    );
    const near = (a: number[], b: number[]) =>
      a.every((v, i) => Math.abs(v - b[i]) <= 1e-3 * Math.max(1, Math.abs(b[i])));
    got.dense.forEach((d, i) =>
      assert.ok(near(d.W, engine.dense[i].W) && near(d.slopes ?? [], engine.dense[i].slopes ?? []), `layer ${d.name}`),
    );
    assert.ok(near(got.activationSlopes![0].slopes, engine.activationSlopes![0].slopes));
    assert.ok(near(got.normalization!.mean, engine.normalization!.mean));
  });

  it('DistributedDataParallel on 2 CPU ranks: identical weights on both ranks, the one-process trajectory', async () => {
    const plan = planOf(
      caseText({
        hidden: 'tanh',
        out: 'dense 3 softmax',
        loss: 'cce',
        task: 'multiclass(3)',
        optimizer: 'adam(lr: 0.01)',
        regularize: 'l2(0.001)',
        data: 'blobs(points: 240, classes: 3)',
      }),
    );
    const folder = path.join(dir, 'ddp');
    writeTrainer(plan, folder);
    const port = 29_500 + Math.floor(Math.random() * 1000);
    const ranks = [0, 1].map((rank) => runRank(folder, rank, 2, port));
    const [first, second] = await Promise.all(ranks);
    assertClose(engineLosses(plan), epochLosses(first.lines), 'rank 0');
    assert.equal(second.lines.length, 0, 'only rank 0 prints');
    assert.equal(
      readFileSync(path.join(folder, 'rank0.json'), 'utf8'),
      readFileSync(path.join(folder, 'rank1.json'), 'utf8'),
    );
  });
});

/** Starts one rank of a local process group (as torchrun would) and collects its JSON lines. */
function runRank(
  folder: string,
  rank: number,
  world: number,
  port: number,
): Promise<{ lines: Record<string, unknown>[] }> {
  const env = {
    ...process.env,
    WORLD_SIZE: String(world),
    RANK: String(rank),
    LOCAL_RANK: String(rank),
    MASTER_ADDR: '127.0.0.1',
    MASTER_PORT: String(port),
    OMP_NUM_THREADS: '1',
  };
  // Each rank saves its own weights (rank 0 through --save, every rank through NN_TRAIN_RANK_WEIGHTS) to compare them.
  const child = spawn(PYTHON, [path.join(folder, 'train.py'), '--json'], {
    env: { ...env, NN_TRAIN_RANK_WEIGHTS: path.join(folder, `rank${rank}.json`) },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`rank ${rank} failed (${code}):\n${stderr}`));
      else
        resolve({
          lines: stdout
            .split('\n')
            .filter((l) => l.startsWith('{'))
            .map((l) => JSON.parse(l) as Record<string, unknown>),
        });
    });
  });
}
