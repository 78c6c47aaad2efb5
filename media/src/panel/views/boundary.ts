/** The decision boundary (or output) heatmap with the data points, and mini heatmaps of hidden units. */
import type { NeuronGrid } from '../../../../server/src/protocol';
import type { GridKind } from '../colormap';
import { card, clear, el, setText, sizeCanvas } from '../dom';
import { formatNumber } from '../numbers';
import { HeatmapPainter } from '../heatmap';
import type { PanelState, RunRecord } from '../state';
import { rgbCss, type Theme } from '../theme';
import type { View, ViewContext } from './context';

const MINI_SIZE = 56;

/** How to read a run's grid: by the number of classes in its data. */
export function gridKindOf(run: RunRecord | undefined): GridKind {
  const classes = run?.started?.dataset.classes.length ?? 0;
  if (classes > 2 || run?.latest?.boundary?.confidence) return 'multiclass';
  return classes === 2 ? 'binary' : 'regression';
}

export function heatmapColors(theme: Theme, kind: GridKind) {
  return {
    background: theme.backgroundRgb,
    classes: kind === 'multiclass' ? theme.classes : [theme.classes[0], theme.classes[1]],
    outline: theme.background,
  };
}

export class BoundaryView implements View {
  readonly root: HTMLElement;
  private readonly canvas = el('canvas', {
    className: 'boundary',
    attrs: { role: 'img', 'aria-label': 'Model output over the input plane' },
  });
  private readonly painter = new HeatmapPainter();
  private readonly discretize = el('input', { attrs: { type: 'checkbox' } });
  private readonly legend = el('div', { className: 'legend' });
  private readonly caption = el('div', { className: 'caption' });
  private readonly note = el('p', { className: 'muted' });
  private readonly neurons = el('div', { className: 'neurons' });
  private readonly neuronPainters = new Map<string, { canvas: HTMLCanvasElement; painter: HeatmapPainter }>();
  private legendKey = '';

  constructor(private readonly context: ViewContext) {
    this.discretize.addEventListener('change', () => {
      const on = this.discretize.checked;
      context.changeUi((s) => (s.ui.discretize = on), ['boundary', 'compare']);
    });
    const toggle = el(
      'label',
      { className: 'toggle', attrs: { title: 'A view option: it changes what the panel draws, not the file' } },
      this.discretize,
      el('span', { text: 'Discretize output' }),
      el('span', { className: 'view-tag', text: 'view' }),
    );
    const { root } = card(
      'Decision boundary',
      this.note,
      el(
        'div',
        { className: 'boundary-row' },
        this.canvas,
        el('div', { className: 'boundary-side' }, toggle, this.legend, this.caption, this.neurons),
      ),
    );
    this.root = root;
    this.root.classList.add('boundary-card');
  }

  update(state: PanelState): void {
    const run = state.train[0];
    const grid = run?.latest?.boundary;
    this.discretize.checked = state.ui.discretize;
    const twoInputs = run?.started ? run.started.dataset.features === 2 : true;
    this.root.hidden = !twoInputs && !grid;
    setText(
      this.note,
      grid ? '' : run?.started ? 'The boundary appears after the first epoch.' : 'Shown for data with two inputs.',
    );
    this.note.hidden = !!grid;
    this.canvas.hidden = !grid;
    if (!grid || !run) {
      clear(this.neurons);
      this.neuronPainters.clear();
      return;
    }
    const theme = this.context.theme();
    const kind = gridKindOf(run);
    const size = Math.max(200, Math.min(360, (this.root.clientWidth || 400) - 40));
    const ctx = sizeCanvas(this.canvas, size, size);
    this.painter.draw(
      ctx,
      size,
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
    this.updateLegend(run, kind, theme);
    setText(
      this.caption,
      `x ∈ [${formatNumber(grid.xRange[0])}, ${formatNumber(grid.xRange[1])}], y ∈ [${formatNumber(grid.yRange[0])}, ${formatNumber(grid.yRange[1])}]. Filled dots: training data; rings: validation data.`,
    );
    this.updateNeurons(run.latest?.neurons ?? [], theme);
  }

  private updateLegend(run: RunRecord, kind: GridKind, theme: Theme): void {
    const classes = run.started?.dataset.classes ?? [];
    const names = kind === 'regression' ? ['low', 'high'] : classes.length ? classes : ['0', '1'];
    const key = JSON.stringify([names, theme.classes, kind]);
    if (key === this.legendKey) return;
    this.legendKey = key;
    clear(this.legend);
    names.forEach((name, i) => {
      const swatch = el('span', { className: 'swatch' });
      swatch.style.background = rgbCss(theme.classes[i] ?? theme.classes[0]);
      this.legend.appendChild(el('span', { className: 'legend-item' }, swatch, el('span', { text: name })));
    });
  }

  private updateNeurons(grids: readonly NeuronGrid[], theme: Theme): void {
    const keys = grids.map((g) => `${g.layer}#${g.unit}`);
    if (keys.join('\n') !== [...this.neuronPainters.keys()].join('\n')) {
      clear(this.neurons);
      this.neuronPainters.clear();
      let group: HTMLElement | undefined;
      let layer: string | undefined;
      grids.forEach((g, i) => {
        if (g.layer !== layer) {
          layer = g.layer;
          group = el('div', { className: 'neuron-group' });
          this.neurons.append(el('div', { className: 'neuron-layer', text: g.layer }), group);
        }
        const canvas = el('canvas', { title: `${g.layer}, unit ${g.unit + 1}` });
        group!.appendChild(canvas);
        this.neuronPainters.set(keys[i], { canvas, painter: new HeatmapPainter() });
      });
    }
    const colors = heatmapColors(theme, 'signed');
    grids.forEach((g, i) => {
      const { canvas, painter } = this.neuronPainters.get(keys[i])!;
      const ctx = sizeCanvas(canvas, MINI_SIZE, MINI_SIZE);
      painter.draw(
        ctx,
        MINI_SIZE,
        { grid: g, kind: 'signed', discretize: false, xRange: [0, 1], yRange: [0, 1] },
        colors,
      );
    });
  }
}
