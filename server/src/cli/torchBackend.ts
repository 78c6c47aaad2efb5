/**
 * `nn train FILE --backend torch [--nproc N]`: exports the planned run with its trainer to a temporary folder,
 * runs train.py with the user's Python (N local ranks of a gloo process group when asked), and reports it as
 * the engine backend does: a progress bar or JSON lines, the final metrics, the training checks that read the
 * loss history, and the saved run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SingleBar } from 'cli-progress';
import { loadJsonExport } from '../export';
import { trainerFolder } from '../export/pytorch/trainerFolder';
import type { RunFinished, TrainingFinding } from '../protocol';
import type { RunPlan } from '../run/pipeline';
import type { NnSettings } from '../settings';
import { runTrainingChecks, type EpochRecord } from '../train/checks';
import { learningRate } from '../train/engine/learner';
import type { NetworkWeights } from '../model/spec';
import { formatLoss, formatMetric } from './runReport';

export type OkPlan = Extract<RunPlan, { ok: true }>;

/** The Python to run: the `nn.python` setting, else the NN_PYTHON environment variable, else `python3`. */
export function pythonCommand(settings: Pick<NnSettings, 'python'>): string {
  return settings.python ?? (process.env.NN_PYTHON || 'python3');
}

/** Why PyTorch cannot be used with `python`, with how to install it; undefined when it can. */
export function torchMissing(python: string): string | undefined {
  const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8', timeout: 120_000 });
  const how =
    'install PyTorch (pip install torch, or on Debian/Ubuntu: apt-get install python3-torch), or point the nn.python setting or NN_PYTHON at a Python that has it';
  if (probe.error) return `cannot run '${python}' (${probe.error.message}); ${how}`;
  if (probe.status !== 0) return `'${python}' has no PyTorch; ${how}`;
  return undefined;
}

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

export interface TorchRunResult {
  finished: RunFinished;
  classes: string[];
  trainSize: number;
  validationSize: number;
  dataset: string;
  /** The trained weights train.py saved (completed runs only). */
  weights?: NetworkWeights;
}

interface EpochLine {
  type: 'epoch';
  epoch: number;
  epochs: number;
  trainLoss: number | null;
  valLoss: number | null;
  valMetric: number | null;
  metricName: 'accuracy' | 'mae';
}

/**
 * Runs the plan in PyTorch. `json` prints train.py's epoch lines as they come; otherwise a progress bar is drawn.
 * Resolves with the run's end, or a message when train.py could not run.
 */
export async function runTorchBackend(
  plan: OkPlan,
  options: { python: string; nproc: number; json: boolean; sourceName?: string },
): Promise<TorchRunResult | string> {
  const folder = trainerFolder({
    spec: plan.spec,
    settings: plan.settings,
    data: plan.data,
    sourceName: options.sourceName,
  });
  const dir = mkdtempSync(join(tmpdir(), 'nn-torch-'));
  try {
    for (const file of folder.files) writeFileSync(join(dir, file.name), file.content);
    const saved = join(dir, 'trained.json');
    const port = options.nproc > 1 ? await freePort() : 0;
    const ranks = Array.from({ length: options.nproc }, (_, rank) => {
      const env: NodeJS.ProcessEnv = { ...process.env };
      if (options.nproc > 1) {
        Object.assign(env, {
          WORLD_SIZE: String(options.nproc),
          RANK: String(rank),
          LOCAL_RANK: String(rank),
          MASTER_ADDR: '127.0.0.1',
          MASTER_PORT: String(port),
        });
      }
      return spawn(options.python, [join(dir, 'train.py'), '--json', '--save', saved], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    });
    const bar = options.json
      ? undefined
      : new SingleBar({
          format: 'epoch {value}/{total} |{bar}| loss {loss}  {metricName} {metric}  ETA {eta_formatted}',
          hideCursor: true,
          etaBuffer: 20,
        });
    bar?.start(plan.settings.epochs, 0, { loss: '—', metric: '—', metricName: 'accuracy' });
    const history: EpochRecord[] = [];
    let finished: RunFinished | undefined;
    const stderr: string[] = ranks.map(() => '');
    ranks.forEach((child, rank) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr[rank] += chunk.toString();
      }),
    );
    const lines = createInterface({ input: ranks[0].stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const event = JSON.parse(line) as EpochLine | (RunFinished & { classes?: string[] });
      if (event.type === 'epoch') {
        history.push({
          epoch: event.epoch,
          trainLoss: event.trainLoss ?? NaN,
          valLoss: event.valLoss ?? NaN,
          layers: [],
        });
        if (options.json) console.log(JSON.stringify(event));
        bar?.update(event.epoch, {
          loss: formatLoss(event.trainLoss ?? NaN),
          metric: formatMetric(event.metricName, event.valMetric ?? NaN),
          metricName: event.metricName === 'accuracy' ? 'val acc' : 'val MAE',
        });
      } else if (event.type === 'finished') {
        // The weights file lives in the temporary folder; the caller saves the run where runs are kept.
        const {
          savedWeights: _saved,
          classes: _classes,
          ...rest
        } = event as RunFinished & { savedWeights?: string; classes?: string[] };
        finished = rest;
      }
    });
    const codes = await Promise.all(
      ranks.map((child) => new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)))),
    );
    bar?.stop();
    if (!finished) {
      const failed = codes.findIndex((c) => c !== 0);
      return `train.py failed${options.nproc > 1 ? ` on rank ${Math.max(failed, 0)}` : ''}:\n${stderr[Math.max(failed, 0)].trim().split('\n').slice(-8).join('\n')}`;
    }
    const final = finished.final;
    finished.final = {
      ...final,
      trainLoss: final.trainLoss ?? NaN,
      valLoss: final.valLoss ?? NaN,
      trainMetric: final.trainMetric ?? NaN,
      valMetric: final.valMetric ?? NaN,
    };
    finished.findings = lossFindings(plan, history);
    const weights = finished.reason === 'completed' ? loadJsonExport(readFileSync(saved, 'utf8')).weights : undefined;
    return {
      finished,
      weights,
      classes: folder.summary.classes,
      trainSize: folder.summary.trainSize,
      validationSize: folder.summary.validationSize,
      dataset: folder.summary.dataset,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The training checks that read the loss history (train.py measures no layer health, so the others stay silent). */
function lossFindings(plan: OkPlan, history: EpochRecord[]): TrainingFinding[] {
  if (history.length === 0) return [];
  const last = history[history.length - 1];
  return runTrainingChecks(
    {
      epoch: last.epoch,
      epochs: plan.settings.epochs,
      history,
      layers: [],
      learningRate: learningRate(plan.spec, plan.settings.lr),
    },
    plan.thresholds,
  );
}
