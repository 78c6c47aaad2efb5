/** A line chart on uPlot that follows the theme and its container's width. */
import uPlot from 'uplot';
import { el, setText } from './dom';
import type { Theme } from './theme';

export interface SeriesData {
  label: string;
  color: string;
  values: readonly number[];
  dashed?: boolean;
}

export interface LineChartOptions {
  height: number;
  /** Logarithmic y axis (values ≤ 0 are left out). */
  logY?: boolean;
  /** Fixed y range, e.g. [0, 1] for accuracy. */
  yRange?: [number, number];
  xLabel?: string;
  /** Formats y tick labels. */
  yFormat?: (value: number) => string;
  legend?: boolean;
}

const MIN_WIDTH = 160;

export class LineChart {
  readonly root = el('div', { className: 'chart' });
  private readonly empty = el('div', { className: 'chart-empty', text: 'Waiting for data…' });
  private plot: uPlot | undefined;
  private signature = '';
  private width = 0;

  constructor(private readonly options: LineChartOptions) {
    this.root.appendChild(this.empty);
    this.root.style.minHeight = `${options.height}px`;
    new ResizeObserver(() => this.resize()).observe(this.root);
  }

  /** Shows the series over `xs`; rebuilds the chart only when the set of series or the theme changed. */
  update(xs: readonly number[], series: readonly SeriesData[], theme: Theme): void {
    const columns = series.map((s) => clean(s.values, this.options.logY === true));
    const hasData = xs.length > 0 && columns.some((c) => c.some((v) => v !== null));
    this.empty.hidden = hasData;
    if (!hasData) {
      // A log axis leaves out values ≤ 0: when the run did report values, say so instead of "waiting".
      setText(
        this.empty,
        xs.length > 0 && this.options.logY
          ? 'Nothing to draw on a log scale: no value is above 0.'
          : 'Waiting for data…',
      );
      this.destroy();
      return;
    }
    const data = [Array.from(xs), ...columns] as uPlot.AlignedData;
    const signature = JSON.stringify([
      series.map((s) => [s.label, s.color, s.dashed]),
      theme.kind,
      theme.foreground,
      theme.grid,
    ]);
    if (this.plot && signature === this.signature) {
      this.plot.setData(data);
      return;
    }
    this.destroy();
    this.signature = signature;
    this.plot = new uPlot(this.plotOptions(series, theme), data, this.root);
  }

  private plotOptions(series: readonly SeriesData[], theme: Theme): uPlot.Options {
    // On a log axis only powers of ten get a grid line, a tick and a label (the minor lines would crowd it).
    const decades: uPlot.Axis.Filter = (_u, splits) => splits.map((v) => (isPowerOfTen(v) ? v : null));
    const axis = (options: {
      label?: string;
      format?: (v: number) => string;
      log?: boolean;
      size: number;
    }): uPlot.Axis => {
      // uPlot treats a key set to undefined as a value, so optional keys are only added when used.
      const only = options.log ? { filter: decades } : {};
      const result: uPlot.Axis = {
        stroke: theme.muted,
        grid: { stroke: theme.grid, width: 1, ...only },
        ticks: { stroke: theme.grid, width: 1, ...only },
        ...only,
        labelSize: options.label ? 16 : 0,
        size: options.size,
      };
      if (options.label) result.label = options.label;
      const format = options.format;
      if (format) result.values = (_u, splits) => splits.map((v) => (v === null ? '' : format(v)));
      return result;
    };
    return {
      width: this.currentWidth(),
      height: this.options.height,
      legend: { show: this.options.legend !== false, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false },
        y: this.options.logY
          ? { distr: 3, log: 10 }
          : this.options.yRange
            ? { auto: false, range: this.options.yRange }
            : { auto: true },
      },
      axes: [
        axis({ label: this.options.xLabel, size: 40 }),
        axis({ format: this.options.yFormat, log: this.options.logY, size: 54 }),
      ],
      series: [
        { label: this.options.xLabel ?? 'x' },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          ...(s.dashed ? { dash: [6, 4] } : {}),
          spanGaps: true,
          points: { show: false },
        })),
      ],
    };
  }

  private currentWidth(): number {
    return Math.max(MIN_WIDTH, Math.floor(this.root.clientWidth || this.width || 320));
  }

  private resize(): void {
    const width = this.currentWidth();
    if (width === this.width) return;
    this.width = width;
    this.plot?.setSize({ width, height: this.options.height });
  }

  destroy(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.signature = '';
  }
}

/** uPlot draws gaps for null; NaN, ±∞ and (on a log axis) values ≤ 0 become gaps. */
function clean(values: readonly number[], log: boolean): (number | null)[] {
  return values.map((v) => (Number.isFinite(v) && (!log || v > 0) ? v : null));
}

function isPowerOfTen(value: number): boolean {
  if (!(value > 0)) return false;
  const exponent = Math.log10(value);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9;
}
