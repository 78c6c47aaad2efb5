/**
 * `nn train FILE [--model NAME] [--epochs N] [--seed N] [--json] [--no-save]`: trains a model in a worker thread
 * and, when the run completes, saves its weights in `.nn-runs/` next to the file (what `nn export --weights` reuses).
 */
import { SingleBar } from 'cli-progress';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { analyze } from '../../analysis';
import { saveRunWeights } from '../../export/savedRun';
import type { ModelInfo, TrainInfo } from '../../model/types';
import type { EpochProgress, RunFinished, RunStarted, TrainingFinding } from '../../protocol';
import { formatFinal, formatFinding, formatLoss, formatMetric } from '../../train/format';
import { prepareRun } from '../../train/prepare';
import { startRun } from '../../train/runner';
import type { NetworkSpec, NetworkWeights, TrainSettings } from '../../train/spec';
import type { Command } from '../command';

interface TrainArgs {
  file: string;
  model?: string;
  epochs?: number;
  seed?: number;
  json: boolean;
  /** Skip saving the weights of a completed run. */
  noSave: boolean;
}

const USAGE = 'nn train FILE [--model NAME] [--epochs N] [--seed N] [--json] [--no-save]';

function parseArgs(args: string[]): TrainArgs | string {
  const parsed: Partial<TrainArgs> & { json: boolean; noSave: boolean } = { json: false, noSave: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string | undefined => args[++i];
    const integer = (name: string, min: number): number | string => {
      const text = value();
      const n = Number(text);
      return text !== undefined && Number.isInteger(n) && n >= min ? n : `${name} needs a whole number ≥ ${min}, got '${text ?? ''}'`;
    };
    if (arg === '--json') parsed.json = true;
    else if (arg === '--no-save') parsed.noSave = true;
    else if (arg === '--model') {
      const name = value();
      if (!name) return '--model needs a model name';
      parsed.model = name;
    } else if (arg === '--epochs' || arg === '--seed') {
      const n = integer(arg, arg === '--epochs' ? 1 : 0);
      if (typeof n === 'string') return n;
      if (arg === '--epochs') parsed.epochs = n;
      else parsed.seed = n;
    } else if (arg.startsWith('-')) return `unknown option '${arg}'`;
    else if (parsed.file) return `only one file can be trained at a time (got '${parsed.file}' and '${arg}')`;
    else parsed.file = arg;
  }
  if (!parsed.file) return 'give the .nn file to train';
  return parsed as TrainArgs;
}

/** The `train` block to run: the one for --model, or the first in the file. */
function pickTrain(trains: TrainInfo[], model?: string): TrainInfo | string {
  if (trains.length === 0) return 'the file has no train block — add one, e.g. train NAME { data spiral  epochs 100 }';
  if (!model) return trains[0];
  const found = trains.find((t) => t.modelName === model);
  return found ?? `no train block for model '${model}' (the file trains ${trains.map((t) => `'${t.modelName}'`).join(', ')})`;
}

