/**
 * Context-aware completion: the statements that fit the block, activation names after `dense N ` and
 * `activation `, catalog values after their keywords, parameter names and values inside `(`, model names
 * after `train`, and a model skeleton per task. Documentation is resolved lazily from a `DocRef`.
 */
import type { Analysis } from '../analysis';
import {
  ACTIVATIONS,
  DATASETS,
  FEATURES,
  findActivation,
  INITS,
  learningRateOf,
  LOSSES,
  MODEL_KEYWORDS,
  OPTIMIZERS,
  REGULARIZERS,
  resolveParams,
  TASKS,
  TOP_LEVEL_KEYWORDS,
  TRAIN_DEFAULTS,
  TRAIN_KEYWORDS,
  type ActivationDef,
  type KeywordDoc,
  type ParamDef,
} from '../catalog';
import type { DenseInfo, ModelInfo } from '../model/types';
import type { Span } from '../syntax/span';
import { activationDetail, activationMarkdown } from './activationDoc';
import {
  calleeMarkdown,
  calleeParams,
  defaultText,
  featureMarkdown,
  initMarkdown,
  keywordDoc,
  keywordMarkdown,
  paramType,
  signatureText,
  switchMarkdown,
  SWITCH_DOCS,
  type KeywordBlock,
} from './catalogDocs';
import { cursorAt, type Cursor, type ValueList } from './cursor';
import type { CalleeKind } from './locate';
import { escapeMarkdown } from './markdown';
import { summaryMarkdown } from './summary';

export type CompletionKind =
  | 'keyword'
  | 'activation'
  | 'task'
  | 'loss'
  | 'optimizer'
  | 'init'
  | 'dataset'
  | 'regularizer'
  | 'model'
  | 'parameter'
  | 'value'
  | 'snippet';

/** What to show as documentation once an item is selected. */
export type DocRef =
  | { kind: 'keyword'; name: string; block: KeywordBlock }
  | {
      kind: 'activation' | 'task' | 'loss' | 'optimizer' | 'init' | 'dataset' | 'regularizer' | 'switch' | 'feature';
      name: string;
    }
  | { kind: 'parameter'; callee: string; calleeKind: CalleeKind; name: string }
  | { kind: 'model'; name: string }
  | { kind: 'text'; markdown: string };

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  docRef?: DocRef;
  /** Text to insert; the label when absent. */
  insertText?: string;
  /** `insertText` is a snippet with `${1:…}` placeholders. */
  snippet?: boolean;
  sortText?: string;
  filterText?: string;
  preselect?: boolean;
  /** Open completion again after inserting (the next word also comes from a list). */
  retrigger?: boolean;
}

export interface CompletionResult {
  items: CompletionEntry[];
  /** The word typed so far (replaced when inserting). */
  insert: Span;
  /** The whole word at the cursor (replaced in replace mode). */
  replace: Span;
}

export function completionsAt(analysis: Analysis, offset: number): CompletionResult {
  const cursor = cursorAt(analysis, offset);
  return { items: itemsFor(analysis, cursor), insert: cursor.insert, replace: cursor.replace };
}

function itemsFor(analysis: Analysis, cursor: Cursor): CompletionEntry[] {
  const c = cursor.context;
  if (cursor.inLiteral) return [];
  switch (c.kind) {
    case 'statement':
      return statementItems(analysis, cursor, c.afterLabel);
    case 'value': {
      const items = valueItems(analysis, cursor, c.list);
      if (c.orInit) items.push(keywordItem(keywordDoc('init', 'layer')!, 'layer', 'z'));
      return items;
    }
    case 'layerInit':
      return [keywordItem(keywordDoc('init', 'layer')!, 'layer')];
    case 'argument':
      if (c.valueWritten) return [];
      return argumentItems(c.callee, c.name, c.named, c.index, c.param);
    case 'none':
      return [];
  }
}

/* ---------- Statements ---------- */

const TAKES_LIST = new Set([
  'task',
  'loss',
  'optimizer',
  'init',
  'regularize',
  'activation',
  'data',
  'normalize',
  'train',
  'features',
]);
const SINGLETONS = new Set([
  'task',
  'input',
  'loss',
  'optimizer',
  'init',
  'regularize',
  'data',
  'epochs',
  'batch',
  'validation',
  'seed',
  'normalize',
  'lr',
  'features',
]);
const LAYER_WORDS = new Set(['dense', 'dropout', 'activation']);

