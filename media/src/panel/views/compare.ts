/** Compare activations: pick alternatives, overlay their loss curves, boundaries side by side, epochs to threshold. */
import { LineChart } from '../charts';
import { button, card, clear, el, setText, sizeCanvas } from '../dom';
import { formatMetric, formatNumber, metricLabel } from '../numbers';
import { HeatmapPainter } from '../heatmap';
import type { PanelState, RunRecord } from '../state';
import { useActivationEverywhere } from '../suggestions';
import { describeThreshold, epochsToThreshold } from '../thresholds';
import { gridKindOf, heatmapColors, isRegression, visiblePoints } from './boundary';
import type { View, ViewContext } from './context';

/** Boundary tiles are at least this wide; as many fit side by side as the width allows, in balanced rows. */
const MIN_TILE = 150;
const MAX_TILE = 240;
const TILE_GAP = 12;

export class CompareView implements View {
  readonly root: HTMLElement;
  private readonly choices = el('div', { className: 'choices' });
  private readonly run: HTMLButtonElement;
  private readonly stop: HTMLButtonElement;
  private readonly loss = new LineChart({ height: 240, xLabel: 'epoch', yFormat: formatNumber, legend: false });
  private readonly legend = el('div', { className: 'legend compare-legend' });
  private readonly tiles = el('div', { className: 'tiles' });
  private readonly boundariesHeading: HTMLElement;
  private tileSize = MIN_TILE;
  private lastState: PanelState | undefined;
  private legendKey = '';
  private readonly tilePainters = new Map<
    string,
    { canvas: HTMLCanvasElement; painter: HeatmapPainter; caption: HTMLElement }
  >();
  private readonly tbody = el('tbody');
  private readonly thresholdHead = el('th', { text: 'Epochs to threshold', attrs: { scope: 'col' } });
  private readonly metricHead = el('th', { text: 'Validation accuracy', attrs: { scope: 'col' } });
  private choicesKey = '';
  private tableKey = '';

