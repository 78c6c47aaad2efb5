/** Colors for canvases and charts, read from VS Code's theme variables so they follow the theme. */
import { parseColor, type Rgb } from './colormap';

export interface Theme {
  kind: 'light' | 'dark' | 'high-contrast';
  foreground: string;
  muted: string;
  background: string;
  backgroundRgb: Rgb;
  grid: string;
  /** Line colors: [0] train / first run, [1] validation / second run, then further runs. */
  series: string[];
  /** Class colors for heatmaps and points: binary uses [0] (class 0) and [1] (class 1). */
  classes: Rgb[];
}

const FALLBACK_CLASS_COLORS = [
  '#f5a623',
  '#3794ff',
  '#89d185',
  '#f14c4c',
  '#b180d7',
  '#cca700',
  '#4ec9b0',
  '#e06c9f',
  '#a1887f',
  '#9e9e9e',
];

let probe: CanvasRenderingContext2D | null = null;

/** Resolves any CSS color to `#rrggbb` or `rgba(…)` through a canvas, which understands every syntax. */
function normalizeColor(css: string, fallback: string): string {
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe || !css.trim()) return fallback;
  probe.fillStyle = fallback;
  probe.fillStyle = css.trim();
  return probe.fillStyle as string;
}

function variable(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return normalizeColor(style.getPropertyValue(name), fallback);
}

/** The color without its alpha: some themes give chart colors translucent, which washes out thin lines. */
function opaque(css: string): string {
  const rgb = parseColor(css);
  return rgb ? rgbCss(rgb) : css;
}

export function readTheme(): Theme {
  const style = getComputedStyle(document.body);
  const classList = document.body.classList;
  const kind =
    classList.contains('vscode-high-contrast') || classList.contains('vscode-high-contrast-light')
      ? 'high-contrast'
      : classList.contains('vscode-light')
        ? 'light'
        : 'dark';
  const background = variable(style, '--vscode-editor-background', kind === 'light' ? '#ffffff' : '#1e1e1e');
  const charts = ['orange', 'blue', 'green', 'red', 'purple', 'yellow'].map((name, i) =>
    opaque(variable(style, `--vscode-charts-${name}`, FALLBACK_CLASS_COLORS[i])),
  );
  const [orange, blue, green, red, purple, yellow] = charts;
  const classes = [orange, blue, green, red, purple, yellow, ...FALLBACK_CLASS_COLORS.slice(6)].map(
    (c): Rgb => parseColor(c) ?? [128, 128, 128],
  );
  return {
    kind,
    foreground: variable(style, '--vscode-foreground', kind === 'light' ? '#333333' : '#cccccc'),
    muted: variable(style, '--vscode-descriptionForeground', '#888888'),
    background,
    backgroundRgb: parseColor(background) ?? [30, 30, 30],
    grid: variable(style, '--vscode-charts-lines', kind === 'light' ? '#d0d0d0' : '#404040'),
    series: [blue, orange, green, purple, red, yellow, ...FALLBACK_CLASS_COLORS.slice(6)],
    classes,
  };
}

export function rgbCss(color: Rgb): string {
  return `rgb(${Math.round(color[0])}, ${Math.round(color[1])}, ${Math.round(color[2])})`;
}
