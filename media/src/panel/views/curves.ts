/** Loss and metric curves of the Train tab. */
import { LineChart } from '../charts';
import { card } from '../dom';
import { formatNumber, metricLabel } from '../format';
import type { PanelState } from '../state';
import type { View, ViewContext } from './context';

export class CurvesView implements View {
  readonly root: HTMLElement;
  private readonly loss = new LineChart({ height: 200, xLabel: 'epoch', yFormat: formatNumber });
  private readonly metric = new LineChart({ height: 200, xLabel: 'epoch' });
  private readonly metricCard = card('Accuracy', this.metric.root);
  private metricName: 'accuracy' | 'mae' | undefined;
  private metricChart = this.metric;

  constructor(private readonly context: ViewContext) {
    const lossCard = card('Loss', this.loss.root);
    lossCard.root.classList.add('curves');
    this.metricCard.root.classList.add('curves');
    this.root = document.createElement('div');
    this.root.className = 'card-pair';
    this.root.append(lossCard.root, this.metricCard.root);
  }

  update(state: PanelState): void {
    const run = state.train[0];
    const theme = this.context.theme();
    const [trainColor, valColor] = theme.series;
    const xs = run?.epochs ?? [];
    this.loss.update(xs, [
      { label: 'train', color: trainColor, values: run?.trainLoss ?? [] },
      { label: 'validation', color: valColor, values: run?.valLoss ?? [] },
    ], theme);
    const name = run?.metricName;
    if (name !== this.metricName) {
      // Accuracy lives on [0, 1] as a percentage; MAE has its own scale.
      this.metricName = name;
      this.metricChart.destroy();
      this.metricChart.root.remove();
      this.metricChart = name === 'mae'
        ? new LineChart({ height: 200, xLabel: 'epoch', yFormat: formatNumber })
        : new LineChart({ height: 200, xLabel: 'epoch', yRange: [0, 1], yFormat: (v) => `${Math.round(v * 100)}%` });
      this.metricCard.body.appendChild(this.metricChart.root);
      this.metricCard.heading.textContent = name === 'mae' ? 'Mean absolute error' : 'Accuracy';
    }
    this.metricChart.update(xs, [
      { label: `train ${metricLabel(name)}`, color: trainColor, values: run?.trainMetric ?? [] },
      { label: `validation ${metricLabel(name)}`, color: valColor, values: run?.valMetric ?? [] },
    ], theme);
  }
}
