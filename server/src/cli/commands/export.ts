/** `nn export FILE --to pytorch|onnx|json [--model NAME] [--weights] [--out PATH]`: writes a model for another framework. */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { analyze } from '../../analysis';
import { EXPORT_TARGETS, isExportTarget, TARGET_EXTENSION, type ExportTarget } from '../../export';
import { exportFromAnalysis, ExportRequestError, type ExportHost } from '../../export/fromAnalysis';
import { withCsvText } from '../../train/hostData';
import { trainSync } from '../../train/trainer';
import type { Command } from '../command';

const USAGE = 'nn export FILE --to pytorch|onnx|json [--model NAME] [--weights] [--out PATH]';

interface ExportArgs {
  file: string;
  to: ExportTarget;
  model?: string;
  weights: boolean;
  out?: string;
}

function parseArgs(args: string[]): ExportArgs | string {
  const parsed: Partial<ExportArgs> & { weights: boolean } = { weights: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (what: string): string => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs ${what}`);
      return next;
    };
    try {
      if (arg === '--weights') parsed.weights = true;
      else if (arg === '--to') {
        const to = value(`a target: ${EXPORT_TARGETS.join(', ')}`);
        if (!isExportTarget(to)) return `unknown target '${to}' — use one of ${EXPORT_TARGETS.join(', ')}`;
        parsed.to = to;
      } else if (arg === '--model') parsed.model = value('a model name');
      else if (arg === '--out') parsed.out = value('a file or folder');
      else if (arg.startsWith('-')) return `unknown option '${arg}'`;
      else if (parsed.file) return `only one file can be exported at a time (got '${parsed.file}' and '${arg}')`;
      else parsed.file = arg;
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (!parsed.file) return 'give the .nn file to export';
  if (!parsed.to) return `choose a target with --to (${EXPORT_TARGETS.join(', ')})`;
  return parsed as ExportArgs;
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

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export a model to PyTorch, ONNX or NN Studio JSON (with --weights: trained weights)',
  usage: USAGE,
  async run(args) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      console.error(`nn export: ${parsed}\nUsage: ${USAGE}`);
      return 2;
    }
    const nnPath = resolve(parsed.file);
    let text: string;
    try {
      text = readFileSync(nnPath, 'utf8');
    } catch {
      console.error(`nn export: cannot read '${parsed.file}'`);
      return 2;
    }
    const cwd = process.cwd();
    const roots = nnPath.startsWith(cwd + '/') ? [cwd] : [dirname(nnPath)];
    const analysis = analyze(text, { documentPath: nnPath, workspaceRoots: roots });
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
      const shown = relative(cwd, path);
      written.push(shown && !shown.startsWith('..') ? shown : path);
    }
    for (const message of outcome.messages) console.log(message);
    console.log(`wrote ${written.join(', ')}`);
    for (const note of outcome.result.notes) console.log(`note: ${note}`);
    return 0;
  },
};
