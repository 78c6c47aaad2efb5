/**
 * `nn train FILE [--model NAME] [--epochs N] [--seed N] [--settings FILE] [--json] [--no-save]`: plans the run
 * with the run pipeline (the same refusals as the editor), trains in a worker thread and, when the run
 * completes, saves its weights in `.nn-runs/` next to the file (what `nn export --weights` reuses).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import { saveRunWeights } from '../../export/savedRun';
import type { ModelInfo, TrainInfo } from '../../model/types';
import type { EpochProgress, RunFinished, RunStarted, TrainingFinding } from '../../protocol';
import { formatFinal, formatFinding, formatLoss, formatMetric } from '../runReport';
import { planRun, type RunPlan, type RunProblem } from '../../run/pipeline';
import { DEFAULT_SETTINGS, readSettingsFile, type NnSettings } from '../../settings';
import { startNodeRun } from '../../train/nodeWorker';
import type { RunHandle } from '../../train/runner';
import type { NetworkSpec, NetworkWeights, TrainSettings } from '../../model/spec';
import type { GivenArgs } from '../args';
import { defineCommand } from '../command';
import { pythonCommand, startTorchBackend, torchMissing } from '../torchBackend';
import { diagnosticLine, loadFile, writtenPath, type FilePosition, type LoadedFile } from '../load';

interface TrainArgs {
  file: string;
  model?: string;
  epochs?: number;
  seed?: number;
  /** A settings.json whose `nn.*` entries apply (check severities and thresholds, training thresholds). */
  settings?: string;
  json: boolean;
  /** Skip saving the weights of a completed run. */
  noSave: boolean;
  /** Train with the engine (default) or with PyTorch through an exported train.py. */
  backend: 'engine' | 'torch';
  /** Local ranks of a data-parallel PyTorch run. */
  nproc: number;
}

const USAGE =
  'nn train FILE [--model NAME] [--epochs N] [--seed N] [--settings FILE] [--json] [--no-save] [--backend engine|torch] [--nproc N]';

const FLAGS = {
  model: { type: 'string', missing: 'needs a model name' },
  epochs: { type: 'string', missing: "needs a whole number ≥ 1, got ''" },
  seed: { type: 'string', missing: "needs a whole number ≥ 0, got ''" },
  settings: { type: 'string', missing: 'needs a path' },
  json: { type: 'boolean' },
  'no-save': { type: 'boolean' },
  backend: { type: 'string', missing: 'needs engine or torch' },
  nproc: { type: 'string', missing: "needs a whole number ≥ 1, got ''" },
} as const;

/** A whole number of at least `min`, or the usage error for `--NAME`. */
function wholeNumber(name: string, text: string | undefined, min: number): number | undefined | string {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n >= min ? n : `--${name} needs a whole number ≥ ${min}, got '${text}'`;
}

/** Checks the numbers and that exactly one file was given. */
function readArgs({ values, positionals }: GivenArgs<typeof FLAGS>): TrainArgs | string {
  const epochs = wholeNumber('epochs', values.epochs, 1);
  if (typeof epochs === 'string') return epochs;
  const seed = wholeNumber('seed', values.seed, 0);
  if (typeof seed === 'string') return seed;
  const nproc = wholeNumber('nproc', values.nproc, 1);
  if (typeof nproc === 'string') return nproc;
  const backend = values.backend ?? 'engine';
  if (backend !== 'engine' && backend !== 'torch') return `--backend is engine or torch, got '${backend}'`;
  if (nproc !== undefined && backend !== 'torch')
    return '--nproc needs --backend torch (the engine trains in one process)';
  if (positionals.length > 1)
    return `only one file can be trained at a time (got '${positionals[0]}' and '${positionals[1]}')`;
  if (positionals.length === 0) return 'give the .nn file to train';
  return {
    file: positionals[0],
    model: values.model,
    epochs,
    seed,
    settings: values.settings,
    json: values.json ?? false,
    noSave: values['no-save'] ?? false,
    backend,
    nproc: nproc ?? 1,
  };
}

