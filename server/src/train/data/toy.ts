/**
 * The 2-D toy datasets (in the spirit of TensorFlow Playground), generated from a seeded generator so the
 * same seed always gives the same points. Coordinates lie roughly in [−6, 6]².
 */
import { TOY_DEFAULTS } from '../../catalog';
import { Rng, Stream } from '../engine/rng';
import type { Dataset } from './types';

export interface ToyOptions {
  points: number;
  noise: number;
  /** For blobs and spiral(classes). */
  classes?: number;
}

interface Point {
  x: number;
  y: number;
  label: number;
}

type Generator = (options: ToyOptions, rng: Rng) => Point[];

/** Points of a two-class set: class 1 is "positive". */
const xor: Generator = ({ points, noise }, rng) => {
  const out: Point[] = [];
  const margin = 0.3;
  for (let i = 0; i < points; i++) {
    let x = rng.uniform(-5, 5);
    let y = rng.uniform(-5, 5);
    x += x > 0 ? margin : -margin;
    y += y > 0 ? margin : -margin;
    const jx = x + rng.uniform(-5, 5) * noise;
    const jy = y + rng.uniform(-5, 5) * noise;
    out.push({ x, y, label: jx * jy < 0 ? 1 : 0 });
  }
  return out;
};

const circle: Generator = ({ points, noise }, rng) => {
  const out: Point[] = [];
  const radius = 5;
  const inside = (x: number, y: number): number => (Math.hypot(x, y) < radius / 2 ? 1 : 0);
  for (let i = 0; i < points; i++) {
    const inner = i < points / 2;
    const r = inner ? rng.uniform(0, radius * 0.5) : rng.uniform(radius * 0.7, radius);
    const angle = rng.uniform(0, 2 * Math.PI);
    const x = r * Math.sin(angle);
    const y = r * Math.cos(angle);
    out.push({
      x,
      y,
      label: inside(x + rng.uniform(-radius, radius) * noise, y + rng.uniform(-radius, radius) * noise),
    });
  }
  return out;
};

const gaussian: Generator = ({ points, noise }, rng) => {
  const out: Point[] = [];
  const spread = Math.sqrt(0.5 + 7 * noise);
  for (let i = 0; i < points; i++) {
    const positive = i < points / 2;
    const c = positive ? 2 : -2;
    out.push({ x: c + spread * rng.normal(), y: c + spread * rng.normal(), label: positive ? 1 : 0 });
  }
  return out;
};

/** K interleaved arms (label = arm); with K = 2 the arms are the binary spiral. */
function spiralArms(points: number, noise: number, arms: number, rng: Rng): Point[] {
  const out: Point[] = [];
  const perArm = Math.ceil(points / arms);
  for (let i = 0; i < points; i++) {
    const arm = Math.floor(i / perArm);
    const k = i % perArm;
    const r = (k / perArm) * 5;
    const t = ((1.75 * k) / perArm) * 2 * Math.PI + (2 * Math.PI * arm) / arms;
    out.push({
      x: r * Math.sin(t) + rng.uniform(-1, 1) * noise,
      y: r * Math.cos(t) + rng.uniform(-1, 1) * noise,
      label: arm,
    });
  }
  return out;
}

const spiral: Generator = ({ points, noise, classes }, rng) => spiralArms(points, noise, classes ?? 2, rng);

const moons: Generator = ({ points, noise }, rng) => {
  const out: Point[] = [];
  const half = Math.ceil(points / 2);
  for (let i = 0; i < points; i++) {
    const upper = i < half;
    const t = (Math.PI * (upper ? i : i - half)) / Math.max(1, (upper ? half : points - half) - 1);
    const mx = upper ? Math.cos(t) : 1 - Math.cos(t);
    const my = upper ? Math.sin(t) : 0.5 - Math.sin(t);
    out.push({
      x: 2.5 * (mx - 0.5 + noise * rng.normal()),
      y: 2.5 * (my - 0.25 + noise * rng.normal()),
      label: upper ? 0 : 1,
    });
  }
  return out;
};

const blobs: Generator = ({ points, noise, classes }, rng) => {
  const k = classes ?? TOY_DEFAULTS.blobClasses;
  const out: Point[] = [];
  const spread = 0.6 + 4 * noise;
  for (let i = 0; i < points; i++) {
    const label = i % k;
    const angle = (2 * Math.PI * label) / k;
    out.push({ x: 4 * Math.cos(angle) + spread * rng.normal(), y: 4 * Math.sin(angle) + spread * rng.normal(), label });
  }
  return out;
};

/** Regression: a tilted plane, target in about [−1, 1]. */
const plane: Generator = ({ points, noise }, rng) => {
  const out: Point[] = [];
  for (let i = 0; i < points; i++) {
    const x = rng.uniform(-6, 6);
    const y = rng.uniform(-6, 6);
    const jx = x + rng.uniform(-6, 6) * noise;
    const jy = y + rng.uniform(-6, 6) * noise;
    out.push({ x, y, label: (jx + jy) / 12 });
  }
  return out;
};

/** Regression: a wave over the plane, target in about [−1, 1]. */
const sine: Generator = ({ points, noise }, rng) => {
  const out: Point[] = [];
  for (let i = 0; i < points; i++) {
    const x = rng.uniform(-6, 6);
    const y = rng.uniform(-6, 6);
    out.push({ x, y, label: Math.sin(x) * Math.cos(y / 2) + noise * rng.normal() });
  }
  return out;
};

const GENERATORS: Record<string, { generate: Generator; regression: boolean; classes: (o: ToyOptions) => number }> = {
  xor: { generate: xor, regression: false, classes: () => 2 },
  circle: { generate: circle, regression: false, classes: () => 2 },
  gaussian: { generate: gaussian, regression: false, classes: () => 2 },
  spiral: { generate: spiral, regression: false, classes: (o) => o.classes ?? 2 },
  moons: { generate: moons, regression: false, classes: () => 2 },
  blobs: { generate: blobs, regression: false, classes: (o) => o.classes ?? TOY_DEFAULTS.blobClasses },
  plane: { generate: plane, regression: true, classes: () => 0 },
  sine: { generate: sine, regression: true, classes: () => 0 },
};

export const TOY_DATASETS = Object.keys(GENERATORS);

export function isToyDataset(name: string): boolean {
  return name in GENERATORS;
}

/** Generates a toy dataset; the same name, options and seed give the same points. */
export function generateToy(name: string, options: ToyOptions, seed: number): Dataset {
  const entry = GENERATORS[name];
  if (!entry) throw new Error(`unknown toy dataset '${name}'`);
  const points = entry.generate(options, new Rng(seed, Stream.data));
  const n = points.length;
  const x = new Float64Array(n * 2);
  points.forEach((p, i) => {
    x[2 * i] = p.x;
    x[2 * i + 1] = p.y;
  });
  // The language names a point's coordinates x1 and x2 (the `features` line builds on them).
  const base = { name, n, features: 2, x, featureNames: ['x1', 'x2'] };
  if (entry.regression) {
    return {
      ...base,
      targetNames: ['value'],
      target: { kind: 'numeric', width: 1, values: Float64Array.from(points, (p) => p.label) },
    };
  }
  const count = entry.classes(options);
  return {
    ...base,
    targetNames: ['class'],
    target: {
      kind: 'classes',
      classes: Array.from({ length: count }, (_, i) => String(i)),
      labels: Int32Array.from(points, (p) => p.label),
    },
  };
}
