/** Builds the semantic model of a parsed file. */
import type { Diagnostic } from '../diagnostic';
import type { SourceFile } from '../syntax/ast';
import { analyzeModel } from './analyzeModel';
import { analyzeTrain } from './analyzeTrain';
import type { RealPath } from './dataPath';
import type { ModelInfo, SemanticModel } from './types';

export interface SemanticOptions {
  /** Absolute path of the document (for resolving `csv("…")` paths). */
  documentPath?: string;
  workspaceRoots?: readonly string[];
  /** How the host resolves symbolic links, so a data path is judged by where it really leads. */
  realPath?: RealPath;
}

export function analyzeSemantics(
  file: SourceFile,
  options: SemanticOptions = {},
): { semantic: SemanticModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const models: ModelInfo[] = [];
  const byName = new Map<string, ModelInfo>();
  for (const decl of file.declarations) {
    if (decl.kind !== 'model') continue;
    const model = analyzeModel(decl, diagnostics);
    models.push(model);
    if (!decl.name) continue;
    const earlier = byName.get(model.name);
    if (earlier) {
      diagnostics.push({
        code: 'duplicate-name',
        severity: 'error',
        span: model.nameSpan,
        message: `a model named '${model.name}' already exists in this file — model names must be unique`,
        related: [{ span: earlier.nameSpan, message: 'first defined here' }],
      });
    } else {
      byName.set(model.name, model);
    }
  }
  // Each path is resolved once per analysis, however many data lines name it.
  const realPath = options.realPath && remembered(options.realPath);
  const context = {
    models: byName,
    documentPath: options.documentPath,
    workspaceRoots: options.workspaceRoots,
    realPath,
  };
  const trains = file.declarations
    .filter((decl) => decl.kind === 'train')
    .map((decl) => analyzeTrain(decl, context, diagnostics));
  return { semantic: { models, trains }, diagnostics };
}

/** `realPath`, answering each path from memory after the first time. */
function remembered(realPath: RealPath): RealPath {
  const known = new Map<string, string>();
  return (path) => {
    let real = known.get(path);
    if (real === undefined) known.set(path, (real = realPath(path)));
    return real;
  };
}
