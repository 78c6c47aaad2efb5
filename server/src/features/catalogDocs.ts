/**
 * Markdown documentation of catalog entries (tasks, losses, optimizers, inits, datasets, regularizers),
 * keywords and parameters. Hover and completion both show these; the facts come from the catalog.
 */
import {
  findActivation,
  findDataset,
  findFeature,
  findInit,
  findLoss,
  findOptimizer,
  findRegularizer,
  findTask,
  MODEL_KEYWORDS,
  TOP_LEVEL_KEYWORDS,
  TRAIN_KEYWORDS,
  type KeywordDoc,
  type ParamDef,
  type ParamValue,
} from '../catalog';
import type { Arg } from '../syntax/ast';
import type { CalleeKind } from './locate';
import { code, escapeMarkdown, formatValue } from './markdown';

/** The parameter list of a catalog entry as written in a file: `adam(lr: 0.001, beta1: 0.9, beta2: 0.999)`. */
export function signatureText(name: string, params: readonly ParamDef[]): string {
  if (params.length === 0) return name;
  return `${name}(${params.map(paramLabel).join(', ')})`;
}

/** `lr: 0.001`, `classes: K` (required), `approximate: none | tanh`. */
export function paramLabel(def: ParamDef): string {
  if (def.default !== undefined) return `${def.name}: ${formatValue(def.default)}`;
  if (def.type === 'enum' && def.values) return `${def.name}: ${def.values.join(' | ')}`;
  if (def.type === 'string') return `${def.name}: "…"`;
  return `${def.name}: ${def.required ? '…' : '(optional)'}`;
}

/** What kind of value a parameter takes, in words. */
export function paramType(def: ParamDef): string {
  switch (def.type) {
    case 'int':
      return 'whole number';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'enum':
      return `one of ${(def.values ?? []).join(', ')}`;
  }
}

/** `default 0.01`, `required`, or `optional` for a parameter. */
export function defaultText(def: ParamDef): string {
  if (def.default !== undefined) return `default ${formatValue(def.default)}`;
  return def.required ? 'required' : 'optional';
}

/**
 * The values written in a call, by parameter name (positional arguments map to the parameters in order),
 * as written in the source.
 */
export function writtenArgs(args: readonly Arg[], defs: readonly ParamDef[]): Map<string, string> {
  const written = new Map<string, string>();
  args.forEach((arg, index) => {
    const name = arg.name?.text ?? defs[index]?.name;
    if (name && arg.value) written.set(name, arg.value.text);
  });
  return written;
}

/**
 * A bullet list of parameters with defaults and docs. With `inEffect`, each line starts with the value in
 * effect here and says whether it is the default: `alpha = 0.1` (default 0.01).
 */
export function paramsMarkdown(defs: readonly ParamDef[], inEffect?: ReadonlyMap<string, ParamValue | string>): string {
  if (defs.length === 0) return '';
  const lines = defs.map((def) => {
    const value = inEffect?.get(def.name);
    if (inEffect) {
      let head: string;
      if (value !== undefined) {
        const note =
          def.default === undefined
            ? 'set here'
            : sameValue(value, def.default)
              ? 'same as the default'
              : `default ${formatValue(def.default)}`;
        head = `${code(`${def.name} = ${formatValue(value)}`)} (${note})`;
      } else if (def.default !== undefined) {
        head = `${code(`${def.name} = ${formatValue(def.default)}`)} (default)`;
      } else {
        head = `${code(def.name)} (${def.required ? 'required, missing' : 'optional, not set'})`;
      }
      return `- ${head} — ${escapeMarkdown(def.doc)}`;
    }
    return `- ${code(def.name)} (${paramType(def)}, ${defaultText(def)}) — ${escapeMarkdown(def.doc)}`;
  });
  return `${inEffect ? '**Parameters here:**' : '**Parameters:**'}\n\n${lines.join('\n')}`;
}

function sameValue(a: ParamValue | string, b: ParamValue): boolean {
  return typeof b === 'number' ? Number(a) === b : String(a) === b || String(a) === `"${b}"`;
}

function paramsInEffect(defs: readonly ParamDef[], args?: readonly Arg[]): Map<string, string> | undefined {
  return args ? writtenArgs(args, defs) : undefined;
}

function joinSections(...sections: (string | undefined | false)[]): string {
  return sections.filter((s): s is string => !!s).join('\n\n');
}

/** Hover/completion doc of a task kind. */
function taskMarkdown(name: string, args?: readonly Arg[]): string | undefined {
  const def = findTask(name);
  if (!def) return undefined;
  return joinSections(
    `**${def.name}** — task · ${code(signatureText(def.name, def.params))}`,
    escapeMarkdown(def.doc),
    `**Output layer:** ${escapeMarkdown(def.expectedOutput)}  \n**Default loss:** ${code(def.defaultLoss)}`,
    paramsMarkdown(def.params, paramsInEffect(def.params, args)),
  );
}

function lossMarkdown(name: string, args?: readonly Arg[]): string | undefined {
  const def = findLoss(name);
  if (!def) return undefined;
  const aliases = def.aliases.length ? ` · also written ${def.aliases.map(code).join(', ')}` : '';
  return joinSections(
    `**${def.name}** — loss${aliases}`,
    escapeMarkdown(def.doc),
    code(def.formula),
    def.crossEntropy
      ? 'Computed from the output layer’s pre-activation values (logits), which keeps it numerically stable.'
      : undefined,
    paramsMarkdown(def.params, paramsInEffect(def.params, args)),
  );
}

