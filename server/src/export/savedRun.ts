/**
 * Where a training run leaves its weights: `.nn-runs/<model>.weights.json` next to the `.nn` file, in
 * NN Studio's JSON model format (see ./json.ts). `nn export --weights` and the editor's export read it;
 * `nn train` and the training panel write it with `saveRunWeights` when a run completes.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { NetworkSpec, NetworkWeights, TrainSettings } from '../model/spec';
import { toJsonExport } from './json';
import { RUNS_FOLDER, runWeightsPath } from './runsFolder';

export { RUNS_FOLDER, runWeightsPath };

/**
 * Saves the weights of a completed run of `spec` (defined in `nnFile`) as its saved run and returns the
 * file's path. Writes a temporary file first and renames it, so a reader never sees half a file.
 * Throws when the folder cannot be written.
 */
export function saveRunWeights(
  nnFile: string,
  spec: NetworkSpec,
  weights: NetworkWeights,
  settings?: TrainSettings,
): string {
  const file = runWeightsPath(nnFile, spec.modelName);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, toJsonExport(spec, weights, settings));
  renameSync(temporary, file);
  return file;
}
