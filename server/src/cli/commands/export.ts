/** `nn export FILE --to pytorch|onnx|json [--model NAME] [--weights] [--out PATH]`: writes a model for another framework. */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { EXPORT_TARGETS, isExportTarget, TARGET_EXTENSION, type ExportTarget } from '../../export';
import { exportFromAnalysis, ExportRequestError, type ExportHost } from '../../export/fromAnalysis';
import { withCsvText } from '../../train/hostData';
import { trainSync } from '../../train/trainer';
import type { GivenArgs } from '../args';
import { defineCommand } from '../command';
import { loadFile, writtenPath } from '../load';

const USAGE = 'nn export FILE --to pytorch|onnx|json [--model NAME] [--weights] [--out PATH]';

interface ExportArgs {
  file: string;
  to: ExportTarget;
  model?: string;
  weights: boolean;
  out?: string;
}

const FLAGS = {
  to: { type: 'string', missing: `needs a target: ${EXPORT_TARGETS.join(', ')}` },
  model: { type: 'string', missing: 'needs a model name' },
  out: { type: 'string', missing: 'needs a file or folder' },
  weights: { type: 'boolean' },
} as const;

/** Checks the target and that exactly one file was given. */
function readArgs({ values, positionals }: GivenArgs<typeof FLAGS>): ExportArgs | string {
  const { to } = values;
  if (to !== undefined && !isExportTarget(to)) return `unknown target '${to}' — use one of ${EXPORT_TARGETS.join(', ')}`;
  if (positionals.length > 1) return `only one file can be exported at a time (got '${positionals[0]}' and '${positionals[1]}')`;
  if (positionals.length === 0) return 'give the .nn file to export';
  if (!to) return `choose a target with --to (${EXPORT_TARGETS.join(', ')})`;
  return { file: positionals[0], to, model: values.model, weights: values.weights ?? false, out: values.out };
}

/** The folder and file stem: next to the .nn file by default; --out names a folder or the main file. */
function destination(out: string | undefined, nnPath: string, target: ExportTarget, model: string): { folder: string; stem: string } {
  if (!out) return { folder: dirname(nnPath), stem: model };
  const path = resolve(out);
  if (out.endsWith('/') || out.endsWith('\\') || (existsSync(path) && statSync(path).isDirectory())) return { folder: path, stem: model };
  const ext = extname(path);
  const stem = ext === TARGET_EXTENSION[target] ? basename(path, ext) : basename(path);
  return { folder: dirname(path), stem };
}

const host = (roots: string[], nnPath: string): ExportHost => ({
  readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
  async train(spec, settings, data) {
    const { finished } = trainSync({ runId: `export-${spec.modelName}`, spec, settings, data: withCsvText(data, nnPath, roots) });
    if (!finished.weights) throw new ExportRequestError(`training '${spec.modelName}' produced no weights`);
    if (finished.reason === 'diverged') throw new ExportRequestError(`training '${spec.modelName}' diverged: ${finished.detail ?? 'the loss became NaN'}`);
    return finished.weights;
  },
});

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'Export a model to PyTorch, ONNX or NN Studio JSON (with --weights: trained weights)',
  usage: USAGE,
  flags: FLAGS,
  read: readArgs,
  async run(parsed) {
    const loaded = loadFile('export', parsed.file);
    if (!loaded) return 2;
    const { path: nnPath, roots, analysis } = loaded;
    const modelName = parsed.model ?? analysis.semantic.models[0]?.name ?? 'model';
    const { folder, stem } = destination(parsed.out, nnPath, parsed.to, modelName);
    let outcome;
    try {
      outcome = await exportFromAnalysis({ analysis, filePath: nnPath, target: parsed.to, model: parsed.model, weights: parsed.weights, stem }, host(roots, nnPath));
    } catch (error) {
      console.error(`nn export: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    mkdirSync(folder, { recursive: true });
    const written: string[] = [];
    for (const file of outcome.result.files) {
      const path = join(folder, file.name);
      writeFileSync(path, file.content);
      written.push(writtenPath(path));
    }
    for (const message of outcome.messages) console.log(message);
    console.log(`wrote ${written.join(', ')}`);
    for (const note of outcome.result.notes) console.log(`note: ${note}`);
    return 0;
  },
});