export const trainCommand = defineCommand({
  name: 'train',
  summary: 'Train a model on its data and report the metrics and training-check findings',
  usage: USAGE,
  flags: FLAGS,
  read: readArgs,
  async run(parsed) {
    const loaded = loadFile('train', parsed.file);
    if (!loaded) return 2;
    const settings = readSettingsFlag(parsed.settings);
    if (!settings) return 2;
    const { path, shown, analysis } = loaded;
    const plan = planTrainRun(loaded, parsed, settings);
    if (!plan.ok) return reportRefusal(plan, shown);
    const train = analysis.semantic.trains.find((t) => t.modelName === plan.modelName);
    const model = train?.model;
    if (!train || !model) return 2;
    const outcome =
      parsed.backend === 'torch'
        ? await followTorchRun(plan, parsed, path, settings)
        : await followRun(
            startNodeRun({
              runId: `cli-${Date.now()}`,
              spec: plan.spec,
              settings: plan.settings,
              data: plan.data,
              progressIntervalMs: parsed.json ? 0 : 100,
              gridSize: 0,
              thresholds: plan.thresholds,
            }),
            parsed.json,
          );
    if (typeof outcome === 'number') return outcome;
    const { started, finished } = outcome;
    const savedTo =
      finished.reason === 'completed' && finished.weights && !parsed.noSave
        ? saveWeights(path, plan.spec, finished.weights, started?.settings ?? plan.settings)
        : undefined;
    const savedShown = savedTo && writtenPath(savedTo);
    if (parsed.json) {
      const { weights: _weights, ...rest } = finished;
      console.log(
        JSON.stringify({
          ...rest,
          classes: started?.dataset.classes,
          ...(savedShown ? { savedWeights: savedShown } : {}),
        }),
      );
    } else {
      console.log(
        `${shown}: model '${model.name}' on '${started?.dataset.name ?? plan.data.name}' (${started?.dataset.trainSize ?? 0} train / ${started?.dataset.validationSize ?? 0} validation rows)`,
      );
      for (const line of formatFinal(finished, started?.dataset.classes)) console.log(line);
      printFindings(
        finished.findings.map((f) =>
          formatFinding(
            f,
            locate(f, model, (offset) => loaded.position(offset), train),
          ),
        ),
      );
      if (savedShown) console.log(`weights saved to ${savedShown} (nn export --weights reuses them)`);
    }
    if (finished.reason === 'stopped') return 130;
    return finished.reason === 'completed' ? 0 : 1;
  },
});

