/** Code lenses above each model: train it, compare activations on it, show its summary, export it. */
import type { Analysis } from '../analysis';
import type { Span } from '../syntax/span';

/** The commands the lenses run; each receives the document URI and the model name. */
export type LensCommand = 'nn.train' | 'nn.compareActivations' | 'nn.showSummary' | 'nn.export';

export interface LensInfo {
  /** The model's header (the lens shows on the line above). */
  span: Span;
  title: string;
  command: LensCommand;
  model: string;
}

const LENSES: readonly { title: string; command: LensCommand }[] = [
  { title: '▶ Train', command: 'nn.train' },
  { title: 'Compare activations', command: 'nn.compareActivations' },
  { title: 'Summary', command: 'nn.showSummary' },
  { title: 'Export…', command: 'nn.export' },
];

export function codeLenses(analysis: Analysis): LensInfo[] {
  const lenses: LensInfo[] = [];
  for (const decl of analysis.file.declarations) {
    if (decl.kind !== 'model' || !decl.name) continue;
    const span = { start: decl.keyword.span.start, end: decl.name.span.end };
    for (const lens of LENSES) lenses.push({ span, title: lens.title, command: lens.command, model: decl.name.text });
  }
  return lenses;
}
