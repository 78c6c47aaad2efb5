/**
 * The layering of docs/architecture.md, checked on every import of every TypeScript file (in the spirit of
 * rust-analyzer's tidy tests). Each rule names the file, the import and the rule it breaks.
 *
 * What reaches the web bundles is checked on the bundles themselves (test/unit/web/bundles.test.ts: no Node
 * built-in module, named with its import chain).
 *
 * ALLOWED lists the violations that exist today while issue #12 is in progress. It may only shrink: a test
 * fails when an entry no longer occurs, so whoever removes such an import also removes its entry.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { type Import, importsIn, importsOf, sourceFiles } from '../support/imports';

const ROOT = join(__dirname, '..', '..');
const SCANNED = ['server/src', 'client/src', 'media/src', 'test', 'bench', 'scripts'];

type RuleName =
  | 'vscode-only-in-client'
  | 'lsp-packages-in-lsp-layer'
  | 'cli-without-lsp'
  | 'engine-without-node'
  | 'client-only-protocol'
  | 'webview-only-protocol'
  | 'no-folder-cycles';

const RULES: Record<RuleName, string> = {
  'vscode-only-in-client': 'only client/src imports `vscode`; the core and the webview know no VS Code API',
  'lsp-packages-in-lsp-layer':
    'under server/src only server.ts, browserServer.ts and lsp/ import LSP packages (protocol.ts may define its message objects with vscode-jsonrpc)',
  'cli-without-lsp': 'the command line (server/src/cli) does not import the LSP layer, directly or through other files',
  'engine-without-node': 'the training engine (server/src/train/engine) imports no Node built-in module',
  'client-only-protocol':
    'the extension host (client/src) imports from server/src only the protocol (protocol.ts, protocolValidate.ts, serverFlags.ts), and only VS Code, LSP client and Node packages',
  'webview-only-protocol':
    'the panel webview (media/src) runs no core code: its value imports from server/src are the protocol only, and it imports no Node module',
  'no-folder-cycles': 'no import cycle between the top-level folders (and root files) of server/src',
};

interface Entry {
  rule: RuleName;
  file: string;
  import: string;
}
interface Violation extends Entry {
  line: number;
  /** How the file was reached, for the rules that follow imports through other files. */
  via?: string[];
}
interface Allowed extends Entry {
  reason: string;
}

/** An allowed violation: a file, its import, and why it is still there. */
function inProgress(rule: RuleName, file: string, specifier: string): Allowed {
  return { rule, file, import: specifier, reason: 'issue #12 in progress' };
}

/** Today's violations. Remove an entry when its import goes; never add one for new code. */
const ALLOWED: Allowed[] = [
  // The extension host still imports core code; it will ask the language server instead.
  inProgress('client-only-protocol', 'client/src/panel/runs.ts', '../../../server/src/train/runner'),
  // Not part of issue #12: a deliberate exception, kept out of the web entry (bundles.test.ts checks that).
  {
    rule: 'client-only-protocol',
    file: 'client/src/extension.ts',
    import: '../../server/src/train/nodeWorker',
    reason: 'the Node-only entry starts training worker threads with the same adapter as the CLI and the server',
  },
];

const LSP_PACKAGES = new Set([
  'vscode-languageserver',
  'vscode-languageserver-protocol',
  'vscode-languageserver-textdocument',
  'vscode-languageserver-types',
  'vscode-languageclient',
  'vscode-jsonrpc',
]);
const CLIENT_PACKAGES = new Set([
  'vscode',
  'vscode-languageclient',
  'vscode-languageserver-protocol',
  'vscode-jsonrpc',
]);
/** The files of server/src that the extension host may bundle. */
const CLIENT_SHARED = new Set([
  'server/src/protocol.ts',
  'server/src/protocolValidate.ts',
  'server/src/serverFlags.ts',
]);
/** The files of server/src that the webview may bundle. */
const WEBVIEW_SHARED = new Set(['server/src/protocol.ts', 'server/src/protocolValidate.ts']);

const under = (folder: string) => (file: string | undefined) => file !== undefined && file.startsWith(`${folder}/`);
const inServer = under('server/src');
const inClient = under('client/src');
const inWebview = under('media/src');
const inCli = under('server/src/cli');
const inEngine = under('server/src/train/engine');
/** The two server entries (Node process, web worker) and the LSP layer. */
const inLspLayer = (file: string | undefined) =>
  file === 'server/src/server.ts' || file === 'server/src/browserServer.ts' || under('server/src/lsp')(file);

function violation(rule: RuleName, i: Import, via?: string[]): Violation {
  return { rule, file: i.from, import: i.specifier, line: i.line, via };
}

