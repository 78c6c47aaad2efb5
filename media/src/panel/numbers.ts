/** Number and time formatting shared by the views and the markdown export. */

/** A compact number: 4 significant digits, exponent form for very small or large values. */
export function formatNumber(value: number | undefined): string {
  if (value === undefined) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

export function formatPercent(fraction: number | undefined): string {
  if (fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(fraction >= 0.1 || fraction === 0 ? 0 : 1)}%`;
}

/** A metric in its own unit: accuracy as a percentage, MAE as a number. */
export function formatMetric(value: number | undefined, metric: 'accuracy' | 'mae' | undefined): string {
  if (value === undefined) return '—';
  if (metric === 'accuracy') return Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : formatNumber(value);
  return formatNumber(value);
}

export function metricLabel(metric: 'accuracy' | 'mae' | undefined): string {
  return metric === 'mae' ? 'MAE' : 'accuracy';
}

/** `1:05`, `12:00`, `1:02:03` for a duration in milliseconds. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Time left, from the time the finished epochs took so far. */
export function estimateRemainingMs(elapsedMs: number, epoch: number, epochs: number): number | undefined {
  if (epoch <= 0 || epochs <= epoch || !Number.isFinite(elapsedMs)) return epoch >= epochs ? 0 : undefined;
  return (elapsedMs / epoch) * (epochs - epoch);
}
