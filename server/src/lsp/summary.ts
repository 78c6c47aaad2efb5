/** The `nn/summary` request: Markdown summaries of a document's models (for the Summary command and lens). */
import { summaryMarkdown } from '../features/summary';
import { pickModels } from '../model/pick';
import { SummaryRequest, type SummaryParams, type SummaryResult } from '../protocol';
import type { Feature } from './context';

export const summaryFeature: Feature = {
  capabilities: {},
  register(context) {
    context.connection.onRequest(SummaryRequest.type, (params: SummaryParams): SummaryResult => {
      const analysis = context.analysisOf(params.uri);
      if (!analysis) return { markdown: '', models: [] };
      const models = pickModels(analysis.semantic.models, params.model, 'this file');
      if (typeof models === 'string') return { markdown: models, models: [] };
      return {
        markdown: models.map((m) => `## model ${m.name}\n\n${summaryMarkdown(m, { heading: false })}`).join('\n\n'),
        models: models.map((m) => m.name),
      };
    });
  },
};
