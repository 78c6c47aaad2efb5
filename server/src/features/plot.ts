/**
 * A small SVG line plot of an activation and its derivative, computed from the catalog's bind(params).
 * Built for hovers: transparent background, mid-tone colours that read on light and dark themes, axes,
 * tick labels and a legend. Embedded in Markdown as a base64 `data:` image.
 */
import type { ActivationDef, ParamValues } from '../catalog/types';
import { utf8ToBase64 } from '../base64';

export interface Curve {
  label: string;
  color: string;
  dashed?: boolean;
  /** Each segment is drawn as one polyline; segments break where the curve jumps. */
  segments: [number, number][][];
}

export interface PlotOptions {
  width: number;
  height: number;
  xMin: number;
  xMax: number;
  /** Samples across the whole x range. */
  samples: number;
}

const DEFAULTS: PlotOptions = { width: 360, height: 150, xMin: -5, xMax: 5, samples: 241 };

/** Mid-tone colours: legible on white and on near-black backgrounds alike. */
const PLOT_COLORS = { f: '#3b8eea', df: '#e5871b', axis: '#8c8c8c', text: '#8c8c8c' } as const;

const MARGIN = { left: 34, right: 12, top: 22, bottom: 20 };

/** The functions to draw for an activation, and how to label them. */
export interface PlotFunctions {
  // Properties, not methods: callers pass f and df around on their own.
  f: (x: number) => number;
  df: (x: number) => number;
  fLabel: string;
  dfLabel: string;
  /** Where the curves jump or bend sharply; sampling breaks there. */
  kinks: number[];
  /** One sentence that says what the plot shows when it is not simply f and f′. */
  caption?: string;
}

/** f and f′ of an activation with these parameters; softmax and maxout get a meaningful one-unit stand-in. */
export function plotFunctions(def: ActivationDef, params: ParamValues): PlotFunctions {
  if (def.shape === 'maxout') return maxoutExample(Math.max(2, Math.round(Number(params.pieces) || 2)));
  const bound = def.bind(params);
  if (def.shape === 'softmax') {
    return {
      f: bound.f,
      df: bound.df,
      fLabel: 'softmax([x, 0])₀',
      dfLabel: 'its slope',
      kinks: def.kinks(params),
      caption:
        'Softmax acts on a whole layer; the plot shows one unit against a single rival score of 0, where it equals σ(x).',
    };
  }
  return { f: bound.f, df: bound.df, fLabel: 'f(x)', dfLabel: 'f′(x)', kinks: def.kinks(params) };
}

/**
 * Maxout learns its pieces, so the plot shows one example unit: the maximum of k lines tangent to x²/8
 * (convex, like every maxout unit), and the slope of the winning line.
 */
function maxoutExample(pieces: number): PlotFunctions {
  const lines = Array.from({ length: pieces }, (_, j) => {
    const at = -2 + (6 * j) / (pieces - 1);
    return { slope: at / 4, bias: -(at * at) / 8 };
  });
  const winner = (x: number) =>
    lines.reduce((best, l) => (l.slope * x + l.bias > best.slope * x + best.bias ? l : best));
  const kinks: number[] = [];
  for (let j = 0; j + 1 < lines.length; j++) {
    const a = lines[j],
      b = lines[j + 1];
    kinks.push((a.bias - b.bias) / (b.slope - a.slope));
  }
  return {
    f: (x) => {
      const l = winner(x);
      return l.slope * x + l.bias;
    },
    df: (x) => winner(x).slope,
    fLabel: `example unit (k = ${pieces})`,
    dfLabel: 'its slope',
    kinks,
    caption: `Maxout learns its own pieces; the plot shows one example unit with ${pieces} pieces.`,
  };
}

/** Samples f over [xMin, xMax], split into segments at the kinks inside the range. */
export function sampleCurve(
  f: (x: number) => number,
  kinks: readonly number[],
  options: Pick<PlotOptions, 'xMin' | 'xMax' | 'samples'>,
): [number, number][][] {
  const { xMin, xMax, samples } = options;
  const cuts = [...new Set(kinks)].filter((k) => k > xMin && k < xMax).sort((a, b) => a - b);
  const bounds = [xMin, ...cuts, xMax];
  const eps = (xMax - xMin) * 1e-9;
  const segments: [number, number][][] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = i === 0 ? bounds[i] : bounds[i] + eps;
    const to = i + 2 === bounds.length ? bounds[i + 1] : bounds[i + 1] - eps;
    const n = Math.max(2, Math.ceil(((to - from) / (xMax - xMin)) * (samples - 1)) + 1);
    const points: [number, number][] = [];
    for (let s = 0; s < n; s++) {
      const x = from + ((to - from) * s) / (n - 1);
      const y = f(x);
      if (Number.isFinite(y)) points.push([x, y]);
    }
    if (points.length > 0) segments.push(points);
  }
  return segments;
}

/** Tick values at a round step (1, 2 or 5 × 10ⁿ) giving about `count` ticks over [min, max]. */
export function niceTicks(min: number, max: number, count: number): number[] {
  const span = max - min;
  if (!(span > 0)) return [min];
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step)
    ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (v: number) => String(Math.round(v * 100) / 100);
