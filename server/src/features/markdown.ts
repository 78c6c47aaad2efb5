/** Small helpers for the Markdown that hovers, completion docs and summaries are written in. */

/** Escapes text so that Markdown shows it as written (no emphasis, links, tables or HTML). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|<>~]/g, (c) => `\\${c}`)
    .replace(/^[#+\-=]/, (c) => `\\${c}`)
    .replace(/^(\d+)\./, '$1\\.');
}

/** An inline code span; picks a fence longer than any run of backticks inside. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A Markdown table; cells are written as given (escape them first when they hold user text). */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('left' | 'right' | 'center')[],
): string {
  const cell = (text: string) => text.replace(/(?<!\\)\|/g, '\\|').replace(/\r?\n/g, ' ');
  const rule = header.map((_, i) => {
    const a = align?.[i] ?? 'left';
    return a === 'right' ? '---:' : a === 'center' ? ':---:' : '---';
  });
  return [header, rule, ...rows].map((row, i) => `| ${(i === 1 ? row : row.map(cell)).join(' | ')} |`).join('\n');
}

/** A number for people: whole numbers with thousands separators, others with up to 6 significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '?' : value > 0 ? '∞' : '−∞';
  if (Number.isInteger(value)) return value.toLocaleString('en-US').replace('-', '−');
  return String(Number(value.toPrecision(6))).replace('-', '−');
}

/** A parameter value as it would be written in a `.nn` file. */
export function formatValue(value: number | string): string {
  return typeof value === 'number' ? String(value) : value;
}

/** A horizontal rule between sections of a hover. */
export const RULE = '\n\n---\n\n';
