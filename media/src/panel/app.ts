/** Builds the page from the views and redraws the parts that changed. */
import { el } from './dom';
import type { PanelState, ViewPart } from './state';
import { readTheme, type Theme } from './theme';
import { ActivationsView } from './views/activations';
import { BoundaryView } from './views/boundary';
import { CompareView } from './views/compare';
import type { View, ViewContext } from './views/context';
import { ControlsView } from './views/controls';
import { CurvesView } from './views/curves';
import { HeaderView } from './views/header';
import { HealthView } from './views/health';
import { NetworkView } from './views/network';
import { ProgressView } from './views/progress';
import { ResultsView } from './views/results';
import { StaleView } from './views/stale';

const TRAIN_ONLY: ReadonlySet<ViewPart> = new Set([
  'curves',
  'boundary',
  'health',
  'activations',
  'results',
  'network',
]);

export class PanelApp {
  private readonly views: Record<ViewPart, View>;
  private readonly trainView: HTMLElement;
  private readonly compareView: HTMLElement;
  private theme: Theme | undefined;

  constructor(root: HTMLElement, context: Omit<ViewContext, 'theme'>) {
    const ctx: ViewContext = { ...context, theme: () => (this.theme ??= readTheme()) };
    const controls = new ControlsView(ctx);
    this.views = {
      header: new HeaderView(ctx),
      controls,
      progress: new ProgressView(),
      curves: new CurvesView(ctx),
      boundary: new BoundaryView(ctx),
      health: new HealthView(ctx),
      activations: new ActivationsView(ctx),
      results: new ResultsView(ctx),
      compare: new CompareView(ctx),
      network: new NetworkView(ctx),
      stale: new StaleView(ctx),
    };
    const v = this.views;
    this.trainView = el(
      'main',
      { className: 'cards', attrs: { id: 'train-view' } },
      v.curves.root,
      v.results.root,
      v.boundary.root,
      v.network.root,
      v.health.root,
      v.activations.root,
    );
    this.compareView = el('main', { className: 'cards', attrs: { id: 'compare-view' } }, v.compare.root);
    // The run buttons and the progress head the page; below them the settings sit beside the results on a wide
    // panel, and after the loss curve and the map on a narrow one (panel.css).
    const toolbar = el('div', { className: 'panel-toolbar' }, controls.toolbar, v.progress.root);
    const results = el('div', { className: 'panel-results' }, v.stale.root, this.trainView, this.compareView);
    root.append(v.header.root, toolbar, el('div', { className: 'panel-body' }, v.controls.root, results));
  }

  /** Forgets the cached theme colors (after VS Code switched themes). */
  themeChanged(): void {
    this.theme = undefined;
  }

  draw(state: PanelState, parts: Set<ViewPart>): void {
    this.trainView.hidden = state.tab !== 'train';
    this.compareView.hidden = state.tab !== 'compare';
    for (const part of parts) {
      if (state.tab === 'compare' ? TRAIN_ONLY.has(part) : part === 'compare') continue;
      try {
        this.views[part].update(state);
      } catch (error) {
        // One broken view must not stop the others from drawing.
        console.error(`[nn-panel] the ${part} view failed to draw:`, error);
      }
    }
  }
}
