/**
 * `nn train FILE --backend torch [--nproc N]`: exports the planned run with its trainer and starts it as a
 * PyTorch run (server/src/train/torch/run.ts, the module the training panel's runs use too). The command
 * follows it like an engine run: the same progress bar or JSON lines, findings and saved run.
 */
import { trainerFolder } from '../export/pytorch/trainerFolder';
import type { TrainerFile } from '../protocol';
import type { RunPlan } from '../run/pipeline';
import type { RunHandle } from '../train/runner';
import { startTorchRun } from '../train/torch/run';

export { pythonCommand, torchMissing } from '../train/torch/python';

export type OkPlan = Extract<RunPlan, { ok: true }>;

/** The files of the plan's exported trainer folder (throws with a clear message when the data does not fit). */
export function trainerFiles(plan: Pick<OkPlan, 'spec' | 'settings' | 'data'>, sourceName?: string): TrainerFile[] {
  const folder = trainerFolder({ spec: plan.spec, settings: plan.settings, data: plan.data, sourceName });
  return folder.files.map((file) => ({
    name: file.name,
    content: typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content),
  }));
}

/** Starts the plan in PyTorch with `python` (N local ranks when `nproc` > 1). Throws when the folder cannot be made. */
export function startTorchBackend(
  plan: OkPlan,
  options: { python: string; nproc: number; runId: string; sourceName?: string },
): RunHandle {
  return startTorchRun({
    runId: options.runId,
    spec: plan.spec,
    settings: plan.settings,
    data: plan.data,
    thresholds: plan.thresholds,
    progressIntervalMs: 0,
    gridSize: 0,
    torch: { python: options.python, nproc: options.nproc, files: trainerFiles(plan, options.sourceName) },
  });
}