function optimizerMarkdown(name: string, args?: readonly Arg[]): string | undefined {
  const def = findOptimizer(name);
  if (!def) return undefined;
  return joinSections(
    `**${def.name}** — optimizer · ${code(signatureText(def.name, def.params))}`,
    escapeMarkdown(def.doc),
    paramsMarkdown(def.params, paramsInEffect(def.params, args)),
    `A ${code('lr')} line in a ${code('train')} block overrides the learning rate for that run.`,
  );
}

export function initMarkdown(name: string): string | undefined {
  const def = findInit(name);
  if (!def) return undefined;
  const aliases = def.aliases.length ? ` · also written ${def.aliases.map(code).join(', ')}` : '';
  return joinSections(
    `**${def.name}** — weight init${aliases}`,
    escapeMarkdown(def.doc),
    code(def.formula),
    def.refused ? `**Refused:** ${escapeMarkdown(def.refused)}` : 'Biases start at 0.',
  );
}

function datasetMarkdown(name: string, args?: readonly Arg[]): string | undefined {
  const def = findDataset(name);
  if (!def) return undefined;
  const facts: string[] = [];
  const kind = { toy: '2-D toy set, generated', bundled: 'bundled real data', csv: 'your own CSV file' }[def.kind];
  facts.push(`**Kind:** ${kind}`);
  if (def.features !== undefined) facts.push(`**Features:** ${def.features}`);
  if (def.task) facts.push(`**Task:** ${code(def.task)}`);
  return joinSections(
    `**${def.name}** — dataset · ${code(signatureText(def.name, def.params))}`,
    escapeMarkdown(def.doc),
    facts.join('  \n'),
    paramsMarkdown(def.params, paramsInEffect(def.params, args)),
  );
}

function regularizerMarkdown(name: string, args?: readonly Arg[]): string | undefined {
  const def = findRegularizer(name);
  if (!def) return undefined;
  return joinSections(
    `**${def.name}** — weight penalty · ${code(signatureText(def.name, def.params))}`,
    escapeMarkdown(def.doc),
    paramsMarkdown(def.params, paramsInEffect(def.params, args)),
  );
}

/** The parameters a callee of this kind and name takes. */
export function calleeParams(kind: CalleeKind, name: string): readonly ParamDef[] | undefined {
  switch (kind) {
    case 'activation':
      return findActivation(name)?.params;
    case 'task':
      return findTask(name)?.params;
    case 'loss':
      return findLoss(name)?.params;
    case 'optimizer':
      return findOptimizer(name)?.params;
    case 'regularizer':
      return findRegularizer(name)?.params;
    case 'dataset':
      return findDataset(name)?.params;
  }
}

/** Docs of a non-activation callee by kind. */
export function calleeMarkdown(
  kind: Exclude<CalleeKind, 'activation'>,
  name: string,
  args?: readonly Arg[],
): string | undefined {
  switch (kind) {
    case 'task':
      return taskMarkdown(name, args);
    case 'loss':
      return lossMarkdown(name, args);
    case 'optimizer':
      return optimizerMarkdown(name, args);
    case 'regularizer':
      return regularizerMarkdown(name, args);
    case 'dataset':
      return datasetMarkdown(name, args);
  }
}

/** Where a keyword can be written. */
export type KeywordBlock = 'top' | 'model' | 'train' | 'layer';

/** The documentation of a keyword as used in a block (`init` means one thing in a model, another after a layer). */
export function keywordDoc(word: string, block: KeywordBlock): KeywordDoc | undefined {
  if (block === 'layer' && word === 'init') {
    return {
      keyword: 'init',
      syntax: 'dense UNITS [ACTIVATION] init NAME',
      doc: 'The weight init of this layer alone, instead of the model’s.',
    };
  }
  const list = block === 'top' ? TOP_LEVEL_KEYWORDS : block === 'train' ? TRAIN_KEYWORDS : MODEL_KEYWORDS;
  return list.find((k) => k.keyword === word);
}

export function keywordMarkdown(doc: KeywordDoc): string {
  return joinSections(`**${doc.keyword}** — keyword · ${code(doc.syntax)}`, escapeMarkdown(doc.doc));
}

/** The values of `normalize`. */
export const SWITCH_DOCS: Readonly<Record<string, string>> = {
  on: 'Standardise each feature to mean 0 and standard deviation 1, measured on the training split (the default).',
  off: 'Feed the features to the network exactly as they are in the data.',
};

export function switchMarkdown(word: string): string | undefined {
  const doc = SWITCH_DOCS[word];
  return doc ? joinSections(`**normalize ${word}**`, escapeMarkdown(doc)) : undefined;
}

/** The documentation of an input feature of `features`: its formula and what it lets the network see. */
export function featureMarkdown(name: string): string | undefined {
  const def = findFeature(name);
  if (!def) return undefined;
  return joinSections(
    `**${def.name}** — input feature · ${code(def.formula)}`,
    escapeMarkdown(def.doc),
    'Computed from the raw point (x1, x2), then standardized with the other inputs when `normalize` is on.',
  );
}
