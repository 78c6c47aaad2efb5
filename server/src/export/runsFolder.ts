/**
 * Where a training run leaves its weights: `.nn-runs/<model>.weights.json` next to the `.nn` file. Pure path
 * arithmetic, so the web worker server finds saved runs the same way (./savedRun.ts writes them on Node).
 */

export const RUNS_FOLDER = '.nn-runs';

/** The saved-run file of model `modelName` defined in the `.nn` file at `nnFile` (in the file's own separators). */
export function runWeightsPath(nnFile: string, modelName: string): string {
  const cut = Math.max(nnFile.lastIndexOf('/'), nnFile.lastIndexOf('\\'));
  if (cut < 0) return `${RUNS_FOLDER}/${modelName}.weights.json`;
  const separator = nnFile[cut];
  return `${nnFile.slice(0, cut)}${separator}${RUNS_FOLDER}${separator}${modelName}.weights.json`;
}
