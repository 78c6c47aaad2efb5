/** Tells whether the results on screen still match the document: the first line that differs from a run's text. */

/** The first line (1-based) where `after` differs from `before`, or undefined when the texts are equal. */
export function firstChangedLine(before: string, after: string): number | undefined {
  if (before === after) return undefined;
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // Only the line ends differ: the text means the same.
  if (i === a.length && i === b.length) return undefined;
  return Math.min(i, Math.max(a.length, b.length) - 1) + 1;
}