  constructor(private readonly context: ViewContext) {
    this.run = button('Run comparison', () => this.start(), { className: 'primary' });
    this.stop = button('■ Stop', () => context.post({ type: 'control', action: 'stop' }));
    const setup = card(
      'Compare activations',
      el('p', {
        className: 'muted',
        text: 'Train the same model with each checked activation in its hidden layers, on the same data and seed.',
      }),
      this.choices,
      el('div', { className: 'button-row' }, this.run, this.stop),
    );
    const curves = card('Loss', this.loss.root, this.legend);
    const boundaries = card('Decision boundaries', this.tiles);
    boundaries.root.classList.add('compare-boundaries');
    this.boundariesHeading = boundaries.heading;
    // The tiles follow the card's width: redraw them when it changes.
    new ResizeObserver(() => {
      if (this.lastState) this.renderTiles(this.lastState, this.lastState.compare);
    }).observe(this.tiles);
    const table = el(
      'table',
      { className: 'compare-table stackable' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...['Hidden activation', 'Epoch'].map((t) => el('th', { text: t, attrs: { scope: 'col' } })),
          this.thresholdHead,
          el('th', { text: 'Validation loss', attrs: { scope: 'col' } }),
          this.metricHead,
          el('th', {}),
        ),
      ),
      this.tbody,
    );
    const summary = card('Summary', el('div', { className: 'table-scroll' }, table));
    this.root = el('div', { className: 'compare-view' }, setup.root, curves.root, boundaries.root, summary.root);
  }

  private selection(): string[] {
    return Array.from(this.choices.querySelectorAll('input:checked')).map((input) => (input as HTMLInputElement).value);
  }

  private start(): void {
    const activations = this.selection();
    if (activations.length > 0) this.context.post({ type: 'compare', activations });
  }

  update(state: PanelState): void {
    this.renderChoices(state);
    const runs = state.compare;
    const active = runs.some((r) => !r.finished && !r.error) && state.runState !== 'idle';
    this.stop.disabled = !active;
    this.lastState = state;
    const theme = this.context.theme();
    const xs = unionEpochs(runs);
    const colorOf = (i: number) => theme.series[i % theme.series.length];
    this.loss.update(
      xs,
      runs.flatMap((run, i) => [
        { label: `${run.label} training`, color: colorOf(i), values: alignTo(xs, run.epochs, run.trainLoss) },
        {
          label: `${run.label} validation`,
          color: colorOf(i),
          values: alignTo(xs, run.epochs, run.valLoss),
          dashed: true,
        },
      ]),
      theme,
    );
    this.renderLegend(runs.map((run, i) => ({ label: run.label, color: colorOf(i) })));
    setText(this.boundariesHeading, isRegression(state, runs[0]) ? 'Output maps' : 'Decision boundaries');
    this.renderTiles(state, runs);
    this.renderTable(state, runs);
  }

  private renderChoices(state: PanelState): void {
    const choices = state.init?.compareChoices ?? [];
    const selected = state.ui.compareSelection ?? state.init?.compareDefaults ?? [];
    const key = JSON.stringify([choices, selected]);
    if (key === this.choicesKey) return;
    this.choicesKey = key;
    clear(this.choices);
    for (const name of choices) {
      const input = el('input', { attrs: { type: 'checkbox', value: name } });
      input.checked = selected.includes(name);
      input.addEventListener('change', () => {
        const chosen = this.selection();
        this.context.changeUi((s) => (s.ui.compareSelection = chosen), []);
        this.run.disabled = chosen.length === 0;
      });
      this.choices.appendChild(el('label', { className: 'toggle' }, input, el('span', { text: name })));
    }
    this.run.disabled = selected.length === 0;
  }

  /** One entry per activation in its colour, then the key of the line styles. */
  private renderLegend(entries: { label: string; color: string }[]): void {
    const key = JSON.stringify(entries);
    if (key === this.legendKey) return;
    this.legendKey = key;
    clear(this.legend);
    this.legend.hidden = entries.length === 0;
    for (const { label, color } of entries) {
      const line = el('span', { className: 'line-sample' });
      line.style.borderTopColor = color;
      this.legend.appendChild(el('span', { className: 'legend-item' }, line, el('span', { text: label })));
    }
    this.legend.appendChild(
      el(
        'span',
        { className: 'line-key', attrs: { 'aria-label': 'Line styles' } },
        el('span', { className: 'line-sample' }),
        el('span', { text: 'training' }),
        el('span', { className: 'line-sample dashed' }),
        el('span', { text: 'validation' }),
      ),
    );
  }

  /** Columns for `count` tiles: as many as fit, but in rows of equal length where possible (2 + 2, not 3 + 1). */
  private layoutTiles(count: number): void {
    const width = this.tiles.clientWidth;
    if (width === 0 || count === 0) return;
    const fit = Math.max(1, Math.floor((width + TILE_GAP) / (MIN_TILE + TILE_GAP)));
    const rows = Math.ceil(count / fit);
    const columns = Math.ceil(count / rows);
    this.tileSize = Math.max(
      Math.min(MIN_TILE, width),
      Math.min(MAX_TILE, Math.floor((width - TILE_GAP * (columns - 1)) / columns)),
    );
    this.tiles.style.gridTemplateColumns = `repeat(${columns}, ${this.tileSize}px)`;
  }

  private renderTiles(state: PanelState, runs: RunRecord[]): void {
    this.layoutTiles(runs.length);
    const title = isRegression(state, runs[0]) ? 'Output map' : 'Decision boundary';
    const keys = runs.map((r) => r.runId);
    if (keys.join('\n') !== [...this.tilePainters.keys()].join('\n')) {
      clear(this.tiles);
      this.tilePainters.clear();
      for (const run of runs) {
        const canvas = el('canvas', { attrs: { role: 'img', 'aria-label': `${title} with ${run.label}` } });
        const caption = el('figcaption');
        this.tiles.appendChild(el('figure', { className: 'tile' }, canvas, caption));
        this.tilePainters.set(run.runId, { canvas, painter: new HeatmapPainter(), caption });
      }
    }
    const theme = this.context.theme();
    for (const run of runs) {
      const { canvas, painter, caption } = this.tilePainters.get(run.runId)!;
      const grid = run.latest?.boundary;
      const metric = run.metricName;
      setText(
        caption,
        grid
          ? `${run.label} · ${metricLabel(metric)} ${formatMetric(run.latest?.valMetric, metric)}`
          : `${run.label} · waiting`,
      );
      canvas.hidden = !grid;
      if (!grid) continue;
      const kind = gridKindOf(run);
      const ctx = sizeCanvas(canvas, this.tileSize, this.tileSize);
      painter.draw(
        ctx,
        this.tileSize,
        {
          grid,
          kind,
          discretize: state.ui.discretize,
          xRange: grid.xRange,
          yRange: grid.yRange,
          points: visiblePoints(run.started?.dataset.points, state),
        },
        heatmapColors(theme, kind),
      );
    }
  }

  private renderTable(state: PanelState, runs: RunRecord[]): void {
    const metric = runs.find((r) => r.metricName)?.metricName;
    setText(
      this.thresholdHead,
      state.threshold ? `Epochs to ${describeThreshold(state.threshold, metric)}` : 'Epochs to threshold',
    );
    setText(this.metricHead, `Validation ${metricLabel(metric)}`);
    const reached = runs.map((r) => epochsToThreshold(r, state.threshold));
    const fastest = Math.min(...reached.filter((e): e is number => e !== undefined));
    const rows = runs.map((run, i) => {
      const final = run.finished?.final ?? run.latest;
      const total = run.latest?.epochs ?? run.started?.settings.epochs;
      return {
        label: run.label,
        epoch: run.error ? 'failed' : `${run.finished?.epochs ?? run.latest?.epoch ?? 0} / ${total ?? '?'}`,
        reached: !state.threshold
          ? '—'
          : reached[i] === undefined
            ? run.finished || run.error
              ? 'not reached'
              : '…'
            : String(reached[i]),
        fastest: reached[i] !== undefined && reached[i] === fastest,
        loss: formatNumber(final?.valLoss),
        metric: formatMetric(final?.valMetric, metric),
        use:
          run.finished && run.activation && state.init
            ? useActivationEverywhere(state.init, run.activation)
            : undefined,
      };
    });
    // Rebuild only on change, so a button is never replaced under the pointer.
    // Each cell carries its column's name, shown beside the value when a narrow panel stacks the rows (panel.css).
    const labels = [
      'Epoch',
      this.thresholdHead.textContent ?? '',
      'Validation loss',
      this.metricHead.textContent ?? '',
    ];
    const key = JSON.stringify([rows, labels]);
    if (key === this.tableKey) return;
    this.tableKey = key;
    clear(this.tbody);
    const cell = (column: number, className: string, text: string) =>
      el('td', { className, text, attrs: { 'data-label': labels[column] } });
    for (const row of rows) {
      const action = el('td', { className: 'action' });
      const use = row.use;
      if (use) {
        action.appendChild(
          button('Use this', () => this.context.post({ type: 'applyFix', fix: use.fix, rerun: false }), {
            className: 'small',
            title: use.label,
          }),
        );
      }
      this.tbody.appendChild(
        el(
          'tr',
          {},
          el('th', { text: row.label, attrs: { scope: 'row' } }),
          cell(0, 'num', row.epoch),
          cell(1, `num${row.fastest ? ' best' : ''}`, row.reached),
          cell(2, 'num', row.loss),
          cell(3, 'num', row.metric),
          action,
        ),
      );
    }
  }
}

/** Every epoch any run reported, in order (the runs report at different epochs). */
function unionEpochs(runs: readonly RunRecord[]): number[] {
  const all = new Set<number>();
  for (const run of runs) for (const e of run.epochs) all.add(e);
  return [...all].sort((a, b) => a - b);
}

/** A run's values placed at the given epochs (epochs it did not report become gaps). */
function alignTo(xs: readonly number[], epochs: readonly number[], values: readonly number[]): number[] {
  if (epochs.length === xs.length && epochs.every((e, i) => e === xs[i])) return [...values];
  const byEpoch = new Map<number, number>();
  epochs.forEach((e, i) => byEpoch.set(e, values[i]));
  return xs.map((x) => byEpoch.get(x) ?? Number.NaN);
}
