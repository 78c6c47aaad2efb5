/**
 * Turns a grid of model outputs into RGBA pixels through a precomputed lookup table.
 * Pure (no DOM), so the benchmark and the unit tests run it in Node.
 */

export type Rgb = [number, number, number];

/** How the grid's values are read. */
export type GridKind =
  /** Probability of class 1 in [0, 1]. */
  | 'binary'
  /** Winning class index, with an optional confidence per cell. */
  | 'multiclass'
  /** Any real value, spread between the grid's own min and max. */
  | 'regression'
  /** Any real value, centred on 0 (a hidden unit's activation). */
  | 'signed';

export interface GridPalette {
  background: Rgb;
  /** Binary and real-valued grids use [low, high]; multiclass grids one color per class. */
  classes: Rgb[];
}

export interface GridLike {
  width: number;
  height: number;
  values: ArrayLike<number>;
  confidence?: ArrayLike<number>;
}

/** Levels per lookup table (per class for multiclass). */
const LEVELS = 256;
const CLASS_LEVELS = 64;
/** Strongest tint over the background, so points drawn on top stay visible. */
const MAX_STRENGTH = 0.8;
const DISCRETE_STRENGTH = 0.55;
const REGRESSION_BANDS = 10;

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** Parses `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(…)` and `rgba(…)`; alpha is ignored. */
export function parseColor(text: string): Rgb | undefined {
  const s = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(s);
  if (hex) {
    const h = hex[1];
    if (h.length === 3 || h.length === 4) return [0, 1, 2].map((i) => parseInt(h[i] + h[i], 16)) as Rgb;
    if (h.length === 6 || h.length === 8) return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
    return undefined;
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(s);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  return undefined;
}

/** The lookup table for a kind of grid: RGBA entries, LEVELS of them (CLASS_LEVELS per class for multiclass). */
export function buildLut(palette: GridPalette, kind: GridKind, discretize: boolean): Uint8ClampedArray {
  const { background } = palette;
  if (kind === 'multiclass') {
    const lut = new Uint8ClampedArray(palette.classes.length * CLASS_LEVELS * 4);
    palette.classes.forEach((color, k) => {
      for (let level = 0; level < CLASS_LEVELS; level++) {
        const strength = discretize ? DISCRETE_STRENGTH : 0.15 + (MAX_STRENGTH - 0.15) * (level / (CLASS_LEVELS - 1));
        writeRgba(lut, k * CLASS_LEVELS + level, mix(background, color, strength));
      }
    });
    return lut;
  }
  const [low, high] = [palette.classes[0] ?? background, palette.classes[1] ?? background];
  const lut = new Uint8ClampedArray(LEVELS * 4);
  for (let i = 0; i < LEVELS; i++) {
    let t = i / (LEVELS - 1);
    if (discretize) {
      if (kind === 'regression')
        t = (Math.min(REGRESSION_BANDS - 1, Math.floor(t * REGRESSION_BANDS)) + 0.5) / REGRESSION_BANDS;
      else t = t >= 0.5 ? 0.5 + DISCRETE_STRENGTH / 2 : 0.5 - DISCRETE_STRENGTH / 2;
    }
    const strength = Math.min(1, Math.abs(t - 0.5) * 2) * MAX_STRENGTH;
    writeRgba(lut, i, mix(background, t >= 0.5 ? high : low, strength));
  }
  return lut;
}

function writeRgba(lut: Uint8ClampedArray, entry: number, color: Rgb): void {
  lut[entry * 4] = color[0];
  lut[entry * 4 + 1] = color[1];
  lut[entry * 4 + 2] = color[2];
  lut[entry * 4 + 3] = 255;
}

/** Maps a real value to [0, 1] for the binary-style table: `t = value * scale + offset`. */
function normalization(grid: GridLike, kind: GridKind): { scale: number; offset: number } {
  if (kind === 'binary') return { scale: 1, offset: 0 };
  let min = Infinity;
  let max = -Infinity;
  const values = grid.values;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { scale: 0, offset: 0.5 };
  if (kind === 'signed') {
    const reach = Math.max(Math.abs(min), Math.abs(max));
    return reach > 0 ? { scale: 0.5 / reach, offset: 0.5 } : { scale: 0, offset: 0.5 };
  }
  return max > min ? { scale: 1 / (max - min), offset: -min / (max - min) } : { scale: 0, offset: 0.5 };
}

/**
 * Fills `out` (width × height × 4 bytes) from the grid; grid row 0 is the top pixel row (largest y).
 * Cells that are NaN or name an unknown class get the background color.
 */
export function fillGridPixels(
  out: Uint8ClampedArray,
  grid: GridLike,
  lut: Uint8ClampedArray,
  kind: GridKind,
  background: Rgb,
): void {
  const { width, height, values, confidence } = grid;
  const classCount = lut.length / (CLASS_LEVELS * 4);
  const { scale, offset } = normalization(grid, kind);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const cell = row * width + col;
      const v = values[cell];
      let entry = -1;
      if (kind === 'multiclass') {
        if (v >= 0 && v < classCount && Number.isInteger(v)) {
          const c = confidence ? confidence[cell] : 1;
          // Confidence runs from 1/K (a tie) to 1; map that span onto the levels.
          const t = classCount > 1 ? (c - 1 / classCount) / (1 - 1 / classCount) : 1;
          const level = t > 0 ? (t < 1 ? Math.round(t * (CLASS_LEVELS - 1)) : CLASS_LEVELS - 1) : 0;
          entry = v * CLASS_LEVELS + level;
        }
      } else if (v === v) {
        const t = v * scale + offset;
        entry = t > 0 ? (t < 1 ? Math.round(t * (LEVELS - 1)) : LEVELS - 1) : 0;
      }
      const o = cell * 4;
      if (entry >= 0) {
        const l = entry * 4;
        out[o] = lut[l];
        out[o + 1] = lut[l + 1];
        out[o + 2] = lut[l + 2];
      } else {
        out[o] = background[0];
        out[o + 1] = background[1];
        out[o + 2] = background[2];
      }
      out[o + 3] = 255;
    }
  }
}
