/**
 * A PyTorch run as a RunHandle: writes an exported trainer folder to a temporary folder, runs its train.py with
 * `--json` (N local ranks of a gloo process group when asked), and turns rank 0's JSON lines into the training
 * events an engine run sends. The start event and the final boundary come from the engine's own data loading
 * and grid code, with the weights train.py saved. Node only (child processes): the CLI and the Node training
 * worker use it; no web bundle reaches it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { isIdentityFeatures } from '../../catalog/features';
import type { NetworkWeights } from '../../model/spec';
import type { EpochProgress, RunFinished, StartRun, TrainingFinding } from '../../protocol';
import { runTrainingChecks, type EpochRecord } from '../checks';
import { layerConnections } from '../connections';
import { learningRate } from '../engine/learner';
import { allocate } from '../engine/tensor';
import { boundaryGrid, frameFor, neuronGrids, type GridFrame } from '../grids';
import type { RunHandle } from '../runner';
import { meetsTarget } from '../target';
import { Trainer } from '../trainer';
import { RunEvents } from './eventStream';
import { INSTALL_TORCH } from './python';

/** A run for the PyTorch backend: a StartRun whose `torch` says how to run it. */
export type TorchRun = Omit<StartRun, 'type' | 'torch'> & { torch: NonNullable<StartRun['torch']> };

/** What train.py prints per epoch and at the end (`null` for a number that is not finite). */
interface EpochLine {
  type: 'epoch';
  epoch: number;
  epochs: number;
  trainLoss: number | null;
  valLoss: number | null;
  trainMetric: number | null;
  valMetric: number | null;
  metricName: 'accuracy' | 'mae';
  elapsedMs?: number;
  samplesPerSecond?: number;
}

interface FinishedLine {
  type: 'finished';
  reason: RunFinished['reason'];
  detail?: string;
  epochs: number;
  final: Record<'trainLoss' | 'valLoss' | 'trainMetric' | 'valMetric', number | null> & {
    metricName: 'accuracy' | 'mae';
  };
  confusion?: number[][];
}

const number = (value: number | null | undefined): number => (typeof value === 'number' ? value : NaN);

/** A free TCP port on this machine for the ranks' rendezvous. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 29500;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs train.py (the first argument) with the rest of the arguments, and ends the process when its standard
 * input closes: the host ended (a terminated worker thread closes its pipes), so no rank outlives its run.
 */
const LIFELINE = [
  'import os, runpy, sys, threading',
  'def watch():',
  '    sys.stdin.read()',
  '    os._exit(130)',
  'threading.Thread(target=watch, daemon=True).start()',
  'sys.argv = sys.argv[1:]',
  'runpy.run_path(sys.argv[0], run_name="__main__")',
].join('\n');

/** The last lines of a rank's error output, for a failure message. */
function tail(text: string): string {
  return text.trim().split('\n').slice(-8).join('\n');
}

/**
 * Starts a PyTorch run. Pause, resume and step do nothing (train.py runs to its end); stop ends the processes
 * and finishes with reason `stopped` and the last epoch's numbers (no weights).
 */
