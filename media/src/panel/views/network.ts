/**
 * The network view: the layers as columns of units from inputs to output, each hidden unit with its picture
 * over the input plane, and the connections coloured by sign and as thick as the weight is large.
 * Connections and units are SVG (hover shows a <title>); the pictures are canvases laid over the units.
 */
import type { LayerConnections, NeuronGrid, PanelLayer } from '../../../../server/src/protocol';
import { card, clear, el, sizeCanvas } from '../dom';
import { HeatmapPainter } from '../heatmap';
import { formatNumber } from '../numbers';
import { inputNames } from '../inputNames';
import { visibleRuns, type PanelState, type RunRecord } from '../state';
import { rgbCss, type Theme } from '../theme';
import { gridKindOf, heatmapColors } from './boundary';
import type { View, ViewContext } from './context';

const SVG = 'http://www.w3.org/2000/svg';
/** A column shows at most this many units; wider layers show their first and last ones around a count. */
const MAX_SHOWN = 10;
const HEAD_SHOWN = 5;
const UNIT = 34;
const ROW = 44;
const TOP = 30;
const MIN_GAP = 64;

/** One drawn slot of a column: a unit, or the elided middle of a wide layer. */
type Slot = { unit: number } | { hidden: number };

interface Column {
  title: string;
  /** Where the layer is written (none for the inputs). */
  sourceIndex?: number;
  layer?: PanelLayer;
  units: number;
  unitNames?: string[];
  slots: Slot[];
}

/** The units a column draws: all of them, or the first and last around the number left out. */
export function columnSlots(units: number): Slot[] {
  if (units <= MAX_SHOWN) return Array.from({ length: units }, (_, unit) => ({ unit }));
  const tail = MAX_SHOWN - HEAD_SHOWN - 1;
  return [
    ...Array.from({ length: HEAD_SHOWN }, (_, unit) => ({ unit })),
    { hidden: units - HEAD_SHOWN - tail },
    ...Array.from({ length: tail }, (_, k) => ({ unit: units - tail + k })),
  ];
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  title?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (title !== undefined) {
    const t = document.createElementNS(SVG, 'title');
    t.textContent = title;
    node.appendChild(t);
  }
  return node;
}

/** What a unit's picture says about it: its range over the plane, and whether it is dead or saturated there. */
function unitHealth(
  grid: NeuronGrid | undefined,
  activation: string | undefined,
): { text: string; mark?: 'dead' | 'saturated' } {
  if (!grid || grid.values.length === 0) return { text: '' };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of grid.values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  const text = `activation over the plane: mean ${formatNumber(sum / grid.values.length)}, from ${formatNumber(min)} to ${formatNumber(max)}`;
  const name = activation ?? '';
  if (/relu|elu|gelu|swish|softplus/.test(name) && max <= 1e-6 && min >= -1e-6) return { text, mark: 'dead' };
  const tails = name.startsWith('sigmoid')
    ? (v: number) => v < 0.02 || v > 0.98
    : name.startsWith('tanh')
      ? (v: number) => Math.abs(v) > 0.96
      : undefined;
  if (tails && grid.values.filter(tails).length >= 0.9 * grid.values.length) return { text, mark: 'saturated' };
  return { text };
}

export class NetworkView implements View {
  readonly root: HTMLElement;
  private readonly stage = el('div', { className: 'network-stage' });
  private readonly note = el('p', { className: 'muted network-note' });
  private readonly painters = new Map<string, HeatmapPainter>();

  constructor(private readonly context: ViewContext) {
    const { root } = card('Network', this.note, this.stage);
    root.classList.add('network');
    this.root = root;
  }