/** The files reached from `starts` through value imports (type-only imports vanish from the bundle). */
function reachable(byFile: Map<string, Import[]>, starts: string[]): Map<string, string[]> {
  const paths = new Map<string, string[]>(starts.map((file) => [file, [file]]));
  const queue = [...starts];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const i of byFile.get(file) ?? []) {
      if (i.typeOnly || i.target === undefined || paths.has(i.target)) continue;
      paths.set(i.target, [...paths.get(file)!, i.target]);
      queue.push(i.target);
    }
  }
  return paths;
}

/** Violations of every rule but the cycle rule, which works on the folder graph (see folderCycles). */
function check(imports: Import[]): Violation[] {
  const byFile = group(imports);
  const found: Violation[] = [];
  for (const i of imports) {
    if (i.packageName === 'vscode' && !inClient(i.from)) found.push(violation('vscode-only-in-client', i));
    if (inServer(i.from) && i.packageName && LSP_PACKAGES.has(i.packageName) && !inLspLayer(i.from)) {
      const protocolObjects = i.from === 'server/src/protocol.ts' && (i.packageName === 'vscode-jsonrpc' || i.typeOnly);
      if (!protocolObjects) found.push(violation('lsp-packages-in-lsp-layer', i));
    }
    if (inEngine(i.from) && i.builtin) found.push(violation('engine-without-node', i));
    if (inClient(i.from)) {
      const foreignFile = i.target !== undefined && !inClient(i.target) && !CLIENT_SHARED.has(i.target);
      const foreignPackage = i.packageName !== undefined && !CLIENT_PACKAGES.has(i.packageName);
      if (foreignFile || foreignPackage) found.push(violation('client-only-protocol', i));
    }
    if (inWebview(i.from)) {
      const coreCode = !i.typeOnly && i.target !== undefined && !inWebview(i.target) && !WEBVIEW_SHARED.has(i.target);
      if (coreCode || i.builtin) found.push(violation('webview-only-protocol', i));
    }
    if (inCli(i.from) && inLspLayer(i.target)) found.push(violation('cli-without-lsp', i));
  }
  const files = [...byFile.keys()];
  // Through other files: what the CLI, the extension host and the webview bundle reach.
  for (const [file, via] of reachable(byFile, files.filter(inCli))) {
    if (inCli(file)) continue;
    for (const i of byFile.get(file) ?? []) {
      if (!i.typeOnly && inLspLayer(i.target)) found.push(violation('cli-without-lsp', i, via));
    }
  }
  for (const [rule, inside, shared] of [
    ['client-only-protocol', inClient, CLIENT_SHARED],
    ['webview-only-protocol', inWebview, WEBVIEW_SHARED],
  ] as const) {
    for (const [file, via] of reachable(byFile, files.filter(inside))) {
      if (!shared.has(file)) continue;
      for (const i of byFile.get(file) ?? []) {
        if (!i.typeOnly && i.target !== undefined && !shared.has(i.target)) found.push(violation(rule, i, via));
      }
    }
  }
  return found;
}

function group(imports: Import[]): Map<string, Import[]> {
  const byFile = new Map<string, Import[]>();
  for (const i of imports) byFile.set(i.from, [...(byFile.get(i.from) ?? []), i]);
  return byFile;
}

/** The top-level folder of server/src a file belongs to (a root file is a unit of its own). */
function unitOf(file: string): string | undefined {
  if (!inServer(file)) return undefined;
  const first = file.slice('server/src/'.length).split('/')[0];
  return first.replace(/\.ts$/, '');
}

/** Imports between different units of server/src; a type import is a dependency too. */
function unitEdges(imports: Import[]): Import[] {
  return imports.filter((i) => {
    const from = unitOf(i.from);
    const to = i.target && unitOf(i.target);
    return from !== undefined && to !== undefined && from !== to;
  });
}

/** Strongly connected components of the unit graph (Tarjan), as unit → component id. */
function components(edges: Import[]): Map<string, number> {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    const from = unitOf(e.from)!;
    next.set(from, (next.get(from) ?? new Set()).add(unitOf(e.target!)!));
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  let counter = 0;
  const visit = (unit: string): void => {
    index.set(unit, counter);
    low.set(unit, counter++);
    stack.push(unit);
    for (const to of next.get(unit) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(unit, Math.min(low.get(unit)!, low.get(to)!));
      } else if (!component.has(to)) low.set(unit, Math.min(low.get(unit)!, index.get(to)!));
    }
    if (low.get(unit) === index.get(unit)) {
      for (let top = stack.pop(); top !== undefined; top = top === unit ? undefined : stack.pop()) {
        component.set(top, index.get(unit)!);
      }
    }
  };
  for (const unit of next.keys()) if (!index.has(unit)) visit(unit);
  return component;
}

