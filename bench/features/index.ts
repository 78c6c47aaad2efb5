/**
 * Editor features on a generated 1,000-line file: median latency of hover, completion, signature help,
 * semantic tokens and formatting, on the cached analysis (as the server has it). Targets: hover and
 * completion < 1 ms, formatting < 10 ms.
 */
import { analyze } from '../../server/src/analysis';
import { findActivation } from '../../server/src/catalog';
import { completionsAt } from '../../server/src/features/completion';
import { formatDocument } from '../../server/src/features/formatter';
import { hoverAt } from '../../server/src/features/hover';
import { activationPlotSvg } from '../../server/src/features/plot';
import { semanticTokens } from '../../server/src/features/semanticTokens';
import { signatureHelpAt } from '../../server/src/features/signatureHelp';
import { generateFile } from '../support/generate';
import { formatMs, median } from '../support/measure';
import { performance } from 'node:perf_hooks';

/** Offsets of every match of `pattern` (plus `delta`), spread over the whole file. */
function offsets(text: string, pattern: RegExp, delta: number): number[] {
  return [...text.matchAll(pattern)].map((m) => m.index! + delta);
}

/** Median time per call of `fn` over all `points`, after one warm-up pass. */
function perCall(points: number[], fn: (offset: number) => unknown): number {
  for (const p of points) fn(p);
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const p of points) {
      const start = performance.now();
      fn(p);
      times.push(performance.now() - start);
    }
  }
  return median(times);
}

function line(name: string, ms: number, target?: number): string {
  const goal = target ? ` — target < ${formatMs(target)} (${(target / ms).toFixed(1)}× headroom)` : '';
  return `${name.padEnd(34)} ${formatMs(ms).padStart(9)} median${goal}`;
}

export function run(): void {
  console.log('\n## Editor features (1,000-line file, cached analysis)');
  const text = generateFile(1000);
  const analysis = analyze(text);

  const activations = offsets(text, /dense \d+ (\w)/g, 'dense 8 '.length + 1);
  const layers = offsets(text, /dense \d+/g, 2);
  const models = offsets(text, /model (m\d+)/g, 'model m'.length);
  console.log(
    line(
      `hover: activation (${activations.length} spots)`,
      perCall(activations, (o) => hoverAt(analysis, o)),
      1,
    ),
  );
  console.log(
    line(
      `hover: layer (${layers.length} spots)`,
      perCall(layers, (o) => hoverAt(analysis, o)),
      1,
    ),
  );
  console.log(
    line(
      `hover: model summary (${models.length})`,
      perCall(models, (o) => hoverAt(analysis, o)),
      1,
    ),
  );

  const afterUnits = offsets(text, /dense \d+ /g, 0).map((o) => text.indexOf(' ', o + 6) + 1);
  const lineStarts = offsets(text, /\n {2}loss/g, 3);
  console.log(
    line(
      'completion: activation names',
      perCall(afterUnits, (o) => completionsAt(analysis, o)),
      1,
    ),
  );
  console.log(
    line(
      'completion: statement keywords',
      perCall(lineStarts, (o) => completionsAt(analysis, o)),
      1,
    ),
  );
  const calls = offsets(text, /adam\(lr/g, 'adam('.length + 1);
  console.log(
    line(
      'signature help: optimizer',
      perCall(calls, (o) => signatureHelpAt(analysis, o)),
      1,
    ),
  );

  const relu = findActivation('gelu')!;
  console.log(
    line(
      'plot: one SVG, uncached (gelu)',
      perCall([0, 1, 2, 3, 4, 5, 6, 7], () => activationPlotSvg(relu, {})),
    ),
  );
  console.log(
    line(
      'semantic tokens: whole file',
      perCall([0, 1, 2, 3, 4], () => semanticTokens(analysis)),
      10,
    ),
  );
  console.log(
    line(
      'format: whole file',
      perCall([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], () => formatDocument(analysis)),
      10,
    ),
  );
}

if (require.main === module) run();
