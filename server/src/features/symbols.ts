/** Document symbols for the Outline and breadcrumbs: models with their layers, train blocks with their settings. */
import type { Analysis } from '../analysis';
import type { LayerInfo, ModelInfo } from '../model/types';
import type { ModelDecl, TrainDecl } from '../syntax/ast';
import type { Span } from '../syntax/span';
import { formatNumber } from './markdown';
import { activationText } from './summary';

export type SymbolKindName = 'model' | 'layer' | 'train' | 'setting';

export interface DocumentSymbolInfo {
  name: string;
  detail: string;
  kind: SymbolKindName;
  /** The whole construct. */
  span: Span;
  /** The name (or keyword) to reveal and highlight. */
  selectionSpan: Span;
  children: DocumentSymbolInfo[];
}

function layerDetail(layer: LayerInfo): string {
  switch (layer.kind) {
    case 'dense': {
      const params = Number.isFinite(layer.params) ? ` · ${formatNumber(layer.params)} params` : '';
      return `dense ${formatNumber(layer.units)} ${activationText(layer.ownActivation)}${params}`;
    }
    case 'dropout':
      return `dropout ${layer.rate}`;
    case 'activation':
      return `activation ${layer.activation ? activationText(layer.activation) : '?'}`;
  }
}

function layerSymbol(layer: LayerInfo): DocumentSymbolInfo {
  const node = layer.node;
  return {
    name: layer.name,
    detail: layerDetail(layer),
    kind: 'layer',
    span: node.span,
    selectionSpan: node.label?.span ?? node.keyword.span,
    children: [],
  };
}

function modelSymbol(decl: ModelDecl, model: ModelInfo | undefined): DocumentSymbolInfo {
  const parts: string[] = [];
  if (model?.task) parts.push(model.task.kind);
  if (model && Number.isFinite(model.totalParams)) parts.push(`${formatNumber(model.totalParams)} params`);
  return {
    name: decl.name?.text ?? '(unnamed model)',
    detail: parts.join(' · '),
    kind: 'model',
    span: decl.span,
    selectionSpan: decl.name?.span ?? decl.keyword.span,
    children: (model?.layers ?? []).map(layerSymbol),
  };
}

function trainSymbol(decl: TrainDecl): DocumentSymbolInfo {
  const children = decl.body.map((stmt): DocumentSymbolInfo => {
    const value =
      stmt.kind === 'data'
        ? stmt.call?.name.text
        : stmt.kind === 'features'
          ? stmt.names.map((n) => n.text).join(', ')
          : stmt.value?.text;
    return {
      name: stmt.keyword.text,
      detail: value ?? '',
      kind: 'setting',
      span: stmt.span,
      selectionSpan: stmt.keyword.span,
      children: [],
    };
  });
  const name = decl.name?.text ?? '';
  return {
    name: `train ${name}`.trim(),
    detail: '',
    kind: 'train',
    span: decl.span,
    selectionSpan: decl.name?.span ?? decl.keyword.span,
    children,
  };
}

export function documentSymbols(analysis: Analysis): DocumentSymbolInfo[] {
  // One lookup table, not a search of every model per declaration: that made large files quadratic.
  const models = new Map<ModelDecl, ModelInfo>();
  for (const model of analysis.semantic.models) models.set(model.decl, model);
  return analysis.file.declarations.map((decl) =>
    decl.kind === 'model' ? modelSymbol(decl, models.get(decl)) : trainSymbol(decl),
  );
}
