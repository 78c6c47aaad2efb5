/**
 * Finds what is written where: every name, keyword and number of a file as an `Occurrence`, linked to
 * its syntax node and to the semantic model. Hover, navigation and semantic tokens all read these.
 */
import type { Analysis } from '../analysis';
import type { LayerInfo, ModelInfo, TrainInfo } from '../model/types';
import type {
  Arg,
  Call,
  Declaration,
  ModelDecl,
  ModelStmt,
  NumberValue,
  TrainDecl,
  TrainStmt,
  Value,
} from '../syntax/ast';
import type { Span } from '../syntax/span';

/** What kind of catalog entry a call names. */
export type CalleeKind = 'activation' | 'task' | 'loss' | 'optimizer' | 'regularizer' | 'dataset';

/** Where an occurrence sits: its declaration, statement and what they mean. */
export interface Place {
  decl: Declaration;
  stmt?: ModelStmt | TrainStmt;
  model?: ModelInfo;
  train?: TrainInfo;
  /** The layer of `stmt`, when it is one. */
  layer?: LayerInfo;
}

export type Occurrence = Place &
  (
    | { kind: 'keyword'; span: Span; word: string }
    | { kind: 'modelName'; span: Span }
    | { kind: 'modelRef'; span: Span }
    | { kind: 'label'; span: Span }
    | { kind: 'callee'; span: Span; callee: CalleeKind; call: Call }
    | { kind: 'initName'; span: Span; name: string }
    | { kind: 'argName'; span: Span; callee: CalleeKind; call: Call; arg: Arg }
    | { kind: 'argValue'; span: Span; callee: CalleeKind; call: Call; arg: Arg; value: Value }
    | { kind: 'number'; span: Span; value: NumberValue }
    | { kind: 'switch'; span: Span; word: string }
    | { kind: 'feature'; span: Span; name: string }
  );

export type OccurrenceKind = Occurrence['kind'];

const STATEMENT_CALLEE: Partial<Record<string, CalleeKind>> = {
  task: 'task',
  loss: 'loss',
  optimizer: 'optimizer',
  regularize: 'regularizer',
  activation: 'activation',
  data: 'dataset',
};

/** Calls `visit` for every occurrence of one declaration, in document order. */
function walkDeclaration(analysis: Analysis, decl: Declaration, visit: (occurrence: Occurrence) => void): void {
  if (decl.kind === 'model') walkModel(analysis, decl, visit);
  else walkTrain(analysis, decl, visit);
}

interface Extra {
  word?: string;
  name?: string;
  callee?: CalleeKind;
  call?: Call;
  arg?: Arg;
  value?: Value;
}
const NONE: Extra = {};

/** Builds every occurrence with the same set of fields, which keeps the walk fast (one object shape). */
function make(place: Place, kind: OccurrenceKind, span: Span, extra: Extra = NONE): Occurrence {
  return {
    decl: place.decl,
    stmt: place.stmt,
    model: place.model,
    train: place.train,
    layer: place.layer,
    kind,
    span,
    word: extra.word,
    name: extra.name,
    callee: extra.callee,
    call: extra.call,
    arg: extra.arg,
    value: extra.value,
  } as Occurrence;
}

