/**
 * The training panel's requests. The extension host knows nothing of the language: it asks here what the
 * panel shows (`nn/panelModel`), the plan of every run (`nn/planRun`, the pipeline the CLI uses too), the
 * edits behind the panel's buttons (`nn/panelEdits`) and hands back the weights of a completed run to save
 * (`nn/saveRun`). The host starts the training worker itself, so pause and stop never wait on this thread.
 */
import { trainerFolder } from '../export/pytorch/trainerFolder';
import { describeForPanel } from '../features/panel/model';
import { fixEdits } from '../features/panel/fixEdits';
import {
  PanelEditsRequest,
  PanelModelRequest,
  PlanRunRequest,
  SaveRunRequest,
  type PanelEditsParams,
  type PanelEditsResult,
  type PanelModelParams,
  type PanelModelResult,
  type PlanRunParams,
  type PlanRunResult,
  type SaveRunParams,
  type SaveRunResult,
} from '../protocol';
import { planRunReading } from '../run/plan';
import { UNTRUSTED_MESSAGE } from '../train/data/access';
import type { Feature, ServerContext } from './context';
import { toRange } from './convert';
import { showPlanProblems } from './training';

const NOT_OPEN = 'the document is not open';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An optional model name: a string, or absent. */
function modelOf(params: { model?: unknown }): string | undefined | false {
  return params.model === undefined || typeof params.model === 'string' ? params.model : false;
}

export function handlePanelModel(context: ServerContext, params: PanelModelParams): PanelModelResult {
  if (!isRecord(params) || typeof params.uri !== 'string')
    return { ok: false, message: 'the request needs a document uri' };
  const model = modelOf(params);
  if (model === false) return { ok: false, message: 'the model name should be a string' };
  const analysis = context.analysisOf(params.uri);
  if (!analysis) return { ok: false, message: NOT_OPEN };
  const described = describeForPanel(analysis, model);
  if (!described.ok) return described;
  const result: PanelModelResult = {
    ok: true,
    model: described.model,
    layerRanges: described.layerSpans.map((span) => toRange(analysis.lines, span)),
  };
  if (described.compareThreshold) result.compareThreshold = described.compareThreshold;
  return result;
}

export async function handlePlanRun(context: ServerContext, params: PlanRunParams): Promise<PlanRunResult> {
  if (!isRecord(params) || typeof params.uri !== 'string')
    return { ok: false, message: 'the request needs a document uri', problems: [] };
  const document = context.documents.get(params.uri);
  if (!document) return { ok: false, message: NOT_OPEN, problems: [] };
  const model = modelOf(params);
  if (model === false) return { ok: false, message: 'the model name should be a string', problems: [] };
  // The plan is of this version, even when the text changes while a data file is read.
  const { version } = document;
  const { host } = context;
  const plan = await planRunReading(
    {
      text: document.getText(),
      path: host.pathOf(params.uri) ?? '',
      modelName: model,
      settings: context.settings(),
      hiddenActivation: typeof params.hiddenActivation === 'string' ? params.hiddenActivation : undefined,
      data: context.dataAccess(),
      gridSize: typeof params.gridSize === 'number' ? params.gridSize : 0,
    },
    (request, path, access) => host.readCsv(request, path, access, params.uri),
  );
  if (!plan.ok) {
    // Problems are placed in the text they were found in: not shown once the document has moved on.
    if (context.documents.get(params.uri)?.version === version) showPlanProblems(context, params.uri, plan.problems);
    return { ok: false, message: plan.message, problems: plan.problems };
  }
  if (params.withTrainer !== true) return { ...plan, version };
  // A PyTorch run: the exported trainer folder's files, which the host's worker runs with train.py.
  try {
    const file = host.pathOf(params.uri);
    const sourceName = file?.split(/[\\/]/).pop();
    const folder = trainerFolder({ spec: plan.spec, settings: plan.settings, data: plan.data, sourceName });
    const trainer = folder.files.map((f) => ({ name: f.name, content: String(f.content) }));
    return { ...plan, version, trainer };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), problems: [] };
  }
}

export async function handleSaveRun(context: ServerContext, params: SaveRunParams): Promise<SaveRunResult> {
  if (!isRecord(params) || typeof params.uri !== 'string' || !isRecord(params.spec) || !isRecord(params.weights)) {
    return { ok: false, message: 'the request needs a document uri, a network and its weights' };
  }
  if (!context.host.pathOf(params.uri)) return { ok: false, message: 'save the file first: a run is saved next to it' };
  if (!context.dataAccess().trusted) return { ok: false, message: UNTRUSTED_MESSAGE };
  // The saved file is named after the model, so only a model of this document may be saved.
  const analysis = context.analysisOf(params.uri);
  if (!analysis) return { ok: false, message: NOT_OPEN };
  if (!analysis.semantic.models.some((m) => m.name === params.spec.modelName)) {
    return { ok: false, message: `no model named '${String(params.spec.modelName)}' in this file` };
  }
  try {
    return { ok: true, file: await context.host.saveRun(params.uri, params.spec, params.weights, params.settings) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export function handlePanelEdits(context: ServerContext, params: PanelEditsParams): PanelEditsResult {
  if (
    !isRecord(params) ||
    typeof params.uri !== 'string' ||
    typeof params.model !== 'string' ||
    !isRecord(params.fix)
  ) {
    return { ok: false, message: 'the request needs a document uri, a model and a change' };
  }
  const document = context.documents.get(params.uri);
  const analysis = context.analysisOf(params.uri);
  if (!document || !analysis) return { ok: false, message: NOT_OPEN };
  const result = fixEdits(analysis, params.model, params.fix);
  if ('error' in result) return { ok: false, message: result.error };
  return {
    ok: true,
    version: document.version,
    edits: result.edits.map((edit) => ({ range: toRange(analysis.lines, edit.span), newText: edit.newText })),
  };
}

export const panelFeature: Feature = {
  capabilities: {},
  register(context) {
    const { connection } = context;
    connection.onRequest(PanelModelRequest.type, (params) => handlePanelModel(context, params));
    connection.onRequest(PlanRunRequest.type, (params) => handlePlanRun(context, params));
    connection.onRequest(SaveRunRequest.type, (params) => handleSaveRun(context, params));
    connection.onRequest(PanelEditsRequest.type, (params) => handlePanelEdits(context, params));
  },
};
