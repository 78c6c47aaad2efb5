/**
 * `nn export FILE --to pytorch|onnx|json [--model NAME] [--weights] [--out PATH] [--force]`: writes a model for
 * another framework. Files named by --out are never replaced without --force, and no folder is ever created.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { EXPORT_TARGETS, isExportTarget, TARGET_EXTENSION, weightsFileName, type ExportTarget } from '../../export';
import { exportFromAnalysis, ExportRequestError, type ExportHost } from '../../export/fromAnalysis';
import { trainerFolder } from '../../export/pytorch/trainerFolder';
import { nodeRunData, planRun } from '../../run/pipeline';
import { DEFAULT_SETTINGS } from '../../settings';
import { trainSync } from '../../train/trainer';
import type { GivenArgs } from '../args';
import { defineCommand } from '../command';
import { loadFile, writtenPath } from '../load';

const USAGE =
  'nn export FILE --to pytorch|onnx|json [--model NAME] [--weights] [--out PATH] [--force]\n       nn export FILE --to pytorch --with-trainer --out DIR [--model NAME] [--force]';

interface ExportArgs {
  file: string;
  to: ExportTarget;
  model?: string;
  weights: boolean;
  out?: string;
  force: boolean;
  /** A folder that trains the model in PyTorch (model.py, train.py, data, initial weights). */
  withTrainer: boolean;
}

const FLAGS = {
  to: { type: 'string', missing: `needs a target: ${EXPORT_TARGETS.join(', ')}` },
  model: { type: 'string', missing: 'needs a model name' },
  out: { type: 'string', missing: 'needs a file or folder' },
  weights: { type: 'boolean' },
  force: { type: 'boolean' },
  'with-trainer': { type: 'boolean' },
} as const;

/** Checks the target and that exactly one file was given. */
function readArgs({ values, positionals }: GivenArgs<typeof FLAGS>): ExportArgs | string {
  const { to } = values;
  if (to !== undefined && !isExportTarget(to))
    return `unknown target '${to}' — use one of ${EXPORT_TARGETS.join(', ')}`;
  if (positionals.length > 1)
    return `only one file can be exported at a time (got '${positionals[0]}' and '${positionals[1]}')`;
  if (positionals.length === 0) return 'give the .nn file to export';
  if (!to) return `choose a target with --to (${EXPORT_TARGETS.join(', ')})`;
  const withTrainer = values['with-trainer'] ?? false;
  if (withTrainer && to !== 'pytorch')
    return '--with-trainer writes a PyTorch training folder: use it with --to pytorch';
  if (withTrainer && values.weights)
    return '--with-trainer exports the initial weights of the run (train.py --save writes trained ones); leave out --weights';
  if (withTrainer && !values.out)
    return '--with-trainer needs --out DIR, an existing folder to write model.py, train.py and the data into';
  return {
    file: positionals[0],
    to,
    model: values.model,
    weights: values.weights ?? false,
    out: values.out,
    force: values.force ?? false,
    withTrainer,
  };
}

/** The folder and file stem: next to the .nn file by default; --out names a folder or the main file. */
function destination(
  out: string | undefined,
  nnPath: string,
  target: ExportTarget,
  model: string,
): { folder: string; stem: string } {
  if (!out) return { folder: dirname(nnPath), stem: model };
  const path = resolve(out);
  if (out.endsWith('/') || out.endsWith('\\') || (existsSync(path) && statSync(path).isDirectory()))
    return { folder: path, stem: model };
  const ext = extname(path);
  const stem = ext === TARGET_EXTENSION[target] ? basename(path, ext) : basename(path);
  return { folder: dirname(path), stem };
}

/** Why files cannot be written to `folder`, or undefined: it must exist, and --out files exist only with --force. */
function refusal(folder: string, names: string[], args: ExportArgs): string | undefined {
  if (!existsSync(folder))
    return `the folder '${writtenPath(folder)}' does not exist; create it first (nn export creates no folders)`;
  if (!statSync(folder).isDirectory()) return `'${writtenPath(folder)}' is not a folder`;
  if (args.out === undefined || args.force) return undefined;
  const existing = names.map((name) => join(folder, name)).find((path) => existsSync(path));
  return existing && `'${writtenPath(existing)}' already exists; add --force to replace it`;
}

/** The files an export will write, known before it runs (so a refusal comes before any training). */
function plannedNames(args: ExportArgs, stem: string): string[] {
  const names = [`${stem}${TARGET_EXTENSION[args.to]}`];
  if (args.to === 'pytorch' && args.weights) names.push(weightsFileName(stem));
  return names;
}

