/**
 * Exported trainer folders for tests: a `.nn` text planned by the run pipeline, exported with the trainer,
 * written to a folder, and run (many folders per Python process) by run_trainers.py.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { trainerFolder } from '../../../server/src/export/pytorch/trainerFolder';
import { planRun, type RunPlan } from '../../../server/src/run/pipeline';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { runPython } from './runtimes';

export type OkPlan = Extract<RunPlan, { ok: true }>;

/** The plan of a `.nn` text (its data must be built in), or a thrown error naming why it was refused. */
export function planOf(text: string, epochs?: number): OkPlan {
  const plan = planRun({
    text,
    path: '/virtual/case.nn',
    settings: DEFAULT_SETTINGS,
    overrides: { epochs },
    data: { workspaceRoots: ['/virtual'], trusted: true },
  });
  if (!plan.ok) throw new Error(`refused: ${plan.message}\n${text}`);
  return plan;
}

/** Writes the trainer folder of a plan into `dir`. */
export function writeTrainer(plan: OkPlan, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const folder = trainerFolder({ spec: plan.spec, settings: plan.settings, data: plan.data, sourceName: 'case.nn' });
  for (const file of folder.files) writeFileSync(path.join(dir, file.name), file.content);
}

export interface TrainerOutput {
  dir: string;
  lines?: Record<string, unknown>[];
  error?: string;
}

/** Runs `train.py ARGS` of each folder in one Python process and returns the JSON lines each printed. */
export function runTrainers(entries: { dir: string; args: string[] }[], manifestPath: string): TrainerOutput[] {
  writeFileSync(manifestPath, JSON.stringify(entries));
  return JSON.parse(runPython(path.join(__dirname, 'run_trainers.py'), [manifestPath], 600_000)) as TrainerOutput[];
}

/** A two-layer model on built-in data, with the parts a case varies. */
export function caseText(o: {
  hidden: string;
  out: string;
  loss: string;
  optimizer: string;
  regularize?: string;
  data: string;
  task: string;
  input?: number;
  extra?: string;
}): string {
  return [
    'model m {',
    `  task ${o.task}`,
    `  input ${o.input ?? 2}`,
    `  h: dense 6 ${o.hidden}`,
    ...(o.extra ? [`  ${o.extra}`] : []),
    `  out: ${o.out}`,
    `  loss ${o.loss}`,
    `  optimizer ${o.optimizer}`,
    ...(o.regularize ? [`  regularize ${o.regularize}`] : []),
    '}',
    'train m {',
    `  data ${o.data}`,
    '  epochs 5',
    '  batch 16',
    '  validation 0.2',
    '  seed 7',
    '}',
  ].join('\n');
}
