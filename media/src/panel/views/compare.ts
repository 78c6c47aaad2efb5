/** Compare activations: pick alternatives, overlay their loss curves, boundaries side by side, epochs to threshold. */
import { LineChart } from '../charts';
import { button, card, clear, el, setText, sizeCanvas } from '../dom';
import { formatMetric, formatNumber, metricLabel } from '../numbers';
import { HeatmapPainter } from '../heatmap';
import type { PanelState, RunRecord } from '../state';
import { useActivationEverywhere } from '../suggestions';
import { describeThreshold, epochsToThreshold } from '../thresholds';
import { gridKindOf, heatmapColors } from './boundary';
import type { View, ViewContext } from './context';

const TILE_SIZE = 180;

export class CompareView implements View {
  readonly root: HTMLElement;
  private readonly choices = el('div', { className: 'choices' });
  private readonly run: HTMLButtonElement;
  private readonly stop: HTMLButtonElement;
  private readonly loss = new LineChart({ height: 240, xLabel: 'epoch', yFormat: formatNumber });
  private readonly tiles = el('div', { className: 'tiles' });
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
    const curves = card('Loss (solid: validation, dashed: training)', this.loss.root);
    const boundaries = card('Decision boundaries', this.tiles);
    boundaries.root.classList.add('compare-boundaries');
    const table = el(
      'table',
      { className: 'compare-table' },
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
    const theme = this.context.theme();
    const xs = unionEpochs(runs);
    this.loss.update(
      xs,
      runs.flatMap((run, i) => {
        const color = theme.series[i % theme.series.length];
        return [
          { label: run.label, color, values: alignTo(xs, run.epochs, run.valLoss) },
          { label: `${run.label} (train)`, color, values: alignTo(xs, run.epochs, run.trainLoss), dashed: true },
        ];
      }),
      theme,
    );
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

  private renderTiles(state: PanelState, runs: RunRecord[]): void {
    const keys = runs.map((r) => r.runId);
    if (keys.join('\n') !== [...this.tilePainters.keys()].join('\n')) {
      clear(this.tiles);
      this.tilePainters.clear();
      for (const run of runs) {
        const canvas = el('canvas', { attrs: { role: 'img', 'aria-label': `Decision boundary with ${run.label}` } });
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
      const ctx = sizeCanvas(canvas, TILE_SIZE, TILE_SIZE);
      painter.draw(
        ctx,
        TILE_SIZE,
        {
          grid,
          kind,
          discretize: state.ui.discretize,
          xRange: grid.xRange,
          yRange: grid.yRange,
          points: run.started?.dataset.points,
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
    const key = JSON.stringify(rows);
    if (key === this.tableKey) return;
    this.tableKey = key;
    clear(this.tbody);
    for (const row of rows) {
      const action = el('td');
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
          el('td', { className: 'num', text: row.epoch }),
          el('td', { className: `num${row.fastest ? ' best' : ''}`, text: row.reached }),
          el('td', { className: 'num', text: row.loss }),
          el('td', { className: 'num', text: row.metric }),
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