function walkModel(analysis: Analysis, decl: ModelDecl, visit: (o: Occurrence) => void): void {
  const model = analysis.semantic.models.find((m) => m.decl === decl);
  const top: Place = { decl, stmt: undefined, model, train: undefined, layer: undefined };
  visit(make(top, 'keyword', decl.keyword.span, { word: 'model' }));
  if (decl.name) visit(make(top, 'modelName', decl.name.span));
  const layers = new Map<ModelStmt, LayerInfo>(model?.layers.map((l) => [l.node, l]));
  for (const stmt of decl.body) {
    const place: Place = { decl, stmt, model, train: undefined, layer: layers.get(stmt) };
    if ('label' in stmt && stmt.label) visit(make(place, 'label', stmt.label.span));
    visit(make(place, 'keyword', stmt.keyword.span, { word: stmt.keyword.text }));
    switch (stmt.kind) {
      case 'input':
        if (stmt.value) visit(make(place, 'number', stmt.value.span, { value: stmt.value }));
        break;
      case 'init':
        if (stmt.name) visit(make(place, 'initName', stmt.name.span, { name: stmt.name.text }));
        break;
      case 'dropout':
        if (stmt.rate) visit(make(place, 'number', stmt.rate.span, { value: stmt.rate }));
        break;
      case 'dense':
        if (stmt.units) visit(make(place, 'number', stmt.units.span, { value: stmt.units }));
        if (stmt.activation) walkCall(place, stmt.activation, 'activation', visit);
        if (stmt.init) {
          visit(make(place, 'keyword', stmt.init.keyword.span, { word: 'init' }));
          if (stmt.init.name) visit(make(place, 'initName', stmt.init.name.span, { name: stmt.init.name.text }));
        }
        break;
      default: {
        const callee = STATEMENT_CALLEE[stmt.kind];
        if (callee && stmt.call) walkCall(place, stmt.call, callee, visit);
      }
    }
  }
}

function walkTrain(analysis: Analysis, decl: TrainDecl, visit: (o: Occurrence) => void): void {
  const train = analysis.semantic.trains.find((t) => t.decl === decl);
  const top: Place = { decl, stmt: undefined, model: train?.model, train, layer: undefined };
  visit(make(top, 'keyword', decl.keyword.span, { word: 'train' }));
  if (decl.name) visit(make(top, 'modelRef', decl.name.span));
  for (const stmt of decl.body) {
    const place: Place = { decl, stmt, model: top.model, train, layer: undefined };
    visit(make(place, 'keyword', stmt.keyword.span, { word: stmt.keyword.text }));
    if (stmt.kind === 'data') {
      if (stmt.call) walkCall(place, stmt.call, 'dataset', visit);
    } else if (stmt.kind === 'normalize') {
      if (stmt.value) visit(make(place, 'switch', stmt.value.span, { word: stmt.value.text }));
    } else if (stmt.kind === 'features') {
      for (const name of stmt.names) visit(make(place, 'feature', name.span, { name: name.text }));
    } else if (stmt.value) {
      visit(make(place, 'number', stmt.value.span, { value: stmt.value }));
    }
  }
}

function walkCall(place: Place, call: Call, callee: CalleeKind, visit: (o: Occurrence) => void): void {
  visit(make(place, 'callee', call.name.span, { callee, call }));
  for (const arg of call.args) {
    if (arg.name) visit(make(place, 'argName', arg.name.span, { callee, call, arg }));
    if (arg.value) visit(make(place, 'argValue', arg.value.span, { callee, call, arg, value: arg.value }));
  }
}

/** Every occurrence in the file, in document order. */
export function occurrencesOf(analysis: Analysis): Occurrence[] {
  const all: Occurrence[] = [];
  for (const decl of analysis.file.declarations) walkDeclaration(analysis, decl, (o) => all.push(o));
  return all;
}

/** The declaration whose text (from its keyword to its last token) holds `offset`, ends included. */
export function declarationAt(analysis: Analysis, offset: number): Declaration | undefined {
  const decls = analysis.file.declarations;
  let low = 0,
    high = decls.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = decls[mid].span;
    if (offset < span.start) high = mid - 1;
    else if (offset > span.end) low = mid + 1;
    else return decls[mid];
  }
  return undefined;
}

/**
 * The occurrence under `offset`: one whose span holds the character at `offset`, or else one that ends
 * exactly at `offset` (a cursor just after a word).
 */
export function occurrenceAt(analysis: Analysis, offset: number): Occurrence | undefined {
  const decl = declarationAt(analysis, offset);
  if (!decl) return undefined;
  let inside: Occurrence | undefined;
  let touching: Occurrence | undefined;
  walkDeclaration(analysis, decl, (o) => {
    if (inside) return;
    if (o.span.start <= offset && offset < o.span.end) inside = o;
    else if (o.span.end === offset && o.span.start < offset) touching = o;
  });
  return inside ?? touching;
}