/** Runs the plan in PyTorch (torchBackend.ts) and follows it like an engine run; exit 1 without PyTorch. */
async function followTorchRun(
  plan: Extract<RunPlan, { ok: true }>,
  parsed: TrainArgs,
  nnPath: string,
  settings: NnSettings,
): Promise<{ started?: RunStarted; finished: RunFinished } | number> {
  const python = pythonCommand(settings);
  const missing = torchMissing(python);
  if (missing) {
    console.error(`nn train: --backend torch needs PyTorch: ${missing}`);
    return 1;
  }
  let run: RunHandle;
  try {
    run = startTorchBackend(plan, {
      python,
      nproc: parsed.nproc,
      runId: `cli-torch-${Date.now()}`,
      sourceName: basename(nnPath),
    });
  } catch (error) {
    console.error(`nn train: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  return followRun(run, parsed.json);
}

/**
 * Follows a run to its end, drawing a progress bar (or one JSON line per epoch); Ctrl-C stops it, a second one
 * ends the worker. The run's start and end, or the exit code when it failed.
 */
async function followRun(
  run: RunHandle,
  json: boolean,
): Promise<{ started?: RunStarted; finished: RunFinished } | number> {
  let interrupted = 0;
  const onInterrupt = (): void => {
    interrupted++;
    if (interrupted === 1) run.stop();
    else void run.terminate();
  };
  process.on('SIGINT', onInterrupt);
  const bar = json
    ? undefined
    : new SingleBar({
        format: 'epoch {value}/{total} |{bar}| loss {loss}  {metricName} {metric}  ETA {eta_formatted}',
        hideCursor: true,
        etaBuffer: 20,
      });
  let started: RunStarted | undefined;
  let finished: RunFinished | undefined;
  try {
    for await (const event of run.events) {
      if (event.type === 'started') {
        started = event;
        bar?.start(event.settings.epochs, 0, { loss: '—', metric: '—', metricName: 'accuracy' });
      } else if (event.type === 'epoch') {
        if (json) console.log(JSON.stringify(epochJson(event)));
        bar?.update(event.epoch, {
          loss: formatLoss(event.trainLoss),
          metric: formatMetric(event.metricName, event.valMetric),
          metricName: event.metricName === 'accuracy' ? 'val acc' : 'val MAE',
        });
      } else if (event.type === 'finished') {
        finished = event;
      } else if (event.type === 'error') {
        bar?.stop();
        console.error(`nn train: ${event.message}`);
        return interrupted ? 130 : 1;
      }
    }
  } finally {
    bar?.stop();
    process.off('SIGINT', onInterrupt);
  }
  return finished ? { started, finished } : 1;
}

function printFindings(lines: string[]): void {
  if (lines.length === 0) {
    console.log('training checks: no findings');
    return;
  }
  console.log('');
  console.log('training checks:');
  for (const line of lines) console.log(`  ${line}`);
}

/** The settings named by --settings (the defaults without it); undefined, after saying why, when they cannot be read. */
function readSettingsFlag(file: string | undefined): NnSettings | undefined {
  if (file === undefined) return DEFAULT_SETTINGS;
  try {
    return readSettingsFile(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(
      `nn train: cannot read settings from '${file}': ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

/** The plan of the run the arguments ask for: the command line is trusted, and its workspace is `rootsFor`'s. */
export function planTrainRun(
  loaded: LoadedFile,
  parsed: Pick<TrainArgs, 'model' | 'epochs' | 'seed'>,
  settings: NnSettings,
): RunPlan {
  return planRun({
    text: loaded.analysis.text,
    path: loaded.path,
    modelName: parsed.model,
    settings,
    overrides: { epochs: parsed.epochs, seed: parsed.seed },
    data: { workspaceRoots: loaded.roots, trusted: true },
  });
}

/**
 * Says why nothing was trained: each problem as `file:line:col: severity code: message`, then the reason when
 * the problems do not already say it. Exit 1 when the file itself stops the run (like `nn check`), else 2.
 */
function reportRefusal(plan: Extract<RunPlan, { ok: false }>, shown: string): number {
  for (const p of plan.problems) console.error(problemLine(p, shown));
  if (!plan.problems.some((p) => p.message === plan.message)) console.error(`nn train: ${plan.message}`);
  return plan.errorsInFile ? 1 : 2;
}

/** One problem of a refused run as the compiler-style line `nn train` prints. */
export function problemLine(p: RunProblem, shown: string): string {
  return diagnosticLine({ file: shown, line: p.line, column: p.column }, p, 'compiler');
}

/** Saves a completed run's weights as the model's saved run; a failure is reported but does not fail the run. */
function saveWeights(
  nnFile: string,
  spec: NetworkSpec,
  weights: NetworkWeights,
  settings: TrainSettings,
): string | undefined {
  try {
    return saveRunWeights(nnFile, spec, weights, settings);
  } catch (error) {
    console.error(`nn train: could not save the weights (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

/** An epoch as one JSON line: the numbers and the finding codes (no histograms). */
function epochJson(event: EpochProgress): Record<string, unknown> {
  return {
    type: 'epoch',
    epoch: event.epoch,
    epochs: event.epochs,
    trainLoss: event.trainLoss,
    valLoss: event.valLoss,
    trainMetric: event.trainMetric,
    valMetric: event.valMetric,
    metricName: event.metricName,
    elapsedMs: Math.round(event.elapsedMs),
    samplesPerSecond: Math.round(event.samplesPerSecond),
    layers: event.layers.map((l) => ({
      name: l.name,
      gradNorm: l.gradNorm,
      deadFraction: l.deadFraction,
      saturatedFraction: l.saturatedFraction,
    })),
    findings: event.findings.map((f) => f.code),
  };
}

/** Where a finding points: its layer's line, or the train block's name for run-wide findings. */
function locate(
  finding: TrainingFinding,
  model: ModelInfo,
  at: (offset: number) => FilePosition,
  train: TrainInfo,
): FilePosition {
  const layer = finding.sourceIndex !== undefined ? model.layers[finding.sourceIndex] : undefined;
  return at(layer ? layer.span.start : train.modelNameSpan.start);
}
