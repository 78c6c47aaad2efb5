/** A readable, stable dump of a parse tree and its errors, for golden files. */
import type { SourceFile } from '../../server/src/syntax/ast';

export function dumpTree(file: SourceFile, text: string): string {
  const out: string[] = [];
  const visit = (label: string, node: unknown, depth: number): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(`${label}[${i}]`, child, depth));
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const bare = typeof record.start === 'number' && typeof record.end === 'number';
    const span = (bare ? record : record.span) as { start: number; end: number } | undefined;
    const head = [label];
    if (typeof record.kind === 'string') head.push(record.kind);
    if (span) head.push(`@${span.start}..${span.end}`, JSON.stringify(text.slice(span.start, span.end).slice(0, 40)));
    if (record.value !== undefined && typeof record.value !== 'object') head.push(`= ${JSON.stringify(record.value)}`);
    out.push('  '.repeat(depth) + head.join(' '));
    for (const [key, value] of Object.entries(record)) {
      if (key === 'span' || key === 'kind' || key === 'text') continue;
      if (value && typeof value === 'object') visit(key, value, depth + 1);
    }
  };
  file.declarations.forEach((decl, i) => visit(`declarations[${i}]`, decl, 0));
  for (const c of file.comments) out.push(`comment @${c.span.start}..${c.span.end} ${JSON.stringify(c.text)}`);
  for (const e of file.errors) out.push(`error @${e.span.start}..${e.span.end} ${e.message}`);
  return out.join('\n') + '\n';
}
