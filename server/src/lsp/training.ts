/**
 * What runs leave in the Problems panel: the extension host starts runs from `nn/planRun` plans (lsp/panel.ts)
 * and sends back their findings (`nn/trainingFindings`). Findings become `nn-train` diagnostics on their layers'
 * lines; each one stays while its line's text is unchanged (following the line when lines move). Problems with
 * the data file found while planning stay on its line too.
 */
import type { Diagnostic } from '../diagnostic';
import { TrainingFindingsNotification, type RunProblem, type TrainingFindingsParams } from '../protocol';
import { anchorDiagnostics, anchorFindings, relocate, type AnchoredFinding } from '../train/anchors';
import type { Feature, ServerContext } from './context';

/** Findings of finished runs and problems found while planning, per document, anchored to their lines. */
const anchored = new Map<string, AnchoredFinding[]>();

/**
 * The `nn-train` diagnostics of a document for its current text: the server merges them with the static
 * diagnostics every time it publishes. Findings whose line changed are dropped for good.
 */
export function trainingDiagnostics(uri: string, text: string): Diagnostic[] {
  const list = anchored.get(uri);
  if (!list || list.length === 0) return [];
  const { kept, diagnostics } = relocate(list, text);
  anchored.set(uri, kept);
  return diagnostics;
}

/** Problems of a refused plan that the static diagnostics do not show (the data file's), kept on their lines. */
export function showPlanProblems(context: ServerContext, uri: string, problems: RunProblem[]): void {
  const document = context.documents.get(uri);
  const shown = context.analysisOf(uri)?.diagnostics ?? [];
  const fresh = problems.filter(
    (p) => !shown.some((d) => d.code === p.code && d.span.start === p.start && d.span.end === p.end),
  );
  if (!document || fresh.length === 0) return;
  const diagnostics = fresh.map((p): Diagnostic => ({
    code: p.code,
    severity: p.severity,
    message: p.message,
    span: { start: p.start, end: p.end },
    source: 'nn',
  }));
  anchored.set(uri, anchorDiagnostics(diagnostics, document.getText()));
  context.publish(uri);
}

export const trainingFeature: Feature = {
  capabilities: {},
  register(context: ServerContext) {
    context.documents.onDidClose((event) => anchored.delete(event.document.uri));

    // Runs started by the extension host report their findings here; findings of a run whose document has
    // changed since it started are dropped, as their layer indices may point elsewhere now.
    context.connection.onNotification(TrainingFindingsNotification.type, (params: TrainingFindingsParams) => {
      const document = context.documents.get(params.uri);
      if (!document || (params.version !== undefined && params.version !== document.version)) return;
      const analysis = context.analysisOf(params.uri);
      const train = analysis?.semantic.trains.find((t) => t.modelName === params.model);
      if (!train?.model || !Array.isArray(params.findings)) return;
      anchored.set(params.uri, anchorFindings(params.findings, train.model, train, document.getText()));
      context.publish(params.uri);
    });
  },
};
