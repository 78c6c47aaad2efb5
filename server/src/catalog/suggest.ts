/** "Did you mean" suggestions for misspelt names. */

/** The optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  // Three rolling rows: two back (for swaps), previous, current.
  let before = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      cur[j] = d;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[m];
}

/** Largest distance a suggestion may have. */
const MAX_DISTANCE = 2;

/**
 * The candidate closest to `word`, ignoring case, when it is at most 2 edits away and the distance is smaller
 * than the word's length (so very short words do not match everything). Ties go to the earlier candidate.
 * A word equal to a candidate except for case suggests that candidate.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    if (Math.abs(c.length - w.length) > MAX_DISTANCE) continue;
    const d = editDistance(w, c);
    if (d < bestDistance && d <= MAX_DISTANCE && d < w.length) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
