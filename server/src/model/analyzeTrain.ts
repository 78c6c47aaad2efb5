/** Resolves one `train` block into a TrainInfo (language.md §4 Training). */
import {
  DATASETS,
  didYouMean,
  FEATURES,
  findDataset,
  isFeatureName,
  TRAIN_DEFAULTS,
  type FeatureName,
} from '../catalog';
import type { Diagnostic } from '../diagnostic';
import type { Call, Ident, TrainDecl } from '../syntax/ast';
import { checkArgs } from './args';
import { dataPathProblem, type RealPath } from './dataPath';
import { unknownName } from './analyzeModel';
import { checkNumber, SingletonTracker, type NumberRule } from './statements';
import type { DataInfo, ModelInfo, TrainInfo } from './types';

export interface TrainContext {
  models: ReadonlyMap<string, ModelInfo>;
  documentPath?: string;
  workspaceRoots?: readonly string[];
  realPath?: RealPath;
}

const RULES: Record<'epochs' | 'batch' | 'validation' | 'seed' | 'lr', NumberRule> = {
  epochs: { what: 'epochs', integer: true, min: 1 },
  batch: { what: 'the batch size', integer: true, min: 1 },
  validation: { what: 'the validation fraction', min: 0, below: 1 },
  seed: { what: 'the seed', integer: true, min: 0 },
  lr: { what: 'the learning rate', above: 0 },
};

export function analyzeTrain(decl: TrainDecl, context: TrainContext, diagnostics: Diagnostic[]): TrainInfo {
  const modelName = decl.name?.text ?? '';
  const info: TrainInfo = {
    decl,
    modelName,
    modelNameSpan: decl.name?.span ?? decl.keyword.span,
    ...TRAIN_DEFAULTS,
    spans: {},
  };
  if (decl.name) {
    info.model = context.models.get(modelName);
    if (!info.model) {
      const suggestion = didYouMean(modelName, [...context.models.keys()]);
      diagnostics.push({
        code: 'unknown-model',
        severity: 'error',
        span: decl.name.span,
        message: `no model named '${modelName}' in this file` + (suggestion ? ` — did you mean '${suggestion}'?` : ''),
        data: suggestion ? { suggestion } : undefined,
      });
    }
  }
  const singletons = new SingletonTracker(`this train block`, diagnostics);
  for (const stmt of decl.body) {
    if (!singletons.accept(stmt.keyword.text, stmt.span)) continue;
    info.spans[stmt.kind] = stmt.span;
    switch (stmt.kind) {
      case 'data':
        if (stmt.call) info.data = resolveData(stmt.call, context, diagnostics);
        break;
      case 'normalize':
        if (stmt.value && stmt.value.text !== 'on' && stmt.value.text !== 'off') {
          diagnostics.push({
            code: 'invalid-value',
            severity: 'error',
            span: stmt.value.span,
            message: `normalize takes 'on' or 'off', found '${stmt.value.text}'`,
          });
        } else if (stmt.value) {
          info.normalize = stmt.value.text === 'on';
        }
        break;
      case 'features':
        info.features = resolveFeatures(stmt.names, diagnostics);
        break;
      default: {
        const value = checkNumber(stmt.value, RULES[stmt.kind], diagnostics);
        if (value !== undefined) info[stmt.kind] = value;
      }
    }
  }
  if (info.spans.features && info.data && findDataset(info.data.name)?.kind !== 'toy') {
    diagnostics.push({
      code: 'features-data',
      severity: 'error',
      span: info.spans.features,
      message: `'features' applies to the 2-D toy sets only (${toyNames()}), not to '${info.data.name}', whose columns are its features — remove this line`,
      related: [{ span: info.data.span, message: 'the data' }],
    });
    info.features = undefined;
  }
  if (!info.spans.data) {
    diagnostics.push({
      code: 'missing-data',
      severity: 'error',
      span: info.modelNameSpan,
      message:
        "this train block has no 'data' line — add one, e.g. 'data spiral' or 'data csv(\"file.csv\", target: \"label\")'",
    });
  }
  return info;
}

function resolveData(call: Call, context: TrainContext, diagnostics: Diagnostic[]): DataInfo | undefined {
  const def = findDataset(call.name.text);
  if (!def) {
    diagnostics.push(
      unknownName(
        'dataset',
        call.name,
        DATASETS.map((d) => d.name),
      ),
    );
    return undefined;
  }
  const { params, spans } = checkArgs(call, def.params, def.name, diagnostics);
  const data: DataInfo = { name: def.name, params, span: call.span };
  if (def.kind === 'csv') {
    data.path = typeof params.path === 'string' ? params.path : undefined;
    data.pathSpan = spans.path;
    data.targets =
      typeof params.target === 'string'
        ? params.target
            .split(',')
            .map((t) => t.trim())
            .filter((t) => t.length > 0)
        : undefined;
    if (data.path !== undefined && data.pathSpan && context.documentPath) {
      const problem = dataPathProblem(context.documentPath, data.path, context.workspaceRoots ?? [], context.realPath);
      if (problem) diagnostics.push({ code: 'data-path', severity: 'error', span: data.pathSpan, message: problem });
    }
  }
  return data;
}

/** The feature names of a `features` line; undefined when one is unknown or repeated (each is reported). */
function resolveFeatures(names: readonly Ident[], diagnostics: Diagnostic[]): FeatureName[] | undefined {
  const seen = new Map<string, Ident>();
  let ok = names.length > 0;
  for (const name of names) {
    const earlier = seen.get(name.text);
    if (!isFeatureName(name.text)) {
      diagnostics.push(
        unknownName(
          'feature',
          name,
          FEATURES.map((f) => f.name),
        ),
      );
      ok = false;
    } else if (earlier) {
      diagnostics.push({
        code: 'duplicate-feature',
        severity: 'error',
        span: name.span,
        message: `feature '${name.text}' is already listed — each feature may appear once`,
        related: [{ span: earlier.span, message: `first '${name.text}' here` }],
      });
      ok = false;
    } else {
      seen.set(name.text, name);
    }
  }
  return ok ? names.map((n) => n.text as FeatureName) : undefined;
}

function toyNames(): string {
  return DATASETS.filter((d) => d.kind === 'toy')
    .map((d) => d.name)
    .join(', ');
}