  update(state: PanelState): void {
    const run: RunRecord | undefined = visibleRuns(state)[0];
    const layers = (state.init?.layers ?? []).filter((l) => l.kind === 'dense' && l.units !== undefined);
    clear(this.stage);
    if (layers.length === 0) {
      this.note.textContent = 'The network appears here once the model is known.';
      return;
    }
    const latest = run?.latest;
    const connections = new Map((latest?.connections ?? []).map((c) => [c.layer, c]));
    const inputs = run?.started?.spec.input ?? latest?.connections?.[0]?.inWidth;
    const columns: Column[] = [];
    if (inputs !== undefined) {
      const seen = inputNames(state, run);
      const names = seen?.length === inputs ? seen : Array.from({ length: inputs }, (_, i) => `x${i + 1}`);
      columns.push({ title: 'input', units: inputs, unitNames: names, slots: columnSlots(inputs) });
    }
    for (const layer of layers) {
      columns.push({
        title: layer.name,
        sourceIndex: layer.sourceIndex,
        layer,
        units: layer.units!,
        slots: columnSlots(layer.units!),
      });
    }
    const weightsSent = latest?.connections?.some((c) => c.weights) ?? false;
    this.note.textContent = !latest
      ? 'Weights and unit pictures appear while the model trains.'
      : latest.connections && !weightsSent
        ? "This model has too many weights to send them all: links show each layer's mean size only."
        : 'Blue links are positive weights, orange negative; thicker means larger. Click a layer or unit to show its line.';
    this.draw(columns, connections, latest?.neurons ?? [], run);
  }

