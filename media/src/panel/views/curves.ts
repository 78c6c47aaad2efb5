/** Loss and metric curves of the Train tab. */
import { LineChart } from '../charts';
import { card, el } from '../dom';
import { formatNumber, metricLabel } from '../numbers';
import type { PanelState } from '../state';
import type { View, ViewContext } from './context';

/** Accuracy lives on [0, 1], shown as a percentage; MAE has its own scale. */
function metricChart(metric: 'accuracy' | 'mae' | undefined): LineChart {
  return metric === 'mae'
    ? new LineChart({ height: 200, xLabel: 'epoch', yFormat: formatNumber })
    : new LineChart({ height: 200, xLabel: 'epoch', yRange: [0, 1], yFormat: (v) => `${Math.round(v * 100)}%` });
}

export class CurvesView implements View {
  readonly root: HTMLElement;
  private readonly loss = new LineChart({ height: 200, xLabel: 'epoch', yFormat: formatNumber });
  private metricName: 'accuracy' | 'mae' | undefined;
  private metric = metricChart(undefined);
  private readonly metricCard = card('Accuracy', this.metric.root);

  constructor(private readonly context: ViewContext) {
    const lossCard = card('Loss', this.loss.root);
    lossCard.root.classList.add('curves', 'loss-card');
    this.metricCard.root.classList.add('curves', 'metric-card');
    this.root = el('div', { className: 'card-pair' }, lossCard.root, this.metricCard.root);
  }

  update(state: PanelState): void {
    const run = state.train[0];
    const theme = this.context.theme();
    const [trainColor, valColor] = theme.series;
    const xs = run?.epochs ?? [];
    this.loss.update(
      xs,
      [
        { label: 'train', color: trainColor, values: run?.trainLoss ?? [] },
        { label: 'validation', color: valColor, values: run?.valLoss ?? [] },
      ],
      theme,
    );
    const name = run?.metricName;
    if (name !== this.metricName) {
      this.metricName = name;
      this.metric.destroy();
      this.metric.root.remove();
      this.metric = metricChart(name);
      this.metricCard.body.appendChild(this.metric.root);
      this.metricCard.heading.textContent = name === 'mae' ? 'Mean absolute error' : 'Accuracy';
    }
    this.metric.update(
      xs,
      [
        { label: `train ${metricLabel(name)}`, color: trainColor, values: run?.trainMetric ?? [] },
        { label: `validation ${metricLabel(name)}`, color: valColor, values: run?.valMetric ?? [] },
      ],
      theme,
    );
  }
}
