/** Per-layer health: findings with suggested fixes, a table of dead/saturated/gradient values, histograms and gradient norms. */
import type { Histogram, LayerHealth, TrainingFinding } from '../../../../server/src/protocol';
import { LineChart } from '../charts';
import { button, card, clear, el, sizeCanvas } from '../dom';
import { formatNumber, formatPercent } from '../numbers';
import type { PanelState } from '../state';
import type { Theme } from '../theme';
import type { View, ViewContext } from './context';

const SEVERITY_ICON: Record<TrainingFinding['severity'], string> = { error: '⛔', warning: '⚠', info: 'ℹ' };
const HISTOGRAM_WIDTH = 96;
const COLUMNS = ['Layer', 'Activation', 'Dead', 'Saturated', 'Gradient norm', 'Activations'];
const HISTOGRAM_HEIGHT = 28;

export class HealthView implements View {
  readonly root: HTMLElement;
  private readonly findings = el('ul', { className: 'findings' });
  private readonly tbody = el('tbody');
  private readonly empty = el('p', { className: 'muted', text: 'Layer health appears after the first epoch.' });
  private readonly table: HTMLTableElement;
  private findingsKey = '';
  private readonly gradients = new LineChart({ height: 180, logY: true, xLabel: 'epoch', yFormat: formatNumber });

  constructor(private readonly context: ViewContext) {
    const head = el('thead', {}, el('tr', {}, ...COLUMNS.map((t) => el('th', { text: t, attrs: { scope: 'col' } }))));
    this.table = el('table', { className: 'health-table stackable' }, head, this.tbody);
    const { root } = card(
      'Layer health',
      this.findings,
      this.empty,
      el('div', { className: 'table-scroll' }, this.table),
      el('h3', { text: 'Gradient norm per layer (log scale)' }),
      this.gradients.root,
    );
    this.root = root;
    this.root.classList.add('health-card');
  }

  update(state: PanelState): void {
    const run = state.train[0];
    const layers = run?.latest?.layers ?? [];
    const findings = run?.finished?.findings ?? run?.latest?.findings ?? [];
    const theme = this.context.theme();
    this.renderFindings(findings);
    this.empty.hidden = layers.length > 0;
    this.table.hidden = layers.length === 0;
    this.renderTable(layers, findings, theme);
    this.gradients.update(
      run?.epochs ?? [],
      (run?.layerNames ?? []).map((name, i) => ({
        label: name,
        color: theme.series[i % theme.series.length],
        values: run!.gradNorms[i],
      })),
      theme,
    );
  }

  private reveal(sourceIndex: number): void {
    this.context.post({ type: 'revealLayer', sourceIndex });
  }

  private renderFindings(findings: readonly TrainingFinding[]): void {
    // Rebuild only on change, so a button is never replaced under the pointer.
    const key = JSON.stringify(findings);
    if (key === this.findingsKey) return;
    this.findingsKey = key;
    clear(this.findings);
    for (const finding of findings) {
      const item = el('li', { className: `finding ${finding.severity}` });
      item.appendChild(
        el('span', {
          className: 'icon',
          text: SEVERITY_ICON[finding.severity],
          attrs: { 'aria-label': finding.severity },
        }),
      );
      if (finding.layer !== undefined && finding.sourceIndex !== undefined) {
        const index = finding.sourceIndex;
        item.appendChild(
          button(finding.layer, () => this.reveal(index), {
            className: 'link',
            title: 'Show this layer in the editor',
          }),
        );
      }
      item.appendChild(el('span', { className: 'message', text: finding.message }));
      item.appendChild(el('span', { className: 'muted', text: ` (epoch ${finding.epoch}, ${finding.code})` }));
      // The fixes come with the finding, decided by its check in the core; the panel only shows them.
      for (const { title, change } of finding.fixes ?? []) {
        const apply = (rerun: boolean) => () => {
          this.context.post({ type: 'applyFix', fix: change, rerun });
        };
        item.appendChild(
          el(
            'div',
            { className: 'suggestion' },
            el('span', { text: `Suggestion: ${title}.` }),
            button('Apply', apply(false), { className: 'primary small' }),
            button('Apply and re-run', apply(true), { className: 'small' }),
          ),
        );
      }
      this.findings.appendChild(item);
    }
    this.findings.hidden = findings.length === 0;
  }

  private renderTable(layers: readonly LayerHealth[], findings: readonly TrainingFinding[], theme: Theme): void {
    clear(this.tbody);
    for (const layer of layers) {
      const own = findings.filter((f) => f.sourceIndex === layer.sourceIndex);
      const worst = own.find((f) => f.severity === 'error') ?? own.find((f) => f.severity === 'warning') ?? own[0];
      const row = el('tr', { attrs: { 'data-layer': String(layer.sourceIndex) } });
      if (worst) {
        row.classList.add('has-finding', worst.severity);
        row.title = own.map((f) => f.message).join('\n');
      }
      const name = button(layer.name, () => this.reveal(layer.sourceIndex), {
        className: 'link',
        title: 'Show this layer in the editor',
      });
      const histogram = el('canvas', {
        className: 'histogram',
        title: `from ${formatNumber(layer.histogram.min)} to ${formatNumber(layer.histogram.max)}`,
      });
      row.append(
        el(
          'td',
          {},
          name,
          ...(worst ? [el('span', { className: 'icon', text: ` ${SEVERITY_ICON[worst.severity]}` })] : []),
        ),
        el('td', { text: layer.activation }),
        el('td', { className: cellClass(own, 'dead-units'), text: formatPercent(layer.deadFraction) }),
        el('td', { className: cellClass(own, 'saturated-units'), text: formatPercent(layer.saturatedFraction) }),
        el('td', {
          className: cellClass(own, 'vanishing-gradient', 'exploding-gradient'),
          text: formatNumber(layer.gradNorm),
        }),
        el('td', {}, histogram),
      );
      // Each cell carries its column's name, shown beside the value when a narrow panel stacks the rows (panel.css).
      Array.from(row.cells).forEach((cell, i) => i > 0 && cell.setAttribute('data-label', COLUMNS[i]));
      drawHistogram(histogram, layer.histogram, theme, theme.series[0]);
      this.tbody.appendChild(row);
    }
  }
}

function cellClass(findings: readonly TrainingFinding[], ...codes: TrainingFinding['code'][]): string {
  const hit = findings.find((f) => codes.includes(f.code));
  return hit ? `num flagged ${hit.severity}` : 'num';
}

export function drawHistogram(canvas: HTMLCanvasElement, histogram: Histogram, theme: Theme, color: string): void {
  const ctx = sizeCanvas(canvas, HISTOGRAM_WIDTH, HISTOGRAM_HEIGHT);
  ctx.clearRect(0, 0, HISTOGRAM_WIDTH, HISTOGRAM_HEIGHT);
  const counts = histogram.counts;
  const top = Math.max(1, ...counts);
  const width = HISTOGRAM_WIDTH / Math.max(1, counts.length);
  ctx.fillStyle = color;
  counts.forEach((count, i) => {
    const h = (count / top) * (HISTOGRAM_HEIGHT - 2);
    ctx.fillRect(i * width, HISTOGRAM_HEIGHT - 1 - h, Math.max(1, width - 1), h);
  });
  ctx.fillStyle = theme.grid;
  ctx.fillRect(0, HISTOGRAM_HEIGHT - 1, HISTOGRAM_WIDTH, 1);
}
