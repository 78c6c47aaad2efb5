/** Each activation the model uses, plotted with its derivative (curves sampled by the host from the catalog). */
import type { ActivationCurve } from '../../../../server/src/protocol';
import { LineChart } from '../charts';
import { card, clear, el } from '../dom';
import { formatNumber } from '../numbers';
import type { PanelState } from '../state';
import type { View, ViewContext } from './context';

export class ActivationsView implements View {
  readonly root: HTMLElement;
  private readonly list = el('div', { className: 'activation-list' });
  private readonly empty = el('p', { className: 'muted', text: 'Every layer is linear.' });
  private charts: { curve: ActivationCurve; chart: LineChart }[] = [];
  private key = '';

  constructor(private readonly context: ViewContext) {
    const { root } = card('Activations: f and f′', this.empty, this.list);
    this.root = root;
    this.root.classList.add('activations-card');
  }

  update(state: PanelState): void {
    const init = state.init;
    const used = new Map<string, string[]>();
    for (const layer of init?.layers ?? []) {
      if (!layer.activation || layer.kind === 'dropout') continue;
      used.set(layer.activation, [...(used.get(layer.activation) ?? []), layer.name]);
    }
    const curves = (init?.activationCurves ?? []).filter((c) => used.has(c.name));
    this.empty.hidden = curves.length > 0 || !init;
    const key = JSON.stringify([curves.map((c) => c.name), [...used.entries()]]);
    if (key !== this.key) {
      this.key = key;
      this.charts.forEach((c) => c.chart.destroy());
      clear(this.list);
      this.charts = curves.map((curve) => {
        const chart = new LineChart({ height: 150, yFormat: formatNumber });
        const layers = used.get(curve.name) ?? [];
        this.list.appendChild(
          el(
            'figure',
            { className: 'activation' },
            el(
              'figcaption',
              {},
              el('strong', { text: curve.name }),
              el('span', { className: 'muted', text: ` — ${layers.join(', ')}` }),
            ),
            chart.root,
            ...(curve.note ? [el('p', { className: 'muted note', text: curve.note })] : []),
          ),
        );
        return { curve, chart };
      });
    }
    const theme = this.context.theme();
    for (const { curve, chart } of this.charts) {
      chart.update(
        curve.xs,
        [
          { label: 'f(x)', color: theme.series[0], values: curve.f },
          { label: 'f′(x)', color: theme.series[1], values: curve.df, dashed: true },
        ],
        theme,
      );
    }
  }
}
