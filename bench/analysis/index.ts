/** Full analysis (lex + parse + semantic + checks) of generated files: median time and throughput. */
import { analyze } from '../../server/src/analysis';
import { parse } from '../../server/src/syntax/parser';
import { generateFile } from '../support/generate';
import { formatMs, medianMs } from '../support/measure';

export function run(): void {
  console.log('\n## Analysis (lex + parse + semantic + checks)');
  for (const [lines, target] of [[1000, 2], [10000, 20]] as const) {
    const text = generateFile(lines);
    const megabytes = Buffer.byteLength(text) / 1e6;
    const parseMs = medianMs(() => parse(text), lines > 5000 ? 20 : 50);
    const fullMs = medianMs(() => analyze(text, { documentPath: '/ws/bench.nn', workspaceRoots: ['/ws'] }), lines > 5000 ? 20 : 50);
    console.log(`${String(lines).padStart(6)} lines (${(megabytes * 1000).toFixed(0)} kB): parse ${formatMs(parseMs)}, ` +
      `full analysis ${formatMs(fullMs)} median, ${(megabytes / (fullMs / 1000)).toFixed(1)} MB/s — target < ${target} ms ` +
      `(${(target / fullMs).toFixed(1)}× headroom)`);
  }
}

if (require.main === module) run();