/** Each cycle left after the allowed edges are taken out, described by the imports that close it. */
function folderCycles(imports: Import[], allowed: readonly Entry[]): string[] {
  const isAllowed = (i: Import) => allowed.some((a) => a.file === i.from && a.import === i.specifier);
  const edges = unitEdges(imports).filter((i) => !isAllowed(i));
  const component = components(edges);
  const members = new Map<number, string[]>();
  for (const [unit, id] of component) members.set(id, [...(members.get(id) ?? []), unit]);
  const cycles: string[] = [];
  for (const units of members.values()) {
    if (units.length < 2) continue;
    const byPair = new Map<string, Import[]>();
    for (const e of edges) {
      if (!units.includes(unitOf(e.from)!) || !units.includes(unitOf(e.target!)!)) continue;
      const pair = `${unitOf(e.from)} → ${unitOf(e.target!)}`;
      byPair.set(pair, [...(byPair.get(pair) ?? []), e]);
    }
    const lines = [...byPair].map(([pair, list]) => {
      const examples = list.slice(0, 2).map((e) => `${e.from}:${e.line} '${e.specifier}'`);
      return `    ${pair}: ${list.length} import(s), e.g. ${examples.join(', ')}`;
    });
    cycles.push(`  cycle among ${units.sort().join(', ')}:\n${lines.sort().join('\n')}`);
  }
  return cycles;
}

/** The allowed cycle edges that still close a cycle (their two units are in one component of the full graph). */
function cycleEdgesThatOccur(imports: Import[]): Violation[] {
  const edges = unitEdges(imports);
  const component = components(edges);
  return edges
    .filter((e) => component.get(unitOf(e.from)!) === component.get(unitOf(e.target!)!))
    .map((e) => violation('no-folder-cycles', e));
}

const sameEntry = (a: Entry, b: Entry) => a.rule === b.rule && a.file === b.file && a.import === b.import;

/** The allowed entries that no longer occur (for a cycle edge: the import is gone or closes no cycle). */
function staleEntries<T extends Entry>(allowed: readonly T[], imports: Import[]): T[] {
  const occurring = [...check(imports), ...cycleEdgesThatOccur(imports)];
  return allowed.filter((a) => !occurring.some((v) => sameEntry(a, v)));
}
const asEntry = (v: Entry) => `  inProgress('${v.rule}', '${v.file}', '${v.import}'),`;
function describeViolation(v: Violation): string {
  const via = v.via && v.via.length > 1 ? `\n      reached from ${v.via.join(' → ')}` : '';
  return `  ${v.file}:${v.line} imports '${v.import}'${via}`;
}

describe('architecture', () => {
  const imports = sourceFiles(ROOT, SCANNED).flatMap((file) => importsOf(ROOT, file));
  const violations = check(imports);

  it('scans the sources', () => {
    assert.ok(imports.length > 500, `only ${imports.length} imports found`);
    assert.ok(imports.some((i) => i.from === 'server/src/server.ts'));
  });

  for (const rule of Object.keys(RULES) as RuleName[]) {
    if (rule === 'no-folder-cycles') continue;
    it(RULES[rule], () => {
      const left = violations.filter((v) => v.rule === rule && !ALLOWED.some((a) => sameEntry(a, v)));
      assert.equal(left.length, 0, `rule '${rule}': ${RULES[rule]}\n${left.map(describeViolation).join('\n')}\n`);
    });
  }

  it(RULES['no-folder-cycles'], () => {
    const cycles = folderCycles(
      imports,
      ALLOWED.filter((a) => a.rule === 'no-folder-cycles'),
    );
    assert.equal(cycles.length, 0, `rule 'no-folder-cycles': ${RULES['no-folder-cycles']}\n${cycles.join('\n')}\n`);
  });

  it('the allow-list only shrinks: every entry still occurs', () => {
    const stale = staleEntries(ALLOWED, imports);
    assert.equal(
      stale.length,
      0,
      `these ALLOWED entries no longer occur; remove them from test/unit/architecture.test.ts:\n${stale.map(asEntry).join('\n')}\n`,
    );
  });
});