function keywordItem(doc: KeywordDoc, block: KeywordBlock, sort = 'b'): CompletionEntry {
  const retrigger = TAKES_LIST.has(doc.keyword) || (block === 'layer' && doc.keyword === 'init');
  return {
    label: doc.keyword,
    kind: 'keyword',
    detail: doc.syntax,
    docRef: { kind: 'keyword', name: doc.keyword, block },
    insertText: `${doc.keyword} `,
    retrigger,
    sortText: `${sort}_${doc.keyword}`,
  };
}

function statementItems(analysis: Analysis, cursor: Cursor, afterLabel: boolean): CompletionEntry[] {
  if (cursor.block === 'top')
    return [...TOP_LEVEL_KEYWORDS.map((k) => keywordItem(k, 'top')), ...skeletonSnippets(analysis)];
  const list = cursor.block === 'model' ? MODEL_KEYWORDS : TRAIN_KEYWORDS;
  // A statement that may appear once is not offered again when the block already has it on another line.
  const present = new Set((cursor.decl?.body ?? []).filter((s) => s !== cursor.stmt).map((s) => s.keyword.text));
  return list
    .filter((k) => (afterLabel ? LAYER_WORDS.has(k.keyword) : !(SINGLETONS.has(k.keyword) && present.has(k.keyword))))
    .map((k) => keywordItem(k, cursor.block as KeywordBlock, LAYER_WORDS.has(k.keyword) ? 'a' : 'b'));
}

/** A model skeleton per task, and a train block. */
function skeletonSnippets(analysis: Analysis): CompletionEntry[] {
  const skeleton = (task: string, label: string, taskLine: string, output: string, loss: string): CompletionEntry => ({
    label: `model (${label})`,
    kind: 'snippet',
    detail: `A ${label} model skeleton`,
    filterText: `model ${task}`,
    insertText: [
      `model \${1:${task === 'binary' ? 'classifier' : task}} {`,
      `  task ${taskLine}`,
      '  input ${2:2}',
      '',
      '  dense ${3:16} relu',
      `  ${output}`,
      '',
      `  loss ${loss}`,
      '  optimizer adam(lr: ${5:0.01})',
      '}',
      '$0',
    ].join('\n'),
    snippet: true,
    sortText: `c_model_${task}`,
    docRef: {
      kind: 'text',
      markdown: `A ${escapeMarkdown(label)} model: task, input width, a hidden ReLU layer, the output layer the task needs, the loss and the optimizer.`,
    },
  });
  const models = analysis.semantic.models.map((m) => m.name).filter((n) => /^[A-Za-z_]\w*$/.test(n));
  const choice = models.length ? `\${1|${models.join(',')}|}` : '${1:model}';
  return [
    skeleton('binary', 'binary classifier', 'binary', 'dense 1 sigmoid', 'bce'),
    skeleton('multiclass', 'multiclass classifier', 'multiclass(classes: ${4:3})', 'dense ${4:3} softmax', 'cce'),
    skeleton('multilabel', 'multilabel classifier', 'multilabel(labels: ${4:3})', 'dense ${4:3} sigmoid', 'bce'),
    skeleton('regression', 'regression', 'regression', 'dense 1', 'mse'),
    {
      label: 'train (block)',
      kind: 'snippet',
      detail: 'A train block',
      filterText: 'train block',
      insertText: [
        `train ${choice} {`,
        '  data ${2:spiral}',
        `  epochs \${3:${TRAIN_DEFAULTS.epochs}}`,
        `  batch \${4:${TRAIN_DEFAULTS.batch}}`,
        `  validation ${TRAIN_DEFAULTS.validation}`,
        `  seed ${TRAIN_DEFAULTS.seed}`,
        '}',
        '$0',
      ].join('\n'),
      snippet: true,
      sortText: 'c_train',
      docRef: {
        kind: 'text',
        markdown: 'How to train a model: its data, epochs, batch size, validation split and seed.',
      },
    },
  ];
}

/* ---------- Values after a keyword ---------- */