export const trainCommand: Command = {
  name: 'train',
  summary: 'Train a model on its data and report the metrics and training-check findings',
  usage: USAGE,
  async run(args) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      console.error(`nn train: ${parsed}\nUsage: ${USAGE}`);
      return 2;
    }
    const path = resolve(parsed.file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      console.error(`nn train: cannot read '${parsed.file}'`);
      return 2;
    }
    const cwd = process.cwd();
    const roots = path.startsWith(cwd + '/') ? [cwd] : [dirname(path)];
    const analysis = analyze(text, { documentPath: path, workspaceRoots: roots });
    const shown = relative(cwd, path) || parsed.file;
    const at = (offset: number): { file: string; line: number; column: number } => {
      const p = analysis.lines.positionAt(offset);
      return { file: shown, line: p.line + 1, column: p.character + 1 };
    };
    for (const d of analysis.diagnostics.filter((d) => d.severity === 'error')) {
      const loc = at(d.span.start);
      console.error(`${loc.file}:${loc.line}:${loc.column}: error ${d.code}: ${d.message}`);
    }
    const train = pickTrain(analysis.semantic.trains, parsed.model);
    if (typeof train === 'string') {
      console.error(`nn train: ${train}`);
      return 2;
    }
    const model = train.model;
    if (!model) {
      console.error(`nn train: no model named '${train.modelName}' in ${shown}`);
      return 2;
    }
    const prepared = prepareRun(train, path, roots, { epochs: parsed.epochs, seed: parsed.seed });
    if (!prepared.ok) {
      for (const d of prepared.diagnostics) {
        const loc = at(d.span.start);
        console.error(`${loc.file}:${loc.line}:${loc.column}: ${d.severity} ${d.code}: ${d.message}`);
      }
      if (prepared.diagnostics.length === 0) console.error(`nn train: ${prepared.message}`);
      return 2;
    }
    const run = startRun({
      runId: `cli-${Date.now()}`, spec: prepared.spec, settings: prepared.settings, data: prepared.data,
      progressIntervalMs: parsed.json ? 0 : 100, gridSize: 0,
    });
    const dataName = prepared.data.name;

    let interrupted = 0;
    const onInterrupt = (): void => {
      interrupted++;
      if (interrupted === 1) run.stop();
      else void run.terminate();
    };
    process.on('SIGINT', onInterrupt);
    const bar = parsed.json ? undefined : new SingleBar({
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
          if (parsed.json) console.log(JSON.stringify(epochJson(event)));
          bar?.update(event.epoch, { loss: formatLoss(event.trainLoss), metric: formatMetric(event.metricName, event.valMetric), metricName: event.metricName === 'accuracy' ? 'val acc' : 'val MAE' });
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
    if (!finished) return 1;
    const savedTo = finished.reason === 'completed' && finished.weights && !parsed.noSave
      ? saveWeights(path, prepared.spec, finished.weights, started?.settings ?? prepared.settings)
      : undefined;
    const savedShown = savedTo && (relative(cwd, savedTo).startsWith('..') ? savedTo : relative(cwd, savedTo));
    const findingsText = finished.findings.map((f) => formatFinding(f, locate(f, model, at, train)));
    if (parsed.json) {
      const { weights: _weights, ...rest } = finished;
      console.log(JSON.stringify({ ...rest, classes: started?.dataset.classes, ...(savedShown ? { savedWeights: savedShown } : {}) }));
    } else {
      console.log(`${shown}: model '${model.name}' on '${started?.dataset.name ?? dataName}' (${started?.dataset.trainSize ?? 0} train / ${started?.dataset.validationSize ?? 0} validation rows)`);
      for (const line of formatFinal(finished, started?.dataset.classes)) console.log(line);
      if (findingsText.length > 0) {
        console.log('');
        console.log('training checks:');
        for (const line of findingsText) console.log(`  ${line}`);
      } else {
        console.log('training checks: no findings');
      }
      if (savedShown) console.log(`weights saved to ${savedShown} (nn export --weights reuses them)`);
    }
    if (finished.reason === 'stopped') return 130;
    return finished.reason === 'completed' ? 0 : 1;
  },
};

/** Saves a completed run's weights as the model's saved run; a failure is reported but does not fail the run. */
function saveWeights(nnFile: string, spec: NetworkSpec, weights: NetworkWeights, settings: TrainSettings): string | undefined {
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
    layers: event.layers.map((l) => ({ name: l.name, gradNorm: l.gradNorm, deadFraction: l.deadFraction, saturatedFraction: l.saturatedFraction })),
    findings: event.findings.map((f) => f.code),
  };
}

/** Where a finding points: its layer's line, or the train block's name for run-wide findings. */
function locate(
  finding: TrainingFinding, model: ModelInfo, at: (offset: number) => { file: string; line: number; column: number }, train: TrainInfo,
): { file: string; line: number; column: number } {
  const layer = finding.sourceIndex !== undefined ? model.layers[finding.sourceIndex] : undefined;
  return at(layer ? layer.span.start : train.modelNameSpan.start);
}

