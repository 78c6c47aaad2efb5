/**
 * The language server over stdio, as an editor drives it (dist/server.js with the client's Node flags):
 * every request on a 100,000-line file as throughput, documentSymbol at 100k and 200k lines (the ratio
 * shows whether it stays linear), and the server's resident memory over 1,000 edits of a 10,000-line file.
 * Prints numbers only; nothing here asserts a time. `NN_BENCH_SERVER=path` measures another build.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Position, Range } from 'vscode-languageserver-protocol';
import { SERVER_NODE_FLAGS } from '../../server/src/serverFlags';
import { LspClient } from '../../test/unit/lsp/client';
import { generateFile } from '../support/generate';
import { formatMs, median } from '../support/measure';

const serverPath = process.env.NN_BENCH_SERVER;

function start(): Promise<LspClient> {
  return LspClient.start('/ws', { hoverImages: true }, { serverPath, nodeFlags: SERVER_NODE_FLAGS });
}

/** The server's resident set size in MB (Linux), or NaN elsewhere. */
function rssMb(pid: number | undefined, field = 'VmRSS'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Positions of every match of `pattern` (at `delta` characters into it), at most `limit`, spread over the file. */
function positions(text: string, pattern: RegExp, delta: number, limit = 200): Position[] {
  const lines = text.split('\n');
  const all: Position[] = [];
  lines.forEach((line, i) => {
    const match = pattern.exec(line);
    if (match) all.push({ line: i, character: match.index + delta });
  });
  const step = Math.max(1, Math.floor(all.length / limit));
  return all.filter((_, i) => i % step === 0).slice(0, limit);
}

async function timed(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function row(name: string, ms: number, throughput: string): string {
  return `${name.padEnd(38)} ${formatMs(ms).padStart(10)} median  ${throughput}`;
}

async function requests(): Promise<void> {
  const lines = 100_000;
  // End at a closed block, so that formatting (refused on syntax errors) has work to do.
  const generated = generateFile(lines);
  const text = generated.slice(0, generated.lastIndexOf('}\n') + 2);
  const megabytes = Buffer.byteLength(text) / 1e6;
  const uri = 'file:///ws/bench100k.nn';
  const client = await start();
  try {
    const t0 = performance.now();
    await client.open(uri, text);
    await client.diagnostics(uri, 120_000);
    const openMs = performance.now() - t0;
    console.log(
      `\n## Every request on a ${lines.toLocaleString('en-US')}-line file (${megabytes.toFixed(1)} MB), over stdio`,
    );
    console.log(row('didOpen → diagnostics', openMs, `${(megabytes / (openMs / 1000)).toFixed(1)} MB/s`));

    const textDocument = { uri };
    const end = { line: lines, character: 0 };
    const whole: Range = { start: { line: 0, character: 0 }, end };
    const wholeFile: [string, string, unknown][] = [
      ['documentSymbol', 'textDocument/documentSymbol', { textDocument }],
      ['foldingRange', 'textDocument/foldingRange', { textDocument }],
      ['semanticTokens/full', 'textDocument/semanticTokens/full', { textDocument }],
      ['formatting', 'textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }],
      ['inlayHint (whole file)', 'textDocument/inlayHint', { textDocument, range: whole }],
      ['codeLens', 'textDocument/codeLens', { textDocument }],
      [
        'codeAction (whole file, fix all)',
        'textDocument/codeAction',
        { textDocument, range: whole, context: { diagnostics: [], only: ['source.fixAll.nn'] } },
      ],
      [
        'codeAction (whole file, quick fixes)',
        'textDocument/codeAction',
        { textDocument, range: whole, context: { diagnostics: [] } },
      ],
    ];
    for (const [name, method, params] of wholeFile) {
      const ms = await timed(() => client.request(method, params), 3);
      console.log(row(name, ms, `${(megabytes / (ms / 1000)).toFixed(1)} MB/s`));
    }
    const spots = positions(text, /dense \d+ (\w)/, 'dense 8 '.length + 1, 1000);
    const ranges = await timed(
      () => client.request('textDocument/selectionRange', { textDocument, positions: spots }),
      3,
    );
    console.log(
      row(
        `selectionRange (${spots.length} positions)`,
        ranges,
        `${(spots.length / (ranges / 1000)).toFixed(0)} positions/s`,
      ),
    );

    const layers = positions(text, /h\d+: dense/, 1);
    const activations = positions(text, /dense \d+ \w/, 'dense 8 '.length + 1);
    const models = positions(text, /^model m/, 'model m'.length);
    const lineStarts = positions(text, /^ {2}loss/, 2);
    const atPosition: [string, string, Position[], (p: Position) => unknown][] = [
      ['hover: activation', 'textDocument/hover', activations, (position) => ({ textDocument, position })],
      ['hover: layer label', 'textDocument/hover', layers, (position) => ({ textDocument, position })],
      ['hover: model summary', 'textDocument/hover', models, (position) => ({ textDocument, position })],
      [
        'completion: statement keywords',
        'textDocument/completion',
        lineStarts,
        (position) => ({ textDocument, position }),
      ],
      [
        'signatureHelp',
        'textDocument/signatureHelp',
        positions(text, /adam\(lr/, 'adam('.length + 1),
        (position) => ({ textDocument, position }),
      ],
      [
        'definition (model name)',
        'textDocument/definition',
        positions(text, /^train m/, 'train m'.length),
        (position) => ({ textDocument, position }),
      ],
      [
        'references (model name)',
        'textDocument/references',
        models,
        (position) => ({ textDocument, position, context: { includeDeclaration: true } }),
      ],
      [
        'references (layer label)',
        'textDocument/references',
        layers,
        (position) => ({ textDocument, position, context: { includeDeclaration: true } }),
      ],
      ['prepareRename (layer label)', 'textDocument/prepareRename', layers, (position) => ({ textDocument, position })],
      [
        'codeAction (one line)',
        'textDocument/codeAction',
        activations,
        (position) => ({ textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }),
      ],
    ];
    for (const [name, method, spotsOf, params] of atPosition) {
      const times: number[] = [];
      for (const position of spotsOf) await client.request(method, params(position));
      for (const position of spotsOf) {
        const t = performance.now();
        await client.request(method, params(position));
        times.push(performance.now() - t);
      }
      const ms = median(times);
      console.log(row(`${name} (${spotsOf.length} spots)`, ms, `${(1000 / ms).toFixed(0)} requests/s`));
    }
  } finally {
    await client.stop();
  }
}

async function symbolScaling(): Promise<void> {
  console.log('\n## documentSymbol as the file doubles (one model of N layers; a ratio near 2 is linear)');
  const client = await start();
  try {
    let previous: number | undefined;
    for (const layers of [100_000, 200_000]) {
      const uri = `file:///ws/layers${layers}.nn`;
      await client.open(uri, `model m {\n  input 4\n${'  dense 8 relu\n'.repeat(layers)}  dense 1 sigmoid\n}\n`);
      await client.diagnostics(uri, 120_000);
      const ms = await timed(() => client.request('textDocument/documentSymbol', { textDocument: { uri } }), 3);
      const ratio = previous ? `  (×${(ms / previous).toFixed(2)} for ×2 layers)` : '';
      console.log(
        row(`${layers.toLocaleString('en-US')} layers`, ms, `${((layers / ms) * 1000).toFixed(0)} symbols/s${ratio}`),
      );
      previous = ms;
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  } finally {
    await client.stop();
  }
}

async function memoryOverEdits(): Promise<void> {
  const edits = 1000;
  console.log(
    `\n## Server memory over ${edits.toLocaleString('en-US')} edits of a 10,000-line file (each edit waits for its diagnostics)`,
  );
  const client = await start();
  try {
    const uri = 'file:///ws/edits.nn';
    await client.open(uri, generateFile(10_000));
    await client.diagnostics(uri, 60_000);
    const before = rssMb(client.pid);
    const t0 = performance.now();
    for (let i = 0; i < edits; i++) {
      // Type a character into a comment, then take it out again: the text stays the same size.
      const line = (i * 7919) % 10_000;
      const change =
        i % 2 === 0
          ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '#' }
          : {
              range: {
                start: { line: (line + 10_000 - 7919) % 10_000, character: 0 },
                end: { line: (line + 10_000 - 7919) % 10_000, character: 1 },
              },
              text: '',
            };
      await client.change(uri, [change]);
      await client.diagnostics(uri, 60_000);
    }
    const ms = (performance.now() - t0) / edits;
    console.log(
      `RSS ${before.toFixed(0)} MB after open → ${rssMb(client.pid).toFixed(0)} MB after ${edits} edits ` +
        `(peak ${rssMb(client.pid, 'VmHWM').toFixed(0)} MB); ${formatMs(ms)} per edit → diagnostics`,
    );
  } finally {
    await client.stop();
  }
}

export async function run(): Promise<void> {
  const only = process.argv.slice(2);
  if (only.length === 0 || only.includes('memory')) await memoryOverEdits();
  if (only.length === 0 || only.includes('symbols')) await symbolScaling();
  if (only.length === 0 || only.includes('requests')) await requests();
}

if (require.main === module) void run();