function valueItems(analysis: Analysis, cursor: Cursor, list: ValueList): CompletionEntry[] {
  switch (list) {
    case 'activation':
      return activationItems(analysis, cursor);
    case 'task':
      return TASKS.map((t) => callItem(t.name, 'task', t.params, signatureText(t.name, t.params)));
    case 'loss':
      return LOSSES.flatMap((l) =>
        [l.name, ...l.aliases].map((name, i) => ({
          ...callItem(name, 'loss', [], i ? `= ${l.name}` : l.formula),
          sortText: `${i ? 'b' : 'a'}_${name}`,
        })),
      );
    case 'optimizer':
      return OPTIMIZERS.map((o) => ({
        ...callItem(o.name, 'optimizer', o.params, signatureText(o.name, o.params)),
        insertText: `${o.name}(lr: \${1:${learningRateOf(o.name, {})}})`,
        snippet: true,
      }));
    case 'regularizer':
      return REGULARIZERS.map((r) => ({
        ...callItem(r.name, 'regularizer', r.params, signatureText(r.name, r.params)),
        insertText: `${r.name}(\${1:${resolveParams(r.params).amount}})`,
        snippet: true,
      }));
    case 'init':
      return INITS.filter((i) => !i.refused).flatMap((i) =>
        [i.name, ...i.aliases].map((name, k) => ({
          label: name,
          kind: 'init' as const,
          detail: k ? `= ${i.name}` : i.formula,
          docRef: { kind: 'init' as const, name },
          sortText: `${k ? 'b' : 'a'}_${name}`,
        })),
      );
    case 'dataset':
      return DATASETS.map((d) => {
        const item = callItem(d.name, 'dataset', d.params, signatureText(d.name, d.params));
        return d.kind === 'csv'
          ? { ...item, insertText: 'csv("${1:data.csv}", target: "${2:label}")', snippet: true }
          : item;
      });
    case 'model':
      return analysis.semantic.models
        .filter((m) => m.name)
        .map((m) => ({
          label: m.name,
          kind: 'model' as const,
          detail: `model · ${m.totalParams} params`,
          docRef: { kind: 'model' as const, name: m.name },
        }));
    case 'switch':
      return Object.keys(SWITCH_DOCS).map((word) => ({
        label: word,
        kind: 'value' as const,
        docRef: { kind: 'switch' as const, name: word },
      }));
    case 'feature':
      return featureItems(cursor.context.kind === 'value' ? (cursor.context.taken ?? []) : []);
  }
}

/** The input features not yet in the list, in catalog order. */
function featureItems(taken: readonly string[]): CompletionEntry[] {
  return FEATURES.filter((f) => !taken.includes(f.name)).map((f, i) => ({
    label: f.name,
    kind: 'value' as const,
    detail: f.formula,
    docRef: { kind: 'feature' as const, name: f.name },
    sortText: `a_${String(i).padStart(2, '0')}`,
  }));
}

/** A catalog name; with required parameters, a snippet that asks for them. */
function callItem(
  name: string,
  kind: 'task' | 'loss' | 'optimizer' | 'regularizer' | 'dataset',
  params: readonly ParamDef[],
  detail: string,
): CompletionEntry {
  const required = params.filter((p) => p.required);
  const item: CompletionEntry = { label: name, kind, detail, docRef: { kind, name } };
  if (required.length) {
    item.insertText = `${name}(${required.map((p, i) => `${p.name}: \${${i + 1}:${p.type === 'string' ? '""' : p.type === 'int' ? 3 : 1}}`).join(', ')})`;
    item.snippet = true;
  }
  return item;
}

/** What the output layer of each task wants. */
const OUTPUT_FOR_TASK: Record<string, string> = {
  binary: 'sigmoid',
  multiclass: 'softmax',
  multilabel: 'sigmoid',
  regression: 'linear',
};
const HIDDEN_FAVOURITES = ['relu', 'leaky_relu', 'gelu', 'elu', 'swish', 'tanh'];

/** The dense layer being written on the cursor's line, and its model. */
function layerAtCursor(analysis: Analysis, cursor: Cursor): { model?: ModelInfo; layer?: DenseInfo } {
  const model = analysis.semantic.models.find((m) => m.decl === cursor.decl);
  const layer = model?.dense.find((d) => d.node === cursor.stmt);
  return { model, layer };
}

/**
 * Activation names ranked for where they are written: on the output layer the one the task wants comes
 * first; on a hidden layer the ReLU family does, and output-only or untrainable ones come last.
 */
