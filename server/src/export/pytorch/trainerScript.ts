/**
 * Writes `train.py`: the constants of one run (optimizer, loss head, split, batch, seed, data layout) above the
 * fixed training code of trainerTemplate.ts. Every text from outside (names, class labels, file names) enters
 * through `pythonString`/`pythonComment`.
 */
import type { ParamValues } from '../../catalog/types';
import type { NetworkSpec, TrainSettings } from '../../model/spec';
import type { MetricKind } from '../../train/data/encode';
import { learningRate } from '../../train/engine/learner';
import { lossParam } from '../../catalog/losses';
import { optimizerParam } from '../../catalog/optimizers';
import { OPTIMIZER_EPSILON } from '../../train/engine/optimizer';
import { createLossHead } from '../../train/engine/loss';
import { Network } from '../../train/engine/network';
import { pythonComment, pythonString } from '../escape';
import { PRODUCER } from '../json';
import type { ExportPlan } from '../plan';
import { pyFloat } from './python';
import { TRAINER_BODY } from './trainerTemplate';

export interface TrainerScriptInput {
  spec: NetworkSpec;
  settings: TrainSettings;
  /** The export plan of model.py (its steps and split-off output activation). */
  plan: ExportPlan;
  /** The class model.py defines. */
  modelClass: string;
  sourceName?: string;
  /** Raw columns per data row (2 with a features line, else the model's input). */
  inputColumns: number;
  /** Class names in label order, or undefined for numeric targets. */
  classes?: string[];
  metric: MetricKind;
  dataFile: string;
  initialWeightsFile: string;
}

/** The loss head's name in train.py and whether it reads the logits before a split-off output activation. */
export function trainerLossHead(
  spec: NetworkSpec,
  plan: ExportPlan,
): { head: string; useLogits: boolean; outputIsLogit: boolean } {
  const network = new Network(spec, { capacity: 1, seed: 1 });
  const head = createLossHead(spec.loss.name, spec.loss.params, network.outputActivation);
  const byMode: Record<string, string> = {
    'sigmoid-logits': 'sigmoid-bce',
    'softmax-logits': head.name === 'cce' ? 'softmax-cce' : 'softmax-bce',
    'sigmoid-cce-logits': 'sigmoid-cce',
  };
  const name =
    head.mode === 'output'
      ? head.name === 'bce' || head.name === 'cce'
        ? `clamped-${head.name}`
        : head.name
      : byMode[head.mode];
  return {
    head: name,
    useLogits: head.mode !== 'output' && plan.outputActivation !== undefined,
    outputIsLogit: head.outputIsLogit,
  };
}

/** A number parameter as the engine's optimizers read it: the value when it is a finite number, else the default. */
function param(params: ParamValues, name: string, fallback: number): number {
  const value = params[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

const pyBool = (value: boolean): string => (value ? 'True' : 'False');

/** Which PReLU module (in model.py's order) holds the slopes of which weights entry. */
function slopeOwners(plan: ExportPlan): string {
  let dense = 0;
  let activation = 0;
  const owners: string[] = [];
  for (const step of plan.steps) {
    if (step.kind === 'dense') {
      if (step.slopes) owners.push(`("dense", ${dense})`);
      dense++;
    } else if (step.kind === 'activation' && step.slopes) {
      owners.push(`("activation", ${activation++})`);
    }
  }
  return `[${owners.join(', ')}]`;
}

export function trainerScript(input: TrainerScriptInput): string {
  const { spec, settings, plan } = input;
  const loss = trainerLossHead(spec, plan);
  const opt = spec.optimizer.params;
  const reg = spec.regularize && spec.regularize.amount !== 0 ? spec.regularize : undefined;
  const header = [
    `"""Trains the model of model.py as NN Studio's engine does, exported by ${PRODUCER}.`,
    '',
    'python train.py [--epochs N] [--json] [--device cpu|cuda] [--save PATH]',
    '',
    'Same initial weights, data, split, batch order, optimizer, loss and regularization as NN Studio, so the',
    'per-epoch losses agree with the engine (dropout draws its own masks). Under a launcher that sets',
    'WORLD_SIZE, RANK, LOCAL_RANK, MASTER_ADDR and MASTER_PORT (torchrun does) it trains data-parallel:',
    'each global batch is split across the ranks, so the run is the one of a single process.',
    '"""',
    'import argparse',
    'import csv',
    'import json',
    'import math',
    'import os',
    'import sys',
    'import time',
    '',
    'import torch',
    '',
    'sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))',
    'import model as exported  # noqa: E402  (model.py next to this file)',
    '',
    pythonComment('The run of the .nn file: change these to train differently.'),
    `MODEL_NAME = ${pythonString(spec.modelName)}`,
    `SOURCE_FILE = ${input.sourceName === undefined ? 'None' : pythonString(input.sourceName)}`,
    `MODEL_CLASS = ${pythonString(input.modelClass)}`,
    `DATA_FILE = ${pythonString(input.dataFile)}`,
    `INITIAL_WEIGHTS = ${pythonString(input.initialWeightsFile)}`,
    `INPUT_COLUMNS = ${input.inputColumns}`,
    `OUTPUT_WIDTH = ${plan.output}`,
    `HAS_FEATURES = ${pyBool(plan.features !== undefined)}`,
    `CLASSES = ${input.classes ? `[${input.classes.map((c) => pythonString(c)).join(', ')}]` : 'None'}`,
    `METRIC = ${pythonString(input.metric)}`,
    `METRIC_NAME = ${pythonString(input.metric === 'mae' ? 'mae' : 'accuracy')}`,
    `THRESHOLD = ${loss.outputIsLogit ? '0.0' : '0.5'}`,
    `LOSS_HEAD = ${pythonString(loss.head)}`,
    `USE_LOGITS = ${pyBool(loss.useLogits)}`,
    `OUTPUT_ACTIVATION = ${plan.outputActivation ? pythonString(plan.outputActivation) : 'None'}`,
    `HUBER_DELTA = ${pyFloat(lossParam('huber', spec.loss.params, 'delta'))}`,
    `OPTIMIZER = ${pythonString(spec.optimizer.name)}`,
    `LR = ${pyFloat(learningRate(spec, settings.lr))}`,
    `MOMENTUM = ${pyFloat(optimizerParam('sgd', opt, 'momentum'))}`,
    `BETA1 = ${pyFloat(optimizerParam('adam', opt, 'beta1'))}`,
    `BETA2 = ${pyFloat(optimizerParam('adam', opt, 'beta2'))}`,
    `RHO = ${pyFloat(optimizerParam('rmsprop', opt, 'rho'))}`,
    `EPSILON = ${pyFloat(param(opt, 'epsilon', OPTIMIZER_EPSILON))}`,
    `REGULARIZE = ${reg ? pythonString(reg.kind) : 'None'}`,
    `REGULARIZE_AMOUNT = ${pyFloat(reg?.amount ?? 0)}`,
    `EPOCHS = ${Math.max(1, Math.floor(settings.epochs))}`,
    `BATCH = ${Math.max(1, Math.floor(settings.batch))}`,
    `VALIDATION = ${pyFloat(settings.validation)}`,
    `SEED = ${Math.floor(settings.seed)}`,
    `NORMALIZE = ${pyBool(settings.normalize)}`,
    `SLOPE_OWNERS = ${slopeOwners(plan)}`,
  ];
  return `${header.join('\n')}\n${TRAINER_BODY}`;
}
