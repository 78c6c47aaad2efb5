/**
 * The language server: LSP wiring only. Analysis lives in the core (analysis.ts); each feature's
 * handlers live in lsp/*.ts and are listed in lsp/features.ts.
 * Run as `node dist/server.js --stdio` (any LSP editor) or over IPC (the VS Code client).
 */
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from './analysis';
import { filterExternal } from './checks';
import type { ServerContext } from './lsp/context';
import { toLspDiagnostic } from './lsp/convert';
import { docsUrl } from './lsp/docsUrl';
import { FEATURES } from './lsp/features';
import { trainingDiagnostics } from './lsp/training';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './lsp/settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new Map<string, { version: number; analysis: Analysis }>();
let settings: ServerSettings = DEFAULT_SETTINGS;
let roots: string[] = [];
let canPullConfiguration = false;
/** Whether the client can be asked to re-request inlay hints and code lenses (they depend on settings). */
let canRefresh = { inlayHints: false, codeLens: false };

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

const context: ServerContext = {
  connection,
  documents,
  analysisOf(uri) {
    const document = documents.get(uri);
    if (!document) return undefined;
    const cached = cache.get(uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = analyze(document.getText(), { documentPath: pathOf(uri), workspaceRoots: roots, checks: settings.checks });
    cache.set(uri, { version: document.version, analysis });
    return analysis;
  },
  settings: () => settings,
  publish(uri) {
    const analysis = context.analysisOf(uri);
    if (!analysis) return;
    // Findings from outside the analysis (training runs) obey the same severities and `# nn-ignore` comments.
    const extra = filterExternal(analysis, trainingDiagnostics(uri, analysis.text), settings.checks);
    const diagnostics = [...analysis.diagnostics, ...extra].map((d) => toLspDiagnostic(d, analysis.lines, uri, docsUrl));
    void connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics });
  },
  workspaceRoots: () => roots,
};

connection.onInitialize((params) => {
  roots = (params.workspaceFolders ?? []).map((f) => pathOf(f.uri)).filter((p): p is string => !!p);
  if (roots.length === 0 && params.rootUri) roots = [pathOf(params.rootUri)].filter((p): p is string => !!p);
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canRefresh = { inlayHints: !!params.capabilities.workspace?.inlayHint?.refreshSupport, codeLens: !!params.capabilities.workspace?.codeLens?.refreshSupport };
  const capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
  for (const feature of FEATURES) Object.assign(capabilities, feature.capabilities);
  return { capabilities, serverInfo: { name: 'nn-studio', version: '0.1.0' } };
});

connection.onInitialized(() => {
  void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    settings = readSettings(await connection.workspace.getConfiguration('nn'));
  } catch {
    settings = DEFAULT_SETTINGS;
  }
  cache.clear();
  for (const document of documents.all()) context.publish(document.uri);
  refreshViews();
}

function refreshViews(): void {
  if (canRefresh.inlayHints) connection.languages.inlayHint.refresh().catch(() => undefined);
  if (canRefresh.codeLens) connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
}

connection.onDidChangeConfiguration((change) => {
  if (canPullConfiguration) {
    void refreshSettings();
  } else {
    settings = readSettings((change.settings as { nn?: unknown } | undefined)?.nn);
    cache.clear();
    for (const document of documents.all()) context.publish(document.uri);
    refreshViews();
  }
});

documents.onDidChangeContent((change) => context.publish(change.document.uri));
documents.onDidClose((event) => {
  cache.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

for (const feature of FEATURES) feature.register(context);

documents.listen(connection);
connection.listen();