const tickLabel = (v: number) => String(Number(v.toPrecision(6))).replace('-', '−');

/** Draws the curves as an SVG document. */
function renderPlot(curves: readonly Curve[], partial: Partial<PlotOptions> = {}, title?: string): string {
  const o = { ...DEFAULTS, ...partial };
  const ys = curves.flatMap((c) => c.segments.flat().map((p) => p[1]));
  let yMin = Math.min(0, ...ys),
    yMax = Math.max(0, ...ys);
  if (yMax - yMin < 1e-9) {
    yMin -= 1;
    yMax += 1;
  }
  const pad = (yMax - yMin) * 0.08;
  yMin -= pad;
  yMax += pad;

  const left = MARGIN.left,
    right = o.width - MARGIN.right,
    top = MARGIN.top,
    bottom = o.height - MARGIN.bottom;
  const sx = (x: number) => left + ((x - o.xMin) / (o.xMax - o.xMin)) * (right - left);
  const sy = (y: number) => bottom - ((y - yMin) / (yMax - yMin)) * (bottom - top);

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${o.height}" viewBox="0 0 ${o.width} ${o.height}" font-family="-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" font-size="12">`,
  );
  if (title) parts.push(`<title>${esc(title)}</title>`);
  // Grid and tick labels.
  for (const t of niceTicks(yMin, yMax, 4)) {
    const y = num(sy(t));
    parts.push(
      `<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="${PLOT_COLORS.axis}" stroke-opacity="0.25" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${left - 4}" y="${y}" dy="0.35em" text-anchor="end" fill="${PLOT_COLORS.text}">${esc(tickLabel(t))}</text>`,
    );
  }
  for (const t of niceTicks(o.xMin, o.xMax, 10)) {
    const x = num(sx(t));
    parts.push(
      `<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="${PLOT_COLORS.axis}" stroke-opacity="0.12" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${x}" y="${bottom + 14}" text-anchor="middle" fill="${PLOT_COLORS.text}">${esc(tickLabel(t))}</text>`,
    );
  }
  // Axes through the origin (or along the edge when 0 is out of range).
  const x0 = num(sx(Math.min(Math.max(0, o.xMin), o.xMax)));
  const y0 = num(sy(Math.min(Math.max(0, yMin), yMax)));
  parts.push(
    `<line x1="${left}" y1="${y0}" x2="${right}" y2="${y0}" stroke="${PLOT_COLORS.axis}" stroke-width="1.2"/>`,
  );
  parts.push(
    `<line x1="${x0}" y1="${top}" x2="${x0}" y2="${bottom}" stroke="${PLOT_COLORS.axis}" stroke-width="1.2"/>`,
  );
  // Curves: f′ first so that f is drawn on top.
  for (const curve of [...curves].reverse()) {
    for (const segment of curve.segments) {
      const points = segment.map(([x, y]) => `${num(sx(x))},${num(sy(y))}`).join(' ');
      parts.push(
        `<polyline points="${points}" fill="none" stroke="${curve.color}" stroke-width="${curve.dashed ? 1.8 : 2.4}"` +
          `${curve.dashed ? ' stroke-dasharray="5 3"' : ''} stroke-linejoin="round" stroke-linecap="round"/>`,
      );
    }
  }
  // Legend across the top.
  let lx = left + 4;
  for (const curve of curves) {
    parts.push(
      `<line x1="${lx}" y1="10" x2="${lx + 20}" y2="10" stroke="${curve.color}" stroke-width="${curve.dashed ? 1.8 : 2.4}"${curve.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
    );
    parts.push(`<text x="${lx + 25}" y="10" dy="0.35em" fill="${PLOT_COLORS.text}">${esc(curve.label)}</text>`);
    lx += 25 + curve.label.length * 6.8 + 18;
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The SVG plot of an activation and its derivative over [−5, 5]. */
export function activationPlotSvg(def: ActivationDef, params: ParamValues, partial: Partial<PlotOptions> = {}): string {
  const o = { ...DEFAULTS, ...partial };
  const fns = plotFunctions(def, params);
  const curves: Curve[] = [
    { label: fns.fLabel, color: PLOT_COLORS.f, segments: sampleCurve(fns.f, fns.kinks, o) },
    { label: fns.dfLabel, color: PLOT_COLORS.df, dashed: true, segments: sampleCurve(fns.df, fns.kinks, o) },
  ];
  return renderPlot(curves, o, `${def.name} and its derivative on [${o.xMin}, ${o.xMax}]`);
}

/** A `data:` URI holding the SVG, base64-encoded from UTF-8. */
function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${utf8ToBase64(svg)}`;
}

const cache = new Map<string, string>();

/** The Markdown image of an activation's plot (cached per activation and parameter values). */
export function activationPlotMarkdown(def: ActivationDef, params: ParamValues): string {
  const key = `${def.name}${JSON.stringify(params)}`;
  let image = cache.get(key);
  if (image === undefined) {
    image = `![Plot of ${def.name} and its derivative from −5 to 5](${svgDataUri(activationPlotSvg(def, params))})`;
    if (cache.size > 200) cache.clear();
    cache.set(key, image);
  }
  return image;
}
