/**
 * The teaching text of an activation: formulas, range, properties, what it is good for, its pitfalls,
 * the matching init, the parameters in effect and a plot. Hover shows it in place; completion shows it
 * (with default parameters) for each suggested name.
 */
import { findInit, propertiesFor, type ActivationDef, type ParamValues } from '../catalog';
import type { ActivationUse, DenseInfo } from '../model/types';
import { paramsMarkdown } from './catalogDocs';
import { code, escapeMarkdown, table } from './markdown';
import { activationPlotMarkdown, plotFunctions } from './plot';

export interface ActivationDocOptions {
  /** The activation as used here, with its parameter values. */
  use?: ActivationUse;
  /** The dense layer the activation belongs to, for the init in effect. */
  layer?: DenseInfo;
  /** Include the inline SVG plot (default true). */
  plot?: boolean;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The f(x) line as a code span; the derivative gets an `f′(x):` prefix when the catalog text has none. */
function formulaLines(def: ActivationDef): string {
  const derivative = /^(f′|∂)/.test(def.derivative) ? def.derivative : `f′(x): ${def.derivative}`;
  return `${code(def.formula)}  \n${code(derivative)}  \n**Range:** ${code(def.range)}`;
}

/** The property table: zero-centered, saturating, can die, monotonic, smooth. */
function propertiesTable(def: ActivationDef, params: ParamValues): string {
  const p = propertiesFor(def, params);
  return table(
    ['zero-centered', 'saturating', 'can die', 'monotonic', 'smooth'],
    [[yesNo(p.zeroCentered), yesNo(p.saturating), yesNo(p.canDie), yesNo(p.monotonic), yesNo(p.smooth)]],
    ['center', 'center', 'center', 'center', 'center'],
  );
}

/** Special roles worth a line of their own. */
function roleNotes(def: ActivationDef): string[] {
  const notes: string[] = [];
  if (def.properties.outputOnly) notes.push('Use it only on an output layer.');
  if (def.properties.notTrainable)
    notes.push('Its gradient is 0 wherever it is defined, so gradient descent cannot train through it.');
  if (def.properties.selfNormalizing)
    notes.push(
      'Self-normalizing when paired with LeCun normal init, standardized inputs, and no dropout (or alpha-dropout).',
    );
  return notes;
}

function initLine(def: ActivationDef, layer?: DenseInfo): string {
  const matching = findInit(def.matchingInit);
  let line = `**Matching init:** ${code(def.matchingInit)}${matching ? ` — ${escapeMarkdown(matching.doc)}` : ''}`;
  if (layer) {
    const how = layer.init.explicit
      ? 'set on this layer'
      : layer.init.name === def.matchingInit
        ? 'chosen automatically'
        : 'from the model’s init line';
    line += `  \n**Init in effect here:** ${code(layer.init.name)} (${how})`;
  }
  return line;
}

/** The full Markdown doc of an activation. */
export function activationMarkdown(def: ActivationDef, options: ActivationDocOptions = {}): string {
  const use = options.use;
  const params: ParamValues = use?.params ?? {};
  const aliasNote = def.aliases.length ? ` · also written ${def.aliases.map(code).join(', ')}` : '';
  const written = use && use.written !== def.name ? `  \nWritten here as ${code(use.written)}.` : '';
  // Formulas and plot first: together they fit in a hover without scrolling.
  const sections: string[] = [`**${def.name}** — activation${aliasNote}${written}`, formulaLines(def)];
  if (options.plot !== false) {
    sections.push(activationPlotMarkdown(def, params));
    const caption = plotFunctions(def, params).caption;
    if (caption) sections.push(`*${escapeMarkdown(caption)}*`);
  }
  sections.push(escapeMarkdown(def.summary));
  if (def.params.length > 0) {
    const explicit = use ? new Map(Object.entries(use.explicit)) : undefined;
    sections.push(paramsMarkdown(def.params, explicit));
  }
  sections.push(
    propertiesTable(def, params),
    ...roleNotes(def).map(escapeMarkdown),
    `**Good for:** ${escapeMarkdown(def.goodFor)}`,
    `**Pitfalls:** ${escapeMarkdown(def.pitfalls)}`,
    initLine(def, options.layer),
  );
  if (def.reference) sections.push(`*Source: ${escapeMarkdown(def.reference)}*`);
  return sections.join('\n\n');
}

/** One line for completion details: the formula. */
export function activationDetail(def: ActivationDef): string {
  return def.formula;
}