export function startTorchRun(run: TorchRun): RunHandle {
  const events = new RunEvents();
  const ranks: ChildProcess[] = [];
  let stopping = false;
  const kill = (): void => {
    for (const child of ranks) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  void follow(run, events, ranks, () => stopping).catch((error: unknown) =>
    events.deliver({
      type: 'error',
      runId: run.runId,
      message: error instanceof Error ? error.message : String(error),
    }),
  );
  return {
    runId: run.runId,
    events: events.events,
    done: events.done,
    onEvent: (listener) => events.onEvent(listener),
    pause: () => undefined,
    resume: () => undefined,
    step: () => undefined,
    stop() {
      stopping = true;
      kill();
    },
    async terminate() {
      events.deliver({ type: 'error', runId: run.runId, message: 'the run was terminated' });
      kill();
      await Promise.resolve();
    },
  };
}

/** Runs train.py to its end, delivering events; the temporary folder is removed afterwards. */
async function follow(
  run: TorchRun,
  events: RunEvents,
  ranks: ChildProcess[],
  stopRequested: () => boolean,
): Promise<void> {
  // Yield once so that listeners registered right after the start see every event.
  await Promise.resolve();
  const trainer = new Trainer({
    runId: run.runId,
    spec: run.spec,
    settings: run.settings,
    data: run.data,
    gridSize: run.gridSize,
    thresholds: run.thresholds,
  });
  events.deliver(trainer.started);
  const nproc = Math.max(1, Math.floor(run.torch.nproc ?? 1));
  const dir = mkdtempSync(join(tmpdir(), 'nn-torch-'));
  try {
    for (const file of run.torch.files) writeFileSync(join(dir, file.name), file.content);
    const saved = join(dir, 'trained.json');
    const port = nproc > 1 ? await freePort() : 0;
    if (events.ended) return;
    for (let rank = 0; rank < nproc; rank++) {
      const env: NodeJS.ProcessEnv = { ...process.env };
      if (nproc > 1) {
        // As torchrun does: the rendezvous variables, and one thread per rank unless the user chose otherwise.
        Object.assign(env, {
          WORLD_SIZE: String(nproc),
          RANK: String(rank),
          LOCAL_RANK: String(rank),
          MASTER_ADDR: '127.0.0.1',
          MASTER_PORT: String(port),
          OMP_NUM_THREADS: process.env.OMP_NUM_THREADS ?? '1',
        });
      }
      ranks.push(
        spawn(run.torch.python, ['-c', LIFELINE, join(dir, 'train.py'), '--json', '--save', saved], {
          cwd: dir,
          env,
          stdio: ['pipe', 'pipe', 'pipe'],
        }),
      );
    }
    const outcome = await watch(run, ranks, events);
    if (events.ended) return;
    if (outcome.spawnError) {
      events.deliver({
        type: 'error',
        runId: run.runId,
        message: `cannot run '${run.torch.python}' (${outcome.spawnError}); ${INSTALL_TORCH}`,
      });
      return;
    }
    const { line, last } = outcome;
    if (stopRequested() && !line) {
      events.deliver(stoppedEvent(run, trainer, outcome));
      return;
    }
    if (!line) {
      const failed = Math.max(
        outcome.codes.findIndex((c) => c !== 0),
        0,
      );
      const why = outcome.stderr[failed];
      const message = /No module named '?torch'?/.test(why)
        ? `'${run.torch.python}' has no PyTorch; ${INSTALL_TORCH}`
        : `train.py failed${nproc > 1 ? ` on rank ${failed}` : ''}:\n${tail(why)}`;
      events.deliver({ type: 'error', runId: run.runId, message });
      return;
    }
    const weights = line.reason === 'completed' ? readWeights(saved) : undefined;
    if (weights && last) {
      const final = finalPicture(trainer, run, weights, last);
      if (final) events.deliver(final);
    }
    events.deliver(finishedEvent(run, line, outcome, weights));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Outcome {
  line?: FinishedLine;
  /** With a target: the first epoch that met it. */
  reachedAt?: number;
  history: EpochRecord[];
  last?: EpochProgress;
  codes: number[];
  stderr: string[];
  spawnError?: string;
}

/** Follows the ranks to their exit: rank 0's epoch lines become progress events as they come. */
async function watch(run: TorchRun, ranks: ChildProcess[], events: RunEvents): Promise<Outcome> {
  const outcome: Outcome = { history: [], codes: [], stderr: ranks.map(() => '') };
  let lastEmit = -Infinity;
  ranks.forEach((child, rank) =>
    child.stderr?.on('data', (chunk: Buffer) => {
      outcome.stderr[rank] += chunk.toString();
    }),
  );
  const lines = createInterface({ input: ranks[0].stdout! });
  lines.on('line', (text) => {
    if (!text.startsWith('{')) return;
    let parsed: EpochLine | FinishedLine;
    try {
      parsed = JSON.parse(text) as EpochLine | FinishedLine;
    } catch {
      return;
    }
    if (parsed.type === 'epoch') {
      const trainLoss = number(parsed.trainLoss);
      const valLoss = number(parsed.valLoss);
      const valMetric = number(parsed.valMetric);
      outcome.history.push({ epoch: parsed.epoch, trainLoss, valLoss, layers: [] });
      if (
        outcome.reachedAt === undefined &&
        run.target &&
        meetsTarget(run.target, { loss: valLoss, metric: valMetric })
      )
        outcome.reachedAt = parsed.epoch;
      const progress: EpochProgress = {
        type: 'epoch',
        runId: run.runId,
        epoch: parsed.epoch,
        epochs: parsed.epochs,
        trainLoss,
        valLoss,
        trainMetric: number(parsed.trainMetric),
        valMetric,
        metricName: parsed.metricName,
        elapsedMs: parsed.elapsedMs ?? 0,
        samplesPerSecond: parsed.samplesPerSecond ?? 0,
        layers: [],
        findings: lossFindings(run, outcome.history),
      };
      if (outcome.reachedAt !== undefined) progress.reachedAt = outcome.reachedAt;
      outcome.last = progress;
      const now = Date.now();
      const due = parsed.epoch === 1 || parsed.epoch >= parsed.epochs || now - lastEmit >= run.progressIntervalMs;
      if (due) {
        lastEmit = now;
        events.deliver(progress);
      }
    } else if (parsed.type === 'finished') {
      outcome.line = parsed;
    }
  });
  const closed = createClosed(lines);
  outcome.codes = await Promise.all(
    ranks.map(
      (child) =>
        new Promise<number>((resolve) => {
          child.once('error', (error) => {
            outcome.spawnError ??= error.message;
            resolve(1);
          });
          child.once('close', (code) => resolve(code ?? 1));
        }),
    ),
  );
  await closed;
  return outcome;
}

function createClosed(lines: ReturnType<typeof createInterface>): Promise<void> {
  return new Promise((resolve) => lines.once('close', () => resolve()));
}

/** The weights train.py saved with `--save` (NN Studio JSON), or undefined when the file cannot be read. */
function readWeights(path: string): NetworkWeights | undefined {
  try {
    const document = JSON.parse(readFileSync(path, 'utf8')) as { weights?: NetworkWeights };
    return document.weights && Array.isArray(document.weights.dense) ? document.weights : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The last epoch again, now with what the engine draws from weights: the boundary and unit pictures and the
 * network's links (2-D data with a grid only). Undefined when the weights do not fit the engine's network.
 */
function finalPicture(
  trainer: Trainer,
  run: TorchRun,
  weights: NetworkWeights,
  last: EpochProgress,
): EpochProgress | undefined {
  const points = trainer.started.dataset.points;
  if (!points || run.gridSize <= 0) return undefined;
  const network = trainer.learner.network;
  try {
    network.loadWeights(weights);
  } catch {
    return undefined;
  }
  const plane = new Float64Array(points.length * 2);
  points.forEach((p, i) => {
    plane[2 * i] = p.x;
    plane[2 * i + 1] = p.y;
  });
  const frame: GridFrame = {
    ...frameFor(plane, points.length),
    mean: weights.normalization?.mean,
    std: weights.normalization?.std,
  };
  const features = run.settings.features;
  if (features && !isIdentityFeatures(features)) frame.features = features;
  const X = allocate('float32', network.capacity * run.spec.input);
  const picture: EpochProgress = {
    ...last,
    boundary: boundaryGrid(network, frame, run.gridSize, trainer.metric, trainer.learner.head.outputIsLogit, X),
    connections: layerConnections(network),
  };
  const neurons = neuronGrids(network, frame, run.gridSize, X);
  if (neurons.length > 0) picture.neurons = neurons;
  return picture;
}

function finishedEvent(
  run: TorchRun,
  line: FinishedLine,
  outcome: Outcome,
  weights: NetworkWeights | undefined,
): RunFinished {
  const { history, reachedAt } = outcome;
  const finished: RunFinished = {
    type: 'finished',
    runId: run.runId,
    reason: line.reason,
    epochs: line.epochs,
    final: {
      trainLoss: number(line.final.trainLoss),
      valLoss: number(line.final.valLoss),
      trainMetric: number(line.final.trainMetric),
      valMetric: number(line.final.valMetric),
      metricName: line.final.metricName,
    },
    findings: lossFindings(run, history),
  };
  if (line.detail) finished.detail = line.detail;
  if (line.confusion) finished.confusion = line.confusion;
  if (weights) finished.weights = weights;
  if (reachedAt !== undefined) finished.reachedAt = reachedAt;
  return finished;
}

/** The end of a stopped run: the last epoch's numbers, no weights (the processes were ended). */
function stoppedEvent(run: TorchRun, trainer: Trainer, outcome: Outcome): RunFinished {
  const { history, last } = outcome;
  const epochs = last?.epoch ?? 0;
  const finished: RunFinished = {
    type: 'finished',
    runId: run.runId,
    reason: 'stopped',
    detail: `stopped after ${epochs} of ${run.settings.epochs} epochs`,
    epochs,
    final: {
      trainLoss: last?.trainLoss ?? NaN,
      valLoss: last?.valLoss ?? NaN,
      trainMetric: last?.trainMetric ?? NaN,
      valMetric: last?.valMetric ?? NaN,
      metricName: last?.metricName ?? (trainer.metric === 'mae' ? 'mae' : 'accuracy'),
    },
    findings: lossFindings(run, history),
  };
  if (outcome.reachedAt !== undefined) finished.reachedAt = outcome.reachedAt;
  return finished;
}

/** The training checks that read the loss history (train.py measures no layer health, so the others stay silent). */
function lossFindings(run: TorchRun, history: EpochRecord[]): TrainingFinding[] {
  if (history.length === 0) return [];
  return runTrainingChecks(
    {
      epoch: history[history.length - 1].epoch,
      epochs: run.settings.epochs,
      history,
      layers: [],
      learningRate: learningRate(run.spec, run.settings.lr),
    },
    run.thresholds,
  );
}
