/**
 * `nn train FILE [--model NAME] [--epochs N] [--seed N] [--json] [--no-save]`: trains a model in a worker thread
 * and, when the run completes, saves its weights in `.nn-runs/` next to the file (what `nn export --weights` reuses).
 */
import { SingleBar } from 'cli-progress';
import { saveRunWeights } from '../../export/savedRun';
import type { ModelInfo, TrainInfo } from '../../model/types';
import type { EpochProgress, RunFinished, RunStarted, TrainingFinding } from '../../protocol';
import { formatFinal, formatFinding, formatLoss, formatMetric } from '../../train/format';
import { prepareRun } from '../../train/prepare';
import { startRun } from '../../train/runner';
import type { NetworkSpec, NetworkWeights, TrainSettings } from '../../train/spec';
import type { GivenArgs } from '../args';
import { defineCommand } from '../command';
import { diagnosticLine, loadFile, writtenPath, type FilePosition } from '../load';
import { pickTrain } from '../../model/pick';

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

const FLAGS = {
  model: { type: 'string', missing: 'needs a model name' },
  epochs: { type: 'string', missing: "needs a whole number ≥ 1, got ''" },
  seed: { type: 'string', missing: "needs a whole number ≥ 0, got ''" },
  json: { type: 'boolean' },
  'no-save': { type: 'boolean' },
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
  if (positionals.length > 1) return `only one file can be trained at a time (got '${positionals[0]}' and '${positionals[1]}')`;
  if (positionals.length === 0) return 'give the .nn file to train';
  return { file: positionals[0], model: values.model, epochs, seed, json: values.json ?? false, noSave: values['no-save'] ?? false };
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
    const { path, shown, roots, analysis, position } = loaded;
    for (const d of analysis.diagnostics.filter((d) => d.severity === 'error')) console.error(diagnosticLine(position(d.span.start), d, 'compiler'));
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
      for (const d of prepared.diagnostics) console.error(diagnosticLine(position(d.span.start), d, 'compiler'));
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
    const savedShown = savedTo && writtenPath(savedTo);
    const findingsText = finished.findings.map((f) => formatFinding(f, locate(f, model, position, train)));
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
});

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
  finding: TrainingFinding, model: ModelInfo, at: (offset: number) => FilePosition, train: TrainInfo,
): FilePosition {
  const layer = finding.sourceIndex !== undefined ? model.layers[finding.sourceIndex] : undefined;
  return at(layer ? layer.span.start : train.modelNameSpan.start);
}

