/**
 * Panel drawing: the 100×100 decision-boundary heatmap (target < 5 ms per draw).
 * 1. In Node: coloring the grid into RGBA pixels (the per-cell work).
 * 2. In headless Chromium (when /usr/bin/chromium exists): the whole draw on a real canvas — pixels,
 *    putImageData, scaling to 360×360 and 400 data points — with the raster flushed by a 1-pixel read.
 */
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { buildLut, fillGridPixels, type Rgb } from '../../media/src/panel/colormap';
import { binaryStream, hostileCsvStream } from '../../test/browser/fixtures/syntheticStream';
import { chromiumAvailable, launchChromium } from '../../test/browser/panelPage';
import type { BoundaryGrid, DatasetSummary, EpochProgress, RunStarted } from '../../server/src/protocol';
import { formatMs, median, medianMs } from '../support/measure';

const TARGET_MS = 5;
const BACKGROUND: Rgb = [31, 31, 31];
const CLASSES: Rgb[] = [
  [209, 134, 22],
  [55, 148, 255],
  [137, 209, 133],
];

function lastGrid(stream: ReturnType<typeof binaryStream>): { grid: BoundaryGrid; points: DatasetSummary['points'] } {
  const epochs = stream.filter((m): m is EpochProgress => m.type === 'epoch');
  const started = stream.find((m): m is RunStarted => m.type === 'started')!;
  return { grid: epochs.at(-1)!.boundary!, points: started.dataset.points };
}

function report(what: string, ms: number): void {
  console.log(`${what}: ${formatMs(ms)} median — target < ${TARGET_MS} ms (${(TARGET_MS / ms).toFixed(1)}× headroom)`);
}

function benchPixels(): void {
  console.log('\n## Heatmap pixels (Node, 100×100)');
  const binary = lastGrid(binaryStream()).grid;
  const multi = lastGrid(hostileCsvStream()).grid;
  const out = new Uint8ClampedArray(binary.width * binary.height * 4);
  const binaryLut = buildLut({ background: BACKGROUND, classes: CLASSES }, 'binary', false);
  const multiLut = buildLut({ background: BACKGROUND, classes: CLASSES }, 'multiclass', false);
  report(
    'binary grid → RGBA',
    medianMs(() => fillGridPixels(out, binary, binaryLut, 'binary', BACKGROUND), 200, 20),
  );
  report(
    '3-class grid with confidence → RGBA',
    medianMs(() => fillGridPixels(out, multi, multiLut, 'multiclass', BACKGROUND), 200, 20),
  );
}

async function benchCanvas(): Promise<void> {
  console.log('\n## Heatmap draw on a canvas (headless Chromium, 100×100 grid → 360×360 px, 400 points)');
  if (!chromiumAvailable()) {
    console.log('skipped: /usr/bin/chromium is not installed');
    return;
  }
  const bundle = await esbuild.build({
    stdin: {
      contents: "import { HeatmapPainter } from './heatmap'; (window as any).HeatmapPainter = HeatmapPainter;",
      resolveDir: path.join(__dirname, '..', '..', 'media', 'src', 'panel'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    await page.setContent('<canvas width="360" height="360"></canvas>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const { grid, points } = lastGrid(binaryStream());
    const times = await page.evaluate(
      ({ grid, points, background, classes }) => {
        const Painter = (window as unknown as { HeatmapPainter: new () => { draw(...a: unknown[]): void } })
          .HeatmapPainter;
        const painter = new Painter();
        const ctx = document.querySelector('canvas')!.getContext('2d')!;
        const colors = { background, classes: classes.slice(0, 2), outline: '#1f1f1f' };
        const scene = { grid, kind: 'binary', discretize: false, xRange: grid.xRange, yRange: grid.yRange, points };
        const steady: number[] = [];
        const fresh: number[] = [];
        for (let i = 0; i < 220; i++) {
          const start = performance.now();
          painter.draw(ctx, 360, scene, colors);
          ctx.getImageData(0, 0, 1, 1);
          if (i >= 20) steady.push(performance.now() - start);
        }
        // A new points array (a new run) makes the painter draw the point layer again.
        for (let i = 0; i < 60; i++) {
          const start = performance.now();
          painter.draw(ctx, 360, { ...scene, points: points!.slice() }, colors);
          ctx.getImageData(0, 0, 1, 1);
          if (i >= 10) fresh.push(performance.now() - start);
        }
        return { steady, fresh };
      },
      { grid, points, background: BACKGROUND, classes: CLASSES },
    );
    report('per epoch (pixels + putImageData + scale + cached point layer + flush)', median(times.steady));
    report('first draw of a run (the 400 points drawn too)', median(times.fresh));
  } finally {
    await browser.close();
  }
}

export async function run(): Promise<void> {
  benchPixels();
  await benchCanvas();
}

if (require.main === module) void run();