const host: ExportHost = {
  readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
  async train(spec, settings, data) {
    const { finished } = trainSync({ runId: `export-${spec.modelName}`, spec, settings, data });
    if (!finished.weights) throw new ExportRequestError(`training '${spec.modelName}' produced no weights`);
    if (finished.reason === 'diverged')
      throw new ExportRequestError(
        `training '${spec.modelName}' diverged: ${finished.detail ?? 'the loss became NaN'}`,
      );
    return finished.weights;
  },
};

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
    if (parsed.withTrainer) return writeTrainerFolder(parsed, nnPath, analysis.text, roots);
    const modelName = parsed.model ?? analysis.semantic.models[0]?.name ?? 'model';
    const { folder, stem } = destination(parsed.out, nnPath, parsed.to, modelName);
    const refused = refusal(folder, plannedNames(parsed, stem), parsed);
    if (refused) {
      console.error(`nn export: ${refused}`);
      return 1;
    }
    let outcome;
    try {
      outcome = await exportFromAnalysis(
        {
          analysis,
          filePath: nnPath,
          target: parsed.to,
          model: parsed.model,
          weights: parsed.weights,
          stem,
          settings: DEFAULT_SETTINGS,
          data: nodeRunData({ workspaceRoots: roots, trusted: true }),
        },
        host,
      );
    } catch (error) {
      console.error(`nn export: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    const names = outcome.result.files.map((file) => file.name);
    const late = refusal(folder, names, parsed);
    if (late) {
      console.error(`nn export: ${late}`);
      return 1;
    }
    const replacing = parsed.out === undefined && names.some((name) => existsSync(join(folder, name)));
    for (const file of outcome.result.files) {
      const path = join(folder, file.name);
      try {
        // 'wx' fails on a file that appeared since the check, so --out never replaces one without --force.
        writeFileSync(path, file.content, { flag: parsed.out === undefined || parsed.force ? 'w' : 'wx' });
      } catch (error) {
        console.error(
          `nn export: cannot write '${writtenPath(path)}' (${error instanceof Error ? error.message : String(error)})`,
        );
        return 1;
      }
    }
    for (const message of outcome.messages) console.log(message);
    const written = names.map((name) => writtenPath(join(folder, name))).join(', ');
    const where =
      parsed.out === undefined
        ? ` (${replacing ? 'replacing the earlier export; ' : ''}next to the .nn file; --out chooses another place)`
        : '';
    console.log(`wrote ${written}${where}`);
    for (const note of outcome.result.notes) console.log(`note: ${note}`);
    return 0;
  },
});

/**
 * --with-trainer: plans the run (the one run pipeline, so the same refusals as `nn train`) and writes the
 * trainer folder into the existing folder --out names; existing files are replaced only with --force.
 */
function writeTrainerFolder(parsed: ExportArgs, nnPath: string, text: string, roots: string[]): number {
  const folder = resolve(parsed.out ?? '.');
  const plan = planRun({
    text,
    path: nnPath,
    modelName: parsed.model,
    settings: DEFAULT_SETTINGS,
    data: { workspaceRoots: roots, trusted: true },
  });
  if (!plan.ok) {
    console.error(`nn export: ${plan.message}`);
    return 1;
  }
  let built;
  try {
    built = trainerFolder({ spec: plan.spec, settings: plan.settings, data: plan.data, sourceName: basename(nnPath) });
  } catch (error) {
    console.error(`nn export: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const refused = refusal(
    folder,
    built.files.map((f) => f.name),
    parsed,
  );
  if (refused) {
    console.error(`nn export: ${refused}`);
    return 1;
  }
  for (const file of built.files) {
    const path = join(folder, file.name);
    try {
      writeFileSync(path, file.content, { flag: parsed.force ? 'w' : 'wx' });
    } catch (error) {
      console.error(
        `nn export: cannot write '${writtenPath(path)}' (${error instanceof Error ? error.message : String(error)})`,
      );
      return 1;
    }
  }
  const { summary } = built;
  console.log(
    `wrote ${built.files.map((f) => f.name).join(', ')} to ${writtenPath(folder)} (model '${plan.modelName}' on '${summary.dataset}', ${summary.trainSize} train / ${summary.validationSize} validation rows)`,
  );
  console.log(
    `run: python ${writtenPath(join(folder, 'train.py'))} --json  (multi-GPU: torchrun --nproc_per_node N train.py --device cuda)`,
  );
  return 0;
}
