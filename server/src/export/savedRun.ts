/**
 * Where a training run leaves its weights: `.nn-runs/<model>.weights.json` next to the `.nn` file, in
 * NN Studio's JSON model format (see ./json.ts). `nn export --weights` and the editor's export read it;
 * whatever trains a model and keeps the result writes it with `toJsonExport`.
 */
import * as path from 'node:path';

export const RUNS_FOLDER = '.nn-runs';

/** The saved-run file of model `modelName` defined in the `.nn` file at `nnFile`. */
export function runWeightsPath(nnFile: string, modelName: string): string {
  return path.join(path.dirname(nnFile), RUNS_FOLDER, `${modelName}.weights.json`);
}
