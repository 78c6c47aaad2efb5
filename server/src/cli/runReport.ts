/** Plain-text renderings of a run's results, for the command line. */
import type { RunFinished, TrainingFinding } from '../protocol';

export function formatMetric(name: 'accuracy' | 'mae', value: number): string {
  if (!Number.isFinite(value)) return '—';
  return name === 'accuracy' ? `${(value * 100).toFixed(1)}%` : value.toPrecision(4);
}

export function formatLoss(value: number): string {
  return Number.isFinite(value) ? value.toPrecision(4) : '—';
}

/** The final numbers as aligned lines. */
export function formatFinal(finished: RunFinished, classes: string[] = []): string[] {
  const f = finished.final;
  const label = f.metricName === 'accuracy' ? 'accuracy' : 'MAE';
  const lines = [
    finished.reason === 'completed' || !finished.detail
      ? `${finished.reason === 'completed' ? 'finished' : finished.reason} after ${finished.epochs} epoch${finished.epochs === 1 ? '' : 's'}`
      : `${finished.reason}: ${finished.detail}`,
    `  train       loss ${formatLoss(f.trainLoss).padEnd(10)} ${label} ${formatMetric(f.metricName, f.trainMetric)}`,
    `  validation  loss ${formatLoss(f.valLoss).padEnd(10)} ${label} ${formatMetric(f.metricName, f.valMetric)}`,
  ];
  if (finished.confusion && classes.length > 0 && classes.length <= 12) {
    const width =
      Math.max(5, ...classes.map((c) => c.length), ...finished.confusion.flat().map((v) => String(v).length)) + 1;
    lines.push('', '  confusion (rows: true class, columns: predicted)');
    lines.push('  ' + ''.padEnd(width) + classes.map((c) => c.padStart(width)).join(''));
    finished.confusion.forEach((row, i) =>
      lines.push('  ' + classes[i].padEnd(width) + row.map((v) => String(v).padStart(width)).join('')),
    );
  }
  if (finished.confusionOmitted) lines.push('', `  ${finished.confusionOmitted}`);
  return lines;
}

/** One line per finding: `file:line:col severity code message` (line/column 1-based, when known). */
export function formatFinding(
  finding: TrainingFinding,
  location?: { file: string; line: number; column: number },
): string {
  const where = location ? `${location.file}:${location.line}:${location.column}: ` : '';
  return `${where}${finding.severity} ${finding.code}: ${finding.message}`;
}