describe('architecture rules', () => {
  // A made-up tree, so these tests do not depend on where the real files are.
  const tree = new Set([
    'server/src/syntax/token.ts',
    'server/src/syntax/span.ts',
    'server/src/syntax/parser.ts',
    'server/src/syntax/lexer.ts',
    'server/src/syntax/ast.ts',
    'server/src/syntax/lineIndex.ts',
    'server/src/catalog/index.ts',
    'server/src/catalog/types.ts',
    'server/src/lsp/context.ts',
    'server/src/analysis.ts',
    'server/src/protocol.ts',
    'server/src/train/spec.ts',
    'server/src/model/analyze.ts',
  ]);
  const file = (from: string, text: string) => importsIn(ROOT, from, text, (path) => tree.has(path));

  it('reads every form of import', () => {
    const found = file(
      'server/src/syntax/example.ts',
      [
        "import type { Token } from './token';",
        "import { type Span, type Spanned } from './span';",
        "import { parse } from './parser';",
        "import './lexer';",
        "export * from './ast';",
        "export type { LineIndex } from './lineIndex';",
        "import fs = require('node:fs');",
        "const later = () => import('vscode');",
        "const old = require('path');",
        "let t: import('../catalog').ActivationName;",
      ].join('\n'),
    );
    const summary = found.map((i) => `${i.specifier}${i.typeOnly ? ' type' : ''}${i.builtin ? ' builtin' : ''}`);
    assert.deepEqual(summary, [
      './token type',
      './span type',
      './parser',
      './lexer',
      './ast',
      './lineIndex type',
      'node:fs builtin',
      'vscode',
      'path builtin',
      '../catalog type',
    ]);
    assert.equal(found[2].target, 'server/src/syntax/parser.ts');
    assert.equal(found[9].target, 'server/src/catalog/index.ts');
  });

  it('reports each kind of violation', () => {
    const imports = [
      ...file('server/src/model/example.ts', "import * as vscode from 'vscode';"),
      ...file('server/src/features/example.ts', "import { Connection } from 'vscode-languageserver/node';"),
      ...file('server/src/cli/example.ts', "import type { Context } from '../lsp/context';"),
      ...file('server/src/train/engine/example.ts', "import { readFileSync } from 'fs';"),
      ...file('client/src/example.ts', "import { analyze } from '../../server/src/analysis';"),
      ...file('media/src/panel/example.ts', "import { ACTIVATIONS } from '../../../server/src/catalog';"),
    ];
    assert.deepEqual(
      check(imports).map((v) => v.rule),
      [
        'vscode-only-in-client',
        'lsp-packages-in-lsp-layer',
        'cli-without-lsp',
        'engine-without-node',
        'client-only-protocol',
        'webview-only-protocol',
      ],
    );
  });

  it('follows value imports through the protocol files, not type imports', () => {
    const imports = [
      ...file('client/src/example.ts', "import { X } from '../../server/src/protocol';"),
      ...file(
        'server/src/protocol.ts',
        "import type { A } from './catalog/types';\nimport { ACTIVATIONS } from './catalog';",
      ),
    ];
    const found = check(imports);
    assert.deepEqual(
      found.map((v) => [v.rule, v.file, v.import, v.via]),
      [
        [
          'client-only-protocol',
          'server/src/protocol.ts',
          './catalog',
          ['client/src/example.ts', 'server/src/protocol.ts'],
        ],
      ],
    );
  });

  it('finds a cycle between folders, and none once an allowed edge breaks it', () => {
    const imports = [
      ...file('server/src/model/example.ts', "import type { NetworkSpec } from '../train/spec';"),
      ...file('server/src/train/example.ts', "import { analyzeModel } from '../model/analyze';"),
    ];
    assert.equal(folderCycles(imports, []).length, 1);
    const upward = { rule: 'no-folder-cycles' as const, file: 'server/src/model/example.ts', import: '../train/spec' };
    assert.deepEqual(folderCycles(imports, [upward]), []);
  });

  it('calls an allowed entry stale once its import is gone or closes no cycle', () => {
    const client = {
      rule: 'client-only-protocol' as const,
      file: 'client/src/example.ts',
      import: '../../server/src/analysis',
    };
    const upward = { rule: 'no-folder-cycles' as const, file: 'server/src/model/example.ts', import: '../train/spec' };
    const modelToTrain = file('server/src/model/example.ts', "import type { NetworkSpec } from '../train/spec';");
    const trainToModel = file('server/src/train/example.ts', "import { analyzeModel } from '../model/analyze';");
    const clientToCore = file('client/src/example.ts', "import { analyze } from '../../server/src/analysis';");
    assert.deepEqual(staleEntries([client, upward], [...clientToCore, ...modelToTrain, ...trainToModel]), []);
    assert.deepEqual(staleEntries([client, upward], modelToTrain), [client, upward]);
  });
});
