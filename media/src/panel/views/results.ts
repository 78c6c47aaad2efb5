/** Final metrics, the validation confusion matrix, and "copy results as markdown". */
import { button, card, clear, el, setText } from '../dom';
import { formatMetric, formatNumber, metricLabel } from '../numbers';
import { resultsMarkdown } from '../markdown';
import type { PanelState, RunRecord } from '../state';
import type { View, ViewContext } from './context';

export class ResultsView implements View {
  readonly root: HTMLElement;
  private readonly metrics = el('tbody');
  private readonly metricsTable = el('table', { className: 'metrics-table' });
  private readonly status = el('p', { className: 'muted' });
  private readonly confusionSection: HTMLElement;
  private readonly confusion = el('div', { className: 'table-scroll' });
  private readonly copy: HTMLButtonElement;
  private state: PanelState | undefined;
  private confusionKey = '';

  constructor(private readonly context: ViewContext) {
    this.metricsTable.append(
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', {}),
          el('th', { text: 'train', attrs: { scope: 'col' } }),
          el('th', { text: 'validation', attrs: { scope: 'col' } }),
        ),
      ),
      this.metrics,
    );
    this.copy = button('Copy results as markdown', () => this.copyResults());
    this.confusionSection = el(
      'div',
      { className: 'confusion-section' },
      el('h3', { text: 'Confusion matrix (validation)' }),
      el('p', { className: 'muted', text: 'Rows: true class. Columns: predicted class.' }),
      this.confusion,
    );
    const results = card(
      'Results',
      this.status,
      this.metricsTable,
      this.confusionSection,
      el('div', { className: 'button-row' }, this.copy),
    );
    this.root = results.root;
    this.root.classList.add('results-card');
  }

  private copyResults(): void {
    if (!this.state) return;
    this.context.post({ type: 'copyResults', markdown: resultsMarkdown(this.state) });
    setText(this.copy, 'Copied ✓');
    setTimeout(() => setText(this.copy, 'Copy results as markdown'), 2000);
  }

  update(state: PanelState): void {
    this.state = state;
    const run = state.train[0];
    const final = run?.finished?.final ?? run?.latest;
    const metric = run?.finished?.final.metricName ?? run?.metricName;
    setText(
      this.status,
      !run
        ? 'No run yet.'
        : run.finished
          ? `Final values after ${run.finished.epochs} epochs (${run.finished.reason}).`
          : 'Latest values (the run is not finished).',
    );
    clear(this.metrics);
    this.metricsTable.hidden = !final;
    this.copy.disabled = !run;
    if (final) {
      this.metrics.append(
        el(
          'tr',
          {},
          el('th', { text: 'loss', attrs: { scope: 'row' } }),
          el('td', { className: 'num', text: formatNumber(final.trainLoss) }),
          el('td', { className: 'num', text: formatNumber(final.valLoss) }),
        ),
        el(
          'tr',
          {},
          el('th', { text: metricLabel(metric), attrs: { scope: 'row' } }),
          el('td', { className: 'num', text: formatMetric(final.trainMetric, metric) }),
          el('td', { className: 'num', text: formatMetric(final.valMetric, metric) }),
        ),
      );
    }
    this.renderConfusion(run);
  }

  private renderConfusion(run: RunRecord | undefined): void {
    const matrix = run?.finished?.confusion;
    this.confusionSection.hidden = !matrix || matrix.length === 0;
    const classes = run?.started?.dataset.classes ?? [];
    const key = JSON.stringify([matrix, classes]);
    if (key === this.confusionKey) return;
    this.confusionKey = key;
    clear(this.confusion);
    if (!matrix || matrix.length === 0) return;
    const name = (i: number) => classes[i] ?? String(i);
    const table = el('table', { className: 'confusion' });
    table.appendChild(
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { className: 'corner', text: 'true ↓ predicted →' }),
          ...matrix.map((_, j) => el('th', { text: name(j), attrs: { scope: 'col' } })),
        ),
      ),
    );
    const body = el('tbody');
    matrix.forEach((counts, i) => {
      const total = counts.reduce((a, b) => a + b, 0);
      const row = el('tr', {}, el('th', { text: name(i), attrs: { scope: 'row' } }));
      counts.forEach((count, j) => {
        const share = total > 0 ? count / total : 0;
        const cell = el('td', {
          className: `num ${i === j ? 'diagonal' : 'off-diagonal'}`,
          text: String(count),
          title: `${name(i)} predicted as ${name(j)}: ${count} (${Math.round(share * 100)}% of the row)`,
        });
        // The cell's tint grows with its share of the row.
        cell.style.setProperty('--share', share.toFixed(3));
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    table.appendChild(body);
    this.confusion.appendChild(table);
  }
}
