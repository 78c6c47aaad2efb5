/**
 * The language server on a given connection: document sync, the analysis cache, settings and every
 * feature module. `server.ts` gives it the process's connection and the Node host; `browserServer.ts` a web
 * worker's connection and the web host; tests give it one over in-memory streams.
 */
import { TextDocuments, TextDocumentSyncKind, type Connection, type ServerCapabilities } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../analysis';
import { filterExternal } from '../checks';
import { WorkspaceTrustedNotification, type ClientInitializationOptions } from '../protocol';
import { DEFAULT_SETTINGS, type NnSettings } from '../settings';
import { clientOptions, type ClientOptions } from './clientOptions';
import type { ServerContext } from './context';
import { toLspDiagnostic } from './convert';
import { docsLinker } from './docsUrl';
import { FEATURES } from './features';
import type { ServerHost } from './host';
import { trainingDiagnostics } from './training';
import { fetchSettings, pushedSettings } from './settings';

/** What a started server exposes to its host: its context, and how many analyses its cache holds. */
export interface RunningServer {
  context: ServerContext;
  cachedAnalyses(): number;
}

export function startLanguageServer(connection: Connection, host: ServerHost): RunningServer {
  const documents = new TextDocuments(TextDocument);
  /** One analysis per open document: the one of its current version. */
  const cache = new Map<string, { version: number; analysis: Analysis }>();
  let settings: NnSettings = DEFAULT_SETTINGS;
  let roots: string[] = [];
  let options: ClientOptions = clientOptions(undefined);
  /** Whether the client trusts the workspace (see `ClientInitializationOptions`). */
  let trusted = true;
  let canPullConfiguration = false;
  /** Whether the client can be asked to re-request inlay hints and code lenses (they depend on settings). */
  let canRefresh = { inlayHints: false, codeLens: false };

  const docsUrl = docsLinker(host.checksDocUrl);

  const context: ServerContext = {
    connection,
    host,
    documents,
    analysisOf(uri) {
      const document = documents.get(uri);
      if (!document) return undefined;
      const cached = cache.get(uri);
      if (cached && cached.version === document.version) return cached.analysis;
      // Drop the old analysis before building the new one, so two never live at once.
      cache.delete(uri);
      const analysis = analyze(document.getText(), {
        documentPath: host.pathOf(uri),
        workspaceRoots: roots,
        realPath: host.realPath,
        checks: settings.checks,
      });
      cache.set(uri, { version: document.version, analysis });
      return analysis;
    },
    settings: () => settings,
    clientOptions: () => options,
    publish(uri) {
      const analysis = context.analysisOf(uri);
      if (!analysis) return;
      // Findings from outside the analysis (training runs) obey the same severities and `# nn-ignore` comments.
      const extra = filterExternal(analysis, trainingDiagnostics(uri, analysis.text), settings.checks);
      const diagnostics = [...analysis.diagnostics, ...extra].map((d) =>
        toLspDiagnostic(d, analysis.lines, uri, docsUrl),
      );
      void connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics });
    },
    workspaceRoots: () => roots,
    dataAccess: () => ({ workspaceRoots: roots, trusted, realPath: host.realPath }),
    docsUrl,
  };

  connection.onInitialize((params) => {
    roots = (params.workspaceFolders ?? []).map((f) => host.pathOf(f.uri)).filter((p): p is string => !!p);
    if (roots.length === 0 && params.rootUri) roots = [host.pathOf(params.rootUri)].filter((p): p is string => !!p);
    options = clientOptions(params.initializationOptions);
    trusted =
      (params.initializationOptions as ClientInitializationOptions | null | undefined)?.workspaceTrusted !== false;
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    canRefresh = {
      inlayHints: !!params.capabilities.workspace?.inlayHint?.refreshSupport,
      codeLens: !!params.capabilities.workspace?.codeLens?.refreshSupport,
    };
    const capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
    for (const feature of FEATURES) Object.assign(capabilities, feature.capabilities);
    return { capabilities, serverInfo: { name: 'nn-studio', version: '0.1.0' } };
  });

  connection.onInitialized(() => {
    void refreshSettings();
  });

  async function refreshSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    settings = await fetchSettings(connection);
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
      settings = pushedSettings(change);
      cache.clear();
      for (const document of documents.all()) context.publish(document.uri);
      refreshViews();
    }
  });

  // Trust is only ever granted while the server runs; VS Code reloads the window when it is taken away.
  connection.onNotification(WorkspaceTrustedNotification.type, () => {
    trusted = true;
  });

  documents.onDidChangeContent((change) => context.publish(change.document.uri));
  documents.onDidClose((event) => {
    cache.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  for (const feature of FEATURES) feature.register(context);

  documents.listen(connection);
  return { context, cachedAnalyses: () => cache.size };
}
