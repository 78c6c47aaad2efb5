/** The "copy results as markdown" text. Every string from the data is escaped so it stays literal. */
import { effectiveSettings, type PanelState, type RunRecord } from './state';
import { formatMetric, formatNumber, formatPercent, metricLabel } from './numbers';
import { describeThreshold, epochsToThreshold } from './thresholds';

/** Escapes characters that markdown (or HTML inside markdown) would interpret. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(header: string[], rows: string[][]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

function datasetLine(run: RunRecord): string | undefined {
  const d = run.started?.dataset;
  if (!d) return undefined;
  const classes =
    d.classes.length > 0 ? `, ${d.classes.length} classes (${d.classes.map(escapeMarkdown).join(', ')})` : '';
  const targets = d.targetNames?.length ? `, target ${d.targetNames.map(escapeMarkdown).join(', ')}` : '';
  return `Data: ${escapeMarkdown(d.name)} — ${d.features} features${classes}${targets}; ${d.trainSize} train / ${d.validationSize} validation rows`;
}

function trainMarkdown(run: RunRecord): string[] {
  const lines: string[] = [];
  const metric = run.finished?.final.metricName ?? run.metricName;
  const final = run.finished?.final ?? run.latest;
  const data = datasetLine(run);
  if (data) lines.push(data, '');
  if (final) {
    lines.push(
      ...table(
        ['', 'train', 'validation'],
        [
          ['loss', formatNumber(final.trainLoss), formatNumber(final.valLoss)],
          [metricLabel(metric), formatMetric(final.trainMetric, metric), formatMetric(final.valMetric, metric)],
        ],
      ),
      '',
    );
  }
  if (run.finished) {
    const detail = run.finished.detail ? ` — ${escapeMarkdown(run.finished.detail)}` : '';
    lines.push(`Run ${run.finished.reason} after ${run.finished.epochs} epochs${detail}.`, '');
  } else if (run.error) {
    lines.push(`Run failed: ${escapeMarkdown(run.error)}`, '');
  }
  const layers = run.latest?.layers ?? [];
  if (layers.length > 0) {
    lines.push(
      '### Layers',
      '',
      ...table(
        ['layer', 'activation', 'dead', 'saturated', 'gradient norm'],
        layers.map((l) => [
          escapeMarkdown(l.name),
          escapeMarkdown(l.activation),
          formatPercent(l.deadFraction),
          formatPercent(l.saturatedFraction),
          formatNumber(l.gradNorm),
        ]),
      ),
      '',
    );
  }
  const findings = run.finished?.findings ?? run.latest?.findings ?? [];
  if (findings.length > 0) {
    lines.push('### Findings', '');
    for (const f of findings) {
      const where = f.layer ? `${escapeMarkdown(f.layer)}: ` : '';
      lines.push(`- ${f.severity} \`${f.code}\` — ${where}${escapeMarkdown(f.message)} (epoch ${f.epoch})`);
    }
    lines.push('');
  }
  const confusion = run.finished?.confusion;
  if (confusion && confusion.length > 0) {
    const names = confusion.map((_, i) => escapeMarkdown(run.started?.dataset.classes[i] ?? String(i)));
    lines.push(
      '### Confusion matrix (validation; rows = true class, columns = predicted)',
      '',
      ...table(
        ['', ...names],
        confusion.map((counts, i) => [names[i], ...counts.map(String)]),
      ),
      '',
    );
  }
  return lines;
}

function compareMarkdown(state: PanelState): string[] {
  const metric = state.compare.find((r) => r.metricName)?.metricName;
  const thresholdHeader = state.threshold
    ? `epochs to ${describeThreshold(state.threshold, metric)}`
    : 'epochs to threshold';
  return table(
    ['hidden activation', 'epochs', thresholdHeader, 'validation loss', `validation ${metricLabel(metric)}`],
    state.compare.map((run) => {
      const final = run.finished?.final ?? run.latest;
      const reached = epochsToThreshold(run, state.threshold);
      return [
        escapeMarkdown(run.label),
        String(run.finished?.epochs ?? run.latest?.epoch ?? 0),
        reached === undefined ? 'not reached' : String(reached),
        formatNumber(final?.valLoss),
        formatMetric(final?.valMetric, metric),
      ];
    }),
  );
}

/** Markdown for what the current tab shows. */
export function resultsMarkdown(state: PanelState): string {
  const init = state.init;
  const title = init ? `${escapeMarkdown(init.modelName)} (${escapeMarkdown(init.fileName)})` : 'training run';
  const settings = effectiveSettings(state);
  const lines = [state.tab === 'compare' ? `## Activation comparison: ${title}` : `## Training results: ${title}`, ''];
  if (settings) {
    lines.push(
      `Settings: ${settings.epochs} epochs, batch ${settings.batch}, learning rate ${settings.lr}, seed ${settings.seed}`,
      '',
    );
  }
  if (state.tab === 'compare') lines.push(...compareMarkdown(state));
  else if (state.train[0]) lines.push(...trainMarkdown(state.train[0]));
  else lines.push('No run yet.');
  return lines.join('\n').trimEnd() + '\n';
}
