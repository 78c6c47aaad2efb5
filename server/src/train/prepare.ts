/**
 * Host side: turns a `train` block into what a worker run needs (network spec, settings, data with any csv
 * text read from disk), or into diagnostics that say why it cannot run: an untrainable model, a csv path
 * outside the workspace or missing, unreadable csv content (`data-path`), data that does not fit the model
 * (`data-task`, the static check's own wording). Used by the CLI and the language server.
 */
import { dataTaskProblems } from '../checks/rules/dataTask';
import type { Diagnostic } from '../diagnostic';
import type { TrainInfo } from '../model/types';
import { csvDatasetFacts } from './data/csvFacts';
import { loadDataset } from './data/load';
import { DataError } from './data/types';
import { datasetRequestFromTrain, settingsFromTrain, specFromModel } from './fromModel';
import { withCsvText } from './hostData';
import type { DatasetRequest, NetworkSpec, TrainSettings } from './spec';

export type PreparedRun =
  | { ok: true; spec: NetworkSpec; settings: TrainSettings; data: DatasetRequest }
  | { ok: false; message: string; diagnostics: Diagnostic[] };

function refuse(message: string, diagnostics: Diagnostic[] = []): PreparedRun {
  return { ok: false, message, diagnostics };
}

export function prepareRun(
  train: TrainInfo, documentPath: string, workspaceRoots: readonly string[], overrides: Partial<TrainSettings> = {},
): PreparedRun {
  const model = train.model;
  if (!model) return refuse(`no model named '${train.modelName}'`);
  const request = datasetRequestFromTrain(train);
  if (!request) return refuse(`the train block for '${train.modelName}' has no data line`);
  let spec: NetworkSpec;
  try {
    spec = specFromModel(model);
  } catch (error) {
    return refuse(`model '${model.name}' cannot be trained: ${(error as Error).message}`);
  }
  const settings = settingsFromTrain(train, overrides);
  if (request.name !== 'csv') return { ok: true, spec, settings, data: request };

  const dataSpan = train.data?.pathSpan ?? train.data?.span ?? train.modelNameSpan;
  const dataProblem = (message: string): PreparedRun =>
    refuse(message, [{ code: 'data-path', severity: 'error', span: dataSpan, message, source: 'nn' }]);
  let data: DatasetRequest;
  try {
    data = withCsvText(request, documentPath, workspaceRoots);
    const facts = csvDatasetFacts(loadDataset(data, settings.seed));
    const problems = dataTaskProblems(train, facts);
    if (problems.length > 0) return refuse(problems.map((p) => p.message).join('; '), problems);
  } catch (error) {
    if (error instanceof DataError) return dataProblem(error.message);
    throw error;
  }
  return { ok: true, spec, settings, data };
}
