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

/**
 * Follows the document against the text the runs on screen started from, and says what the webview's banner
 * should show. It starts from what a reloaded webview saved, so the banner keeps following edits after a reload.
 */
export class StaleTracker {
  private text: string | undefined;
  private line: number | undefined;

  constructor(saved: { runText?: string; staleLine?: number } = {}) {
    this.text = saved.runText;
    this.line = saved.runText === undefined ? undefined : saved.staleLine;
  }

  /** The runs on screen now start from `text` (undefined: no runs, after a reset). */
  fresh(text: string | undefined): void {
    this.text = text;
    this.line = undefined;
  }

  /** The document's text now: the message for the webview when its banner must change, else undefined. */
  update(text: string): { type: 'stale'; line?: number } | undefined {
    if (this.text === undefined) return undefined;
    const line = firstChangedLine(this.text, text);
    if (line === this.line) return undefined;
    this.line = line;
    return line === undefined ? { type: 'stale' } : { type: 'stale', line };
  }
}
