/**
 * `nn/export` from the language server: builds the export files of a model of an open document and returns
 * them to the client, which writes them. When trained weights are asked for and no saved run fits, the
 * model's train block runs through the host (a worker, never blocking this thread).
 */
import { bytesToBase64 } from '../base64';
import { isExportTarget } from '../export';
import { exportFromAnalysis, ExportRequestError, type ExportHost } from '../export/fromAnalysis';
import { ExportRequest, type ExportedFileContent, type ExportParams, type ExportResponse } from '../protocol';
import type { Feature, ServerContext } from './context';

let exportRuns = 0;

/** What the export needs of the platform, for the document at `uri`. */
function exportHost(context: ServerContext, uri: string): ExportHost {
  const { host } = context;
  return {
    readText: (path) => host.readText(path, uri),
    readCsv: (request, path, access) => host.readCsv(request, path, access, uri),
    async train(spec, settings, data) {
      const last = await host.train({
        runId: `export-${++exportRuns}`,
        spec,
        settings,
        data,
        progressIntervalMs: 1000,
        gridSize: 0,
      });
      if (last.type === 'error') throw new ExportRequestError(`training '${spec.modelName}' failed: ${last.message}`);
      if (last.reason === 'diverged')
        throw new ExportRequestError(`training '${spec.modelName}' diverged: ${last.detail ?? 'the loss became NaN'}`);
      if (!last.weights) throw new ExportRequestError(`training '${spec.modelName}' produced no weights`);
      return last.weights;
    },
  };
}

export async function handleExport(context: ServerContext, params: ExportParams): Promise<ExportResponse> {
  if (!isExportTarget(params.target)) return { ok: false, message: `unknown export target '${String(params.target)}'` };
  const analysis = context.analysisOf(params.uri);
  if (!analysis) return { ok: false, message: 'the document is not open' };
  const documentPath = context.host.pathOf(params.uri);
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
      exportHost(context, params.uri),
    );
    const files: ExportedFileContent[] = outcome.result.files.map((file) =>
      typeof file.content === 'string'
        ? { name: file.name, role: file.role, encoding: 'utf8', data: file.content }
        : { name: file.name, role: file.role, encoding: 'base64', data: bytesToBase64(file.content) },
    );
    return { ok: true, model: outcome.model, files, messages: [...outcome.messages, ...outcome.result.notes] };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export const exportFeature: Feature = {
  capabilities: {},
  register(context) {
    context.connection.onRequest(ExportRequest.type, (params: ExportParams) => handleExport(context, params));
  },
};
