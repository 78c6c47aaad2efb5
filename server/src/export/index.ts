/**
 * Exports a network to PyTorch, ONNX or NN Studio's JSON format. Pure: returns the files' names and
 * contents; the CLI and the editor decide where to write them.
 */
import { toJsonExport } from './json';
import { onnxModel } from './onnx/model';
import { buildPlan } from './plan';
import { pytorchModule } from './pytorch/module';
import type { ExportInput, ExportResult, ExportTarget } from './types';

export {
  EXPORT_TARGETS,
  isExportTarget,
  type ExportInput,
  type ExportResult,
  type ExportTarget,
  type ExportedFile,
} from './types';
export {
  JSON_FORMAT,
  JSON_FORMAT_VERSION,
  loadJsonExport,
  toJsonExport,
  type JsonExport,
  type LoadedJsonExport,
} from './json';
export { ExportFormatError } from './validate';
export { runWeightsPath, RUNS_FOLDER } from './runsFolder';

/** The usual file extension of each target's main file. */
export const TARGET_EXTENSION: Record<ExportTarget, string> = { pytorch: '.py', onnx: '.onnx', json: '.json' };

/** File name of the weights file that goes with a PyTorch module `stem.py`. */
export function weightsFileName(stem: string): string {
  return `${stem}.weights.json`;
}

/**
 * Exports `input.spec` (with `input.weights` when given) to `target`. `stem` names the files
 * (`stem.py` + `stem.weights.json`, `stem.onnx`, `stem.json`); it defaults to the model's name.
 */
export function exportModel(target: ExportTarget, input: ExportInput, stem = input.spec.modelName): ExportResult {
  const { spec, weights, settings, sourceName } = input;
  switch (target) {
    case 'json':
      return {
        target,
        files: [{ role: 'main', name: `${stem}.json`, content: toJsonExport(spec, weights, settings) }],
        notes: weights ? [] : ['architecture only: export with weights to include trained values'],
      };
    case 'pytorch': {
      const plan = buildPlan(spec, weights, settings?.features);
      const weightsFile = weights ? weightsFileName(stem) : undefined;
      const { source, notes } = pytorchModule(spec, plan, {
        weightsFile,
        moduleFile: `${stem}.py`,
        sourceName,
        settings,
      });
      const files: ExportResult['files'] = [{ role: 'main', name: `${stem}.py`, content: source }];
      if (weights && weightsFile)
        files.push({ role: 'weights', name: weightsFile, content: toJsonExport(spec, weights, settings) });
      return { target, files, notes };
    }
    case 'onnx': {
      const plan = buildPlan(spec, weights, settings?.features);
      const { bytes, notes } = onnxModel(plan, sourceName);
      if (!weights) notes.unshift('no trained weights: the ONNX model holds the untrained initial weights');
      return { target, files: [{ role: 'main', name: `${stem}.onnx`, content: bytes }], notes };
    }
  }
}
