/**
 * The run pipeline on Node (the CLI, the Node language server, tests): ./plan.ts with Node's file system, so
 * links resolve to real paths and a CSV file is read, checked, where the plan needs it.
 */
import { nodeRealPath } from '../train/data/realPath';
import type { DataAccess, RunDataAccess } from '../train/data/access';
import { withCsvText } from '../train/hostData';
import { planRun as planWith, type RunPlan, type RunRequest } from './plan';

export * from './plan';

/** Node's way to data files: real paths, and CSV files read with the containment checks of hostData.ts. */
export function nodeRunData(access: DataAccess & Partial<RunDataAccess>): RunDataAccess {
  return { ...access, realPath: access.realPath ?? nodeRealPath, readCsv: access.readCsv ?? withCsvText };
}

/** Turns a run request into the plan of a run, or the problems that stop it (reading data files with Node). */
export function planRun(request: RunRequest): RunPlan {
  return planWith({ ...request, data: nodeRunData(request.data) });
}
