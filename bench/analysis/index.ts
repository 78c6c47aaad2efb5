/**
 * Full analysis (lex + parse + semantic + checks) of generated files: median time and throughput.
 * Runs under the language server's own Node flags (server/src/serverFlags.ts), re-launching itself if needed.
 */
import { spawnSync } from 'node:child_process';
import { analyze } from '../../server/src/analysis';
import { SERVER_NODE_FLAGS } from '../../server/src/serverFlags';
import { parse } from '../../server/src/syntax/parser';
import { generateFile } from '../support/generate';
import { formatMs, medianMs } from '../support/measure';

export function run(): void {
  console.log(
    `\n## Analysis (lex + parse + semantic + checks), node ${SERVER_NODE_FLAGS.join(' ')} as the server runs`,
  );
  for (const [lines, target] of [
    [1000, 2],
    [10000, 20],
  ] as const) {
    const text = generateFile(lines);
    const megabytes = Buffer.byteLength(text) / 1e6;
    const runs = lines > 5000 ? 30 : 200;
    const parseMs = medianMs(() => parse(text), runs, runs);
    const fullMs = medianMs(() => analyze(text, { documentPath: '/ws/bench.nn', workspaceRoots: ['/ws'] }), runs, runs);
    const findings = analyze(text).diagnostics.length;
    console.log(
      `${String(lines).padStart(6)} lines (${(megabytes * 1000).toFixed(0)} kB, ${findings} findings): parse ${formatMs(parseMs)}, ` +
        `full analysis ${formatMs(fullMs)} median, ${(megabytes / (fullMs / 1000)).toFixed(1)} MB/s — target < ${target} ms ` +
        `(${(target / fullMs).toFixed(1)}× headroom)`,
    );
  }
}

if (require.main === module) {
  const missing = SERVER_NODE_FLAGS.filter((flag) => !process.execArgv.includes(flag));
  if (missing.length > 0) {
    const child = spawnSync(process.execPath, [...process.execArgv, ...missing, __filename], { stdio: 'inherit' });
    process.exitCode = child.status ?? 1;
  } else {
    run();
  }
}