  private draw(
    columns: Column[],
    connections: Map<string, LayerConnections>,
    neurons: readonly NeuronGrid[],
    run: RunRecord | undefined,
  ): void {
    const theme = this.context.theme();
    const width = Math.max(columns.length * MIN_GAP, this.stage.clientWidth || 640);
    const gap = columns.length > 1 ? (width - UNIT - 16) / (columns.length - 1) : 0;
    const rows = Math.max(...columns.map((c) => c.slots.length));
    const height = TOP + rows * ROW + 4;
    const x = (c: number) => 8 + c * gap;
    const y = (c: number, s: number) => TOP + ((rows - columns[c].slots.length) * ROW) / 2 + s * ROW;
    const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'network-svg', role: 'img' });
    const links = svg('g', { class: 'network-links' });
    root.appendChild(links);
    const grids = new Map(neurons.map((g) => [`${g.layer}#${g.unit}`, g]));
    const positive = rgbCss(theme.classes[1]);
    const negative = rgbCss(theme.classes[0]);

    columns.forEach((column, c) => {
      if (c > 0)
        this.drawLinks(links, columns[c - 1], column, connections.get(column.title), c, x, y, {
          positive,
          negative,
          muted: theme.muted,
        });
      const header = svg(
        'text',
        { x: x(c) + UNIT / 2, y: 14, class: 'network-layer', 'text-anchor': 'middle', 'data-layer': column.title },
        column.sourceIndex === undefined
          ? undefined
          : `${column.title}: ${column.units} unit${column.units === 1 ? '' : 's'}${column.layer?.activation ? `, ${column.layer.activation}` : ''}. Click to show its line.`,
      );
      header.appendChild(document.createTextNode(column.title));
      root.appendChild(header);
      if (column.sourceIndex !== undefined) this.onReveal(header, column.sourceIndex);
      column.slots.forEach((slot, s) => {
        if ('hidden' in slot) {
          const more = svg(
            'text',
            { x: x(c) + UNIT / 2, y: y(c, s) + UNIT / 2 + 4, class: 'network-elided', 'text-anchor': 'middle' },
            `${slot.hidden} units not drawn`,
          );
          more.appendChild(document.createTextNode(`+${slot.hidden}`));
          root.appendChild(more);
          return;
        }
        root.appendChild(this.unitNode(column, slot.unit, x(c), y(c, s), grids.get(`${column.title}#${slot.unit}`)));
      });
    });
    this.stage.appendChild(root);
    this.drawPictures(columns, grids, x, y, theme, run);
  }

  private unitNode(column: Column, unit: number, ux: number, uy: number, grid: NeuronGrid | undefined): SVGGElement {
    const name = column.unitNames?.[unit] ?? `unit ${unit + 1}`;
    const health = unitHealth(grid, column.layer?.activation);
    const lines = [
      `${column.title}, ${name}`,
      health.text,
      health.mark ? `${health.mark} over the input plane` : '',
    ].filter(Boolean);
    const g = svg(
      'g',
      { class: `network-unit${health.mark ? ` ${health.mark}` : ''}`, 'data-layer': column.title, 'data-unit': unit },
      lines.join('\n'),
    );
    g.appendChild(svg('rect', { x: ux, y: uy, width: UNIT, height: UNIT, rx: 3 }));
    if (column.sourceIndex === undefined) {
      const label = svg('text', {
        x: ux + UNIT / 2,
        y: uy + UNIT / 2 + 4,
        'text-anchor': 'middle',
        class: 'network-input',
      });
      label.textContent = name.length > 7 ? `${name.slice(0, 6)}…` : name;
      g.appendChild(label);
    } else {
      this.onReveal(g, column.sourceIndex);
    }
    return g;
  }

  private drawLinks(
    parent: SVGGElement,
    from: Column,
    to: Column,
    weights: LayerConnections | undefined,
    c: number,
    x: (c: number) => number,
    y: (c: number, s: number) => number,
    colors: { positive: string; negative: string; muted: string },
  ): void {
    from.slots.forEach((a, i) => {
      if (!('unit' in a)) return;
      to.slots.forEach((b, j) => {
        if (!('unit' in b)) return;
        const attrs = { x1: x(c - 1) + UNIT, y1: y(c - 1, i) + UNIT / 2, x2: x(c), y2: y(c, j) + UNIT / 2 };
        const label = `${from.unitNames?.[a.unit] ?? `${from.title} unit ${a.unit + 1}`} → ${to.title} unit ${b.unit + 1}`;
        if (weights?.weights && a.unit < weights.inWidth && b.unit < weights.units) {
          const w = weights.weights[b.unit * weights.inWidth + a.unit];
          const scale = weights.maxAbs > 0 ? Math.abs(w) / weights.maxAbs : 0;
          parent.appendChild(
            svg(
              'line',
              {
                ...attrs,
                class: `network-link ${w >= 0 ? 'positive' : 'negative'}`,
                stroke: w >= 0 ? colors.positive : colors.negative,
                'stroke-width': (0.4 + 3.6 * scale).toFixed(2),
                'stroke-opacity': (0.35 + 0.6 * scale).toFixed(2),
                'data-weight': String(w),
              },
              `${label}: weight ${formatNumber(w)}`,
            ),
          );
        } else {
          const mean = weights ? `; mean |weight| of the layer ${formatNumber(weights.meanAbs)}` : '';
          parent.appendChild(
            svg(
              'line',
              {
                ...attrs,
                class: 'network-link unknown',
                stroke: colors.muted,
                'stroke-width': 0.6,
                'stroke-opacity': 0.4,
              },
              `${label}${mean}`,
            ),
          );
        }
      });
    });
  }

  /** Unit pictures: canvases laid over the SVG units (they let clicks and hovers through to them). */
  private drawPictures(
    columns: Column[],
    grids: Map<string, NeuronGrid>,
    x: (c: number) => number,
    y: (c: number, s: number) => number,
    theme: Theme,
    run: RunRecord | undefined,
  ): void {
    const boundary = run?.latest?.boundary;
    const used = new Set<string>();
    columns.forEach((column, c) => {
      const output = column.layer?.role === 'output';
      column.slots.forEach((slot, s) => {
        if (!('unit' in slot)) return;
        const key = `${column.title}#${slot.unit}`;
        const grid = output && column.units === 1 ? boundary : grids.get(key);
        if (!grid) return;
        const kind = output ? gridKindOf(run) : 'signed';
        let painter = this.painters.get(key);
        if (!painter) this.painters.set(key, (painter = new HeatmapPainter()));
        used.add(key);
        const canvas = el('canvas', { className: 'network-picture' });
        canvas.style.left = `${x(c) + 1}px`;
        canvas.style.top = `${y(c, s) + 1}px`;
        const size = UNIT - 2;
        painter.draw(
          sizeCanvas(canvas, size, size),
          size,
          { grid, kind, discretize: false, xRange: [0, 1], yRange: [0, 1] },
          heatmapColors(theme, kind),
        );
        this.stage.appendChild(canvas);
      });
    });
    for (const key of [...this.painters.keys()]) if (!used.has(key)) this.painters.delete(key);
  }

  private onReveal(node: SVGElement, sourceIndex: number): void {
    node.addEventListener('click', () => this.context.post({ type: 'revealLayer', sourceIndex }));
  }
}
