/**
 * The model's output over the input plane with the data points: a decision boundary for a classifier, an
 * output map for a regression model. The hidden units' own pictures live in the network view.
 */
import type { DatasetSummary } from '../../../../server/src/protocol';
import type { GridKind } from '../colormap';
import { card, clear, el, setText, sizeCanvas } from '../dom';
import { formatNumber } from '../numbers';
import { HeatmapPainter } from '../heatmap';
import type { PanelState, RunRecord } from '../state';
import { rgbCss, type Theme } from '../theme';
import type { View, ViewContext } from './context';

/** The map's side in CSS pixels: as wide as the card allows, within these bounds. */
const MIN_SIZE = 200;
const MAX_SIZE = 360;

type Points = NonNullable<DatasetSummary['points']>;

/** How to read a run's grid: by the number of classes in its data. */
export function gridKindOf(run: RunRecord | undefined): GridKind {
  const classes = run?.started?.dataset.classes.length ?? 0;
  if (classes > 2 || run?.latest?.boundary?.confidence) return 'multiclass';
  return classes === 2 ? 'binary' : 'regression';
}

/** Whether the model predicts numbers: its map shows the output, there is no boundary between classes. */
export function isRegression(state: PanelState, run: RunRecord | undefined): boolean {
  if (state.init?.taskKind) return state.init.taskKind === 'regression';
  return run?.started !== undefined && gridKindOf(run) === 'regression';
}

/** The name of the map: "Output map" for a regression model, "Decision boundary" for a classifier. */
export function mapTitle(state: PanelState, run: RunRecord | undefined): string {
  return isRegression(state, run) ? 'Output map' : 'Decision boundary';
}

export function heatmapColors(theme: Theme, kind: GridKind) {
  return {
    background: theme.backgroundRgb,
    classes: kind === 'multiclass' ? theme.classes : [theme.classes[0], theme.classes[1]],
    outline: theme.background,
  };
}

const trainingOnly = new WeakMap<Points, Points>();

/**
 * The points to draw: all of them, or only the training points when test data is hidden. The same array
 * comes back for the same input, so the painter keeps its cached layer of points.
 */
export function visiblePoints(points: Points | undefined, state: PanelState): Points | undefined {
  if (!points || state.ui.showTestData !== false) return points;
  let kept = trainingOnly.get(points);
  if (!kept) trainingOnly.set(points, (kept = points.filter((p) => p.split === 'train')));
  return kept;
}

export class BoundaryView implements View {
  readonly root: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly canvas = el('canvas', {
    className: 'boundary',
    attrs: { role: 'img', 'aria-label': 'Model output over the input plane' },
  });
  private readonly painter = new HeatmapPainter();
  private readonly legend = el('div', { className: 'legend' });
  private readonly caption = el('div', { className: 'caption' });
  private readonly note = el('p', { className: 'muted' });
  private legendKey = '';

  constructor(private readonly context: ViewContext) {
    const { root, heading } = card(
      'Decision boundary',
      this.note,
      el(
        'div',
        { className: 'boundary-row' },
        this.canvas,
        el('div', { className: 'boundary-side' }, this.legend, this.caption),
      ),
    );
    this.root = root;
    this.heading = heading;
    this.root.classList.add('boundary-card');
  }

  update(state: PanelState): void {
    const run = state.train[0];
    const grid = run?.latest?.boundary;
    const title = mapTitle(state, run);
    setText(this.heading, title);
    this.canvas.setAttribute('aria-label', `${title}: the model's output over the input plane`);
    const twoInputs = run?.started ? run.started.dataset.features === 2 : state.init?.settings.data !== undefined;
    this.root.hidden = !twoInputs && !grid;
    setText(
      this.note,
      grid
        ? ''
        : run?.started
          ? `The ${title.toLowerCase()} appears after the first epoch.`
          : 'Shown for data with two inputs, once a run starts.',
    );
    this.note.hidden = !!grid;
    this.canvas.hidden = !grid;
    if (!grid || !run) return;
    const theme = this.context.theme();
    const kind = gridKindOf(run);
    const body = this.root.querySelector('.card-body') as HTMLElement | null;
    const size = Math.max(MIN_SIZE, Math.min(MAX_SIZE, Math.floor(body?.clientWidth || 400)));
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
        points: visiblePoints(run.started?.dataset.points, state),
      },
      heatmapColors(theme, kind),
    );
    this.updateLegend(run, kind, theme);
    const dots =
      state.ui.showTestData === false
        ? 'Dots: training data (test data hidden).'
        : 'Filled dots: training data; rings: validation data.';
    setText(
      this.caption,
      `x ∈ [${formatNumber(grid.xRange[0])}, ${formatNumber(grid.xRange[1])}], y ∈ [${formatNumber(grid.yRange[0])}, ${formatNumber(grid.yRange[1])}]. ${dots}`,
    );
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
}
