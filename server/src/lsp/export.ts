/**
 * `nn/export` from the language server: builds the export files of a model of an open document and returns
 * them to the client, which writes them. When trained weights are asked for and no saved run fits, the
 * model's train block runs in a worker thread (never on this thread).
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathOf } from '../documentUri';
import { isExportTarget } from '../export';
import { exportFromAnalysis, ExportRequestError, type ExportHost } from '../export/fromAnalysis';
import { ExportRequest, type ExportedFileContent, type ExportParams, type ExportResponse } from '../protocol';
import { startRun, type RunnerOptions } from '../train/runner';
import type { Feature, ServerContext } from './context';

let exportRuns = 0;

function host(options: RunnerOptions): ExportHost {
  return {
    readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
    async train(spec, settings, data) {
      const run = startRun(
        {
          runId: `export-${++exportRuns}`,
          spec,
          settings,
          data,
          progressIntervalMs: 1000,
          gridSize: 0,
        },
        options,
      );
      const last = await run.done;
      if (last.type === 'error') throw new ExportRequestError(`training '${spec.modelName}' failed: ${last.message}`);
      if (last.reason === 'diverged')
        throw new ExportRequestError(`training '${spec.modelName}' diverged: ${last.detail ?? 'the loss became NaN'}`);
      if (!last.weights) throw new ExportRequestError(`training '${spec.modelName}' produced no weights`);
      return last.weights;
    },
  };
}

export async function handleExport(
  context: ServerContext,
  params: ExportParams,
  options: RunnerOptions = {},
): Promise<ExportResponse> {
  if (!isExportTarget(params.target)) return { ok: false, message: `unknown export target '${String(params.target)}'` };
  const analysis = context.analysisOf(params.uri);
  if (!analysis) return { ok: false, message: 'the document is not open' };
  const documentPath = pathOf(params.uri);
  if (params.weights && !documentPath)
    return { ok: false, message: 'save the file first: trained weights are looked up next to it' };
  try {
    const outcome = await exportFromAnalysis(
      {
        analysis,
        filePath: documentPath ?? 'untitled.nn',
        target: params.target,
        model: params.model,
        weights: params.weights,
        stem: params.stem,
        settings: context.settings(),
        data: context.dataAccess(),
      },
      host(options),
    );
    const files: ExportedFileContent[] = outcome.result.files.map((file) =>
      typeof file.content === 'string'
        ? { name: file.name, role: file.role, encoding: 'utf8', data: file.content }
        : { name: file.name, role: file.role, encoding: 'base64', data: Buffer.from(file.content).toString('base64') },
    );
    return { ok: true, model: outcome.model, files, messages: [...outcome.messages, ...outcome.result.notes] };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export function createExportFeature(options: RunnerOptions = {}): Feature {
  return {
    capabilities: {},
    register(context) {
      context.connection.onRequest(ExportRequest.type, (params: ExportParams) =>
        handleExport(context, params, options),
      );
    },
  };
}

export const exportFeature: Feature = createExportFeature();
