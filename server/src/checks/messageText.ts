/** Number formatting for messages: short, readable, never in exponent form for the values checks quote. */

/** Two significant digits for small values, up to three decimals otherwise: 0.0039, 0.074, 0.25, 1. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1) return String(Number(value.toFixed(3)));
  return String(Number(value.toPrecision(2)));
}

/** `0.25^4`, or `0.25^2 × 1^2` for mixed factors; each factor rounded. */
export function formatPowers(factors: number[]): string {
  const counts = new Map<string, number>();
  for (const f of factors) {
    const key = formatNumber(f);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([base, n]) => (n === 1 ? base : `${base}^${n}`)).join(' × ');
}

/** `a, b and c`. */
export function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
