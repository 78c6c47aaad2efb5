import assert from 'node:assert/strict';
import { buildLut, fillGridPixels, parseColor, type GridKind, type Rgb } from '../../../media/src/panel/colormap';

const BG: Rgb = [0, 0, 0];
const LOW: Rgb = [200, 100, 0];
const HIGH: Rgb = [0, 100, 200];
const GREEN: Rgb = [0, 200, 0];

function paint(
  values: number[],
  kind: GridKind,
  options: { width?: number; confidence?: number[]; discretize?: boolean; classes?: Rgb[] } = {},
): Rgb[] {
  const width = options.width ?? values.length;
  const height = values.length / width;
  const lut = buildLut({ background: BG, classes: options.classes ?? [LOW, HIGH] }, kind, options.discretize ?? false);
  const out = new Uint8ClampedArray(values.length * 4);
  fillGridPixels(out, { width, height, values, confidence: options.confidence }, lut, kind, BG);
  const pixels: Rgb[] = [];
  for (let i = 0; i < out.length; i += 4) {
    assert.equal(out[i + 3], 255, 'every pixel is opaque');
    pixels.push([out[i], out[i + 1], out[i + 2]]);
  }
  return pixels;
}

describe('heatmap colors', () => {
  it('parses the color syntaxes VS Code themes use', () => {
    assert.deepEqual(parseColor('#3794ff'), [0x37, 0x94, 0xff]);
    assert.deepEqual(parseColor('#3794ffcc'), [0x37, 0x94, 0xff]);
    assert.deepEqual(parseColor('#fff'), [255, 255, 255]);
    assert.deepEqual(parseColor('rgba(204, 204, 204, 0.5)'), [204, 204, 204]);
    assert.deepEqual(parseColor(' RGB(1,2,3) '), [1, 2, 3]);
    assert.equal(parseColor('red'), undefined);
    assert.equal(parseColor('#12345'), undefined);
  });

  it('binary: 0 leans to the class-0 color, 1 to the class-1 color, 0.5 is the background', () => {
    const [zero, half, one] = paint([0, 0.5, 1], 'binary');
    assert.ok(zero[0] > 100 && zero[2] === 0, `class 0 ${zero}`);
    assert.ok(one[2] > 100 && one[0] === 0, `class 1 ${one}`);
    assert.ok(
      half.every((c) => c < 3),
      `boundary ${half}`,
    );
  });

  it('binary: a stronger prediction gets a stronger tint', () => {
    const [weak, strong] = paint([0.6, 0.95], 'binary');
    assert.ok(strong[2] > weak[2]);
  });

  it('discretized output uses exactly two colors', () => {
    const pixels = paint([0.01, 0.2, 0.49, 0.51, 0.8, 0.99], 'binary', { discretize: true });
    const distinct = new Set(pixels.map((p) => p.join()));
    assert.equal(distinct.size, 2);
    assert.equal(pixels[0].join(), pixels[2].join());
    assert.equal(pixels[3].join(), pixels[5].join());
  });

  it('multiclass: each cell takes its class color, stronger when confident', () => {
    const classes = [LOW, HIGH, GREEN];
    const [a, b, c, unsure] = paint([0, 1, 2, 2], 'multiclass', { classes, confidence: [1, 1, 1, 0.34] });
    assert.ok(a[0] > a[2] && b[2] > b[0] && c[1] > c[0], `${a} ${b} ${c}`);
    assert.ok(unsure[1] < c[1], 'a near-tie is paler');
  });

  it('cells that are NaN or name an unknown class get the background', () => {
    assert.deepEqual(paint([Number.NaN], 'binary'), [BG]);
    assert.deepEqual(paint([7, -1, 0.5], 'multiclass', { classes: [LOW, HIGH] }), [BG, BG, BG]);
  });

  it('regression: spreads the grid between its own minimum and maximum', () => {
    const [low, mid, high] = paint([-40, 10, 60], 'regression');
    assert.ok(low[0] > 100 && high[2] > 100 && mid.every((c) => c < 3), `${low} ${mid} ${high}`);
  });

  it('signed: centres on zero, so a unit that only outputs positives stays on the high side', () => {
    const [zero, small, big] = paint([0, 1, 4], 'signed');
    assert.ok(zero.every((c) => c < 3));
    assert.ok(big[2] > small[2] && small[2] > 0);
  });

  it('keeps the grid’s row order: row 0 is the top pixel row', () => {
    const pixels = paint([0, 0, 1, 1], 'binary', { width: 2 });
    assert.ok(pixels[0][0] > 100 && pixels[1][0] > 100, 'top row is class 0');
    assert.ok(pixels[2][2] > 100 && pixels[3][2] > 100, 'bottom row is class 1');
  });
});