function activationItems(analysis: Analysis, cursor: Cursor): CompletionEntry[] {
  const { model, layer } = layerAtCursor(analysis, cursor);
  const isOutput = layer ? layer.role === 'output' : false;
  const wanted = isOutput && model?.task ? OUTPUT_FOR_TASK[model.task.kind] : undefined;
  const rank = (def: ActivationDef): string => {
    if (wanted) return def.name === wanted ? '0' : '2';
    if (isOutput) return ['sigmoid', 'softmax', 'linear'].includes(def.name) ? '1' : '2';
    if (def.properties.outputOnly || def.properties.notTrainable) return '9';
    const favourite = HIDDEN_FAVOURITES.indexOf(def.name);
    return favourite >= 0 ? `1${favourite}` : '5';
  };
  const standalone = cursor.stmt?.kind === 'activation';
  return ACTIVATIONS.filter((def) => !(standalone && def.shape === 'maxout')).flatMap((def) => {
    const r = rank(def);
    const canonical: CompletionEntry = {
      label: def.name,
      kind: 'activation',
      detail: activationDetail(def),
      docRef: { kind: 'activation', name: def.name },
      sortText: `${r}_${def.name}`,
      preselect: wanted === def.name || undefined,
    };
    const aliases = def.aliases.map((alias): CompletionEntry => ({
      label: alias,
      kind: 'activation',
      detail: `= ${def.name}`,
      docRef: { kind: 'activation', name: alias },
      sortText: `${r}z_${alias}`,
    }));
    return [canonical, ...aliases];
  });
}

/* ---------- Arguments ---------- */

function argumentItems(
  kind: CalleeKind,
  callee: string,
  named: string[],
  index: number,
  param?: string,
): CompletionEntry[] {
  const defs = calleeParams(kind, callee) ?? [];
  const valuesOf = (def: ParamDef | undefined): CompletionEntry[] =>
    def?.type === 'enum'
      ? (def.values ?? []).map((v) => ({
          label: v,
          kind: 'value' as const,
          detail: `${def.name} of ${callee}`,
          sortText: `a_${v}`,
          preselect: v === def.default || undefined,
          docRef: { kind: 'parameter' as const, callee, calleeKind: kind, name: def.name },
        }))
      : [];
  if (param) return valuesOf(defs.find((d) => d.name === param));
  const used = new Set(named);
  // Positional arguments fill the parameters in order, so the ones before `index` are taken.
  if (named.length === 0) defs.slice(0, index).forEach((d) => used.add(d.name));
  const names = defs
    .filter((d) => !used.has(d.name))
    .map((d): CompletionEntry => ({
      label: d.name,
      kind: 'parameter',
      detail: `${paramType(d)}, ${defaultText(d)}`,
      insertText: `${d.name}: `,
      sortText: `b_${String(defs.indexOf(d)).padStart(2, '0')}`,
      retrigger: d.type === 'enum',
      docRef: { kind: 'parameter', callee, calleeKind: kind, name: d.name },
    }));
  return [...(named.length === 0 ? valuesOf(defs[index]) : []), ...names];
}

/* ---------- Documentation ---------- */

/** The Markdown documentation of a completion item (resolved when the item is selected). */
export function completionDocumentation(
  ref: DocRef,
  analysis?: Analysis,
  options: { images?: boolean } = {},
): string | undefined {
  switch (ref.kind) {
    case 'keyword': {
      const doc = keywordDoc(ref.name, ref.block);
      return doc ? keywordMarkdown(doc) : undefined;
    }
    case 'activation': {
      const def = findActivation(ref.name);
      return def
        ? activationMarkdown(def, { use: aliasUse(def, ref.name), plot: options.images !== false })
        : undefined;
    }
    case 'init':
      return initMarkdown(ref.name);
    case 'switch':
      return switchMarkdown(ref.name);
    case 'feature':
      return featureMarkdown(ref.name);
    case 'task':
    case 'loss':
    case 'optimizer':
    case 'dataset':
    case 'regularizer':
      return calleeMarkdown(ref.kind, ref.name);
    case 'parameter': {
      const def = calleeParams(ref.calleeKind, ref.callee)?.find((d) => d.name === ref.name);
      return def ? `**${def.name}** — ${paramType(def)}, ${defaultText(def)}\n\n${escapeMarkdown(def.doc)}` : undefined;
    }
    case 'model': {
      const model = analysis?.semantic.models.find((m) => m.name === ref.name);
      return model ? summaryMarkdown(model) : undefined;
    }
    case 'text':
      return ref.markdown;
  }
}

/** Shows an alias (`silu`) with the parameter values it stands for. */
function aliasUse(def: ActivationDef, written: string) {
  const fixed = def.aliasParams?.[written];
  if (written === def.name) return undefined;
  const params = {
    ...Object.fromEntries(def.params.filter((p) => p.default !== undefined).map((p) => [p.name, p.default!])),
    ...fixed,
  };
  return { def, written, params, explicit: fixed ?? {}, span: { start: 0, end: 0 }, nameSpan: { start: 0, end: 0 } };
}
