/**
 * Draws a model-output grid (decision boundary, or one hidden unit) on a canvas, with data points on top.
 * The grid is colored pixel by pixel at its own resolution, then scaled to the canvas in one drawImage.
 */
import { buildLut, fillGridPixels, type GridKind, type GridLike, type Rgb } from './colormap';

export interface HeatmapPoint {
  x: number;
  y: number;
  label: number;
  split: 'train' | 'validation';
}

export interface HeatmapScene {
  grid: GridLike;
  kind: GridKind;
  discretize: boolean;
  xRange: [number, number];
  yRange: [number, number];
  points?: readonly HeatmapPoint[];
}

export interface HeatmapColors {
  background: Rgb;
  /** [low, high] for binary and real values; one per class for multiclass. */
  classes: Rgb[];
  /** Outline of training points. */
  outline: string;
}

export class HeatmapPainter {
  private readonly offscreen = document.createElement('canvas');
  private image: ImageData | undefined;
  private lut: Uint8ClampedArray | undefined;
  private lutKey = '';
  private readonly layer = document.createElement('canvas');
  private layerPoints: readonly HeatmapPoint[] | undefined;
  private layerKey = '';

  /** The data points on a transparent canvas; redrawn only when the points, size or colors change (not every epoch). */
  private pointsLayer(size: number, scene: HeatmapScene, colors: HeatmapColors): HTMLCanvasElement {
    const ratio = window.devicePixelRatio || 1;
    const key = `${size}|${ratio}|${scene.kind}|${scene.xRange.join()}|${scene.yRange.join()}|${colors.outline}|${colors.background.join()}|${colors.classes.map((c) => c.join()).join(';')}`;
    if (scene.points === this.layerPoints && key === this.layerKey) return this.layer;
    this.layerPoints = scene.points;
    this.layerKey = key;
    this.layer.width = this.layer.height = Math.round(size * ratio);
    const ctx = this.layer.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size, size);
    drawPoints(ctx, size, scene, colors);
    return this.layer;
  }

  /** Paints the scene into a square of `size` CSS pixels at the context's origin. */
  draw(ctx: CanvasRenderingContext2D, size: number, scene: HeatmapScene, colors: HeatmapColors): void {
    const { grid } = scene;
    const key = `${scene.kind}|${scene.discretize}|${colors.background.join()}|${colors.classes.map((c) => c.join()).join(';')}`;
    if (!this.lut || key !== this.lutKey) {
      this.lut = buildLut({ background: colors.background, classes: colors.classes }, scene.kind, scene.discretize);
      this.lutKey = key;
    }
    if (!this.image || this.image.width !== grid.width || this.image.height !== grid.height) {
      this.offscreen.width = grid.width;
      this.offscreen.height = grid.height;
      this.image = new ImageData(grid.width, grid.height);
    }
    fillGridPixels(this.image.data, grid, this.lut, scene.kind, colors.background);
    this.offscreen.getContext('2d')!.putImageData(this.image, 0, 0);
    ctx.imageSmoothingEnabled = !scene.discretize;
    ctx.drawImage(this.offscreen, 0, 0, size, size);
    if (scene.points?.length) ctx.drawImage(this.pointsLayer(size, scene, colors), 0, 0, size, size);
  }
}

function pointColor(scene: HeatmapScene, colors: HeatmapColors, label: number, low: number, high: number): Rgb {
  if (scene.kind === 'multiclass') return colors.classes[label] ?? colors.classes[0];
  if (scene.kind === 'binary') return colors.classes[label >= 0.5 ? 1 : 0];
  const t = high > low ? (label - low) / (high - low) : 0.5;
  return colors.classes[t >= 0.5 ? 1 : 0];
}

function drawPoints(ctx: CanvasRenderingContext2D, size: number, scene: HeatmapScene, colors: HeatmapColors): void {
  const points = scene.points!;
  const [x0, x1] = scene.xRange;
  const [y0, y1] = scene.yRange;
  const sx = size / (x1 - x0 || 1);
  const sy = size / (y1 - y0 || 1);
  let low = Infinity;
  let high = -Infinity;
  if (scene.kind === 'regression' || scene.kind === 'signed') {
    for (const p of points) {
      low = Math.min(low, p.label);
      high = Math.max(high, p.label);
    }
  }
  const radius = size >= 200 ? 3 : 2;
  // One path per color and split keeps the number of fill and stroke calls small.
  const groups = new Map<string, { color: Rgb; split: HeatmapPoint['split']; coords: number[] }>();
  for (const p of points) {
    const color = pointColor(scene, colors, p.label, low, high);
    const key = `${p.split}|${color.join()}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { color, split: p.split, coords: [] }));
    group.coords.push((p.x - x0) * sx, size - (p.y - y0) * sy);
  }
  // Training points first, so the rings of validation points stay visible on top.
  const ordered = [...groups.values()].sort((a, b) => (a.split === b.split ? 0 : a.split === 'train' ? -1 : 1));
  for (const { color, split, coords } of ordered) {
    ctx.beginPath();
    for (let i = 0; i < coords.length; i += 2) {
      ctx.moveTo(coords[i] + radius, coords[i + 1]);
      ctx.arc(coords[i], coords[i + 1], radius, 0, Math.PI * 2);
    }
    const css = `rgb(${color[0]}, ${color[1]}, ${color[2]})`;
    if (split === 'train') {
      ctx.fillStyle = css;
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = colors.outline;
    } else {
      // Validation points: hollow rings, so the two splits can be told apart.
      ctx.fillStyle = `rgb(${colors.background.join(', ')})`;
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = css;
    }
    ctx.stroke();
  }
}
