/**
 * The training panel: a webview beside the editor that trains a `.nn` file's model and shows it learning.
 * Training runs in a worker thread (the engine's runner), never on the extension host's thread; this class
 * forwards the worker's events to the webview, checks every message coming back, and turns the panel's
 * requests into editor actions (reveal a layer, apply a fix as one undoable WorkspaceEdit).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { analyze, type Analysis } from '../../../server/src/analysis';
import {
  TRAINING_FINDINGS_NOTIFICATION,
  type HostToPanel,
  type PanelFix,
  type PanelInit,
  type PanelMode,
  type PanelRunState,
  type PanelSettings,
  type PanelToHost,
  type RunFinished,
  type RunThreshold,
  type TrainingEvent,
  type TrainingFindingsParams,
} from '../../../server/src/protocol';
import { saveRunWeights } from '../../../server/src/export/savedRun';
import { checkPanelMessage } from '../../../server/src/protocolValidate';
import { DEFAULT_THRESHOLDS, type TrainingThresholds } from '../../../server/src/train/checks/thresholds';
import { withCsvText } from '../../../server/src/train/hostData';
import { startRun, type RunHandle } from '../../../server/src/train/runner';
import type { PanelRunEvent } from '../api';
import type { ExtensionServices } from '../services';
import { fixEdits } from './edits';
import { panelHtml } from './html';
import { buildPanelInit, compareThreshold, findTarget, fileSettings, runInputs, withHiddenActivation, type TrainTarget } from './panelModel';

export const TRAINING_PANEL_VIEW_TYPE = 'nnStudio.training';

/** Minimum time between progress messages from the worker: about the webview's redraw rate (30 a second). */
const PROGRESS_INTERVAL_MS = 30;
const GRID_SIZE = 100;
const REANALYZE_DELAY_MS = 250;

interface ActiveRun {
  handle: RunHandle;
  mode: PanelMode;
  /** Stops forwarding this run's events. */
  unsubscribe: () => void;
  /** Document version when the run started: findings are published only if the text is unchanged. */
  version: number;
  /** What the run trains, for saving its weights when it completes. */
  inputs: ReturnType<typeof runInputs>;
}

let runCounter = 0;

/** The events of every panel's runs, for the extension's API (tests wait on them instead of sleeping). */
const runEvents = new vscode.EventEmitter<PanelRunEvent>();

function panelKey(uri: vscode.Uri, model: string): string {
  return `${uri.toString()}#${model}`;
}

/** The training check thresholds among the numeric `nn.*` settings (as the language server reads them). */
function thresholdSettings(uri: vscode.Uri): Partial<TrainingThresholds> {
  const config = vscode.workspace.getConfiguration('nn', uri);
  const out: Partial<TrainingThresholds> = {};
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof TrainingThresholds)[]) {
    const value = config.get<unknown>(key);
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

/** What the webview saved (see media/src/panel/state.ts): enough to find the document and model again. */
function savedTarget(state: unknown): { uri: string; model: string } | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const json = (state as { json?: unknown }).json;
  if (typeof json !== 'string') return undefined;
  try {
    const init = (JSON.parse(json) as { init?: Partial<PanelInit> }).init;
    return typeof init?.documentUri === 'string' && typeof init.modelName === 'string'
      ? { uri: init.documentUri, model: init.modelName }
      : undefined;
  } catch {
    return undefined;
  }
}

export class TrainingPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, TrainingPanel>();
  /** Every event of every panel's runs, including the end of a run the panel terminated. */
  static readonly onRunEvent: vscode.Event<PanelRunEvent> = runEvents.event;

  private readonly disposables: vscode.Disposable[] = [];
  private target: TrainTarget | undefined;
  private mode: PanelMode;
  /** The panel's edits to the file's settings, for the next run. */
  private settings: PanelSettings | undefined;
  private runs: ActiveRun[] = [];
  private compareQueue: { runId: string; activation: string }[] = [];
  private runState: PanelRunState['state'] = 'idle';
  private ready = false;
  /** What to do once the webview says it is ready (a command asked for a run before it loaded). */
  private pending: (() => void) | undefined;
  private reanalyzeTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  /** Opens the panel for a document's model (or shows the open one) and starts a run or a comparison. */
  static async createOrShow(services: ExtensionServices, uri: vscode.Uri, modelName: string | undefined, mode: PanelMode): Promise<TrainingPanel | undefined> {
    const document = await vscode.workspace.openTextDocument(uri);
    const analysis = analyzeDocument(document);
    const target = findTarget(analysis, modelName);
    if ('error' in target) {
      void vscode.window.showErrorMessage(`NN Studio cannot train: ${target.error}.`);
      return undefined;
    }
    const key = panelKey(uri, target.model.name);
    let panel = TrainingPanel.panels.get(key);
    if (panel) {
      panel.webview.reveal(undefined, true);
    } else {
      const webview = vscode.window.createWebviewPanel(TRAINING_PANEL_VIEW_TYPE, `Train: ${target.model.name}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, TrainingPanel.webviewOptions(services));
      panel = new TrainingPanel(services, webview, uri, target.model.name, mode);
    }
    const opened = panel;
    opened.whenReady(() => (mode === 'compare' ? opened.startCompare(undefined) : opened.startTraining()));
    return opened;
  }

  /** Reattaches a panel VS Code restored after a reload (from the webview's saved state). */
  static async revive(services: ExtensionServices, webview: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = savedTarget(state);
    if (!saved) {
      webview.dispose();
      return;
    }
    const uri = vscode.Uri.parse(saved.uri);
    webview.webview.options = TrainingPanel.webviewOptions(services);
    new TrainingPanel(services, webview, uri, saved.model, 'train');
  }

  static webviewOptions(services: ExtensionServices): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    const root = services.context.extensionUri;
    return {
      enableScripts: true,
      // The panel is where a run is watched: keep it alive while hidden so no progress is lost.
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(root, 'dist'), vscode.Uri.joinPath(root, 'media')],
    };
  }

  /** The open panels (for tests and the e2e harness). */
  static all(): readonly TrainingPanel[] {
    return [...TrainingPanel.panels.values()];
  }

  private constructor(
    private readonly services: ExtensionServices,
    readonly webview: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    readonly modelName: string,
    mode: PanelMode,
  ) {
    this.mode = mode;
    TrainingPanel.panels.set(panelKey(uri, modelName), this);
    const root = services.context.extensionUri;
    const w = webview.webview;
    w.html = panelHtml({
      cspSource: w.cspSource,
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(root, 'dist', 'panel.js')).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(root, 'media', 'panel.css')).toString(),
      title: `Train ${modelName}`,
    });
    this.disposables.push(
      w.onDidReceiveMessage((message: unknown) => this.receive(message)),
      webview.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === uri.toString()) this.scheduleReanalyze();
      }),
    );
    this.reanalyze();
  }

  /* ---------- Webview messages ---------- */

  private post(message: HostToPanel): void {
    if (!this.disposed) void this.webview.webview.postMessage(message);
  }

  private setRunState(state: PanelRunState['state']): void {
    this.runState = state;
    this.post({ type: 'runState', state });
  }

  private whenReady(action: () => void): void {
    if (this.ready) action();
    else this.pending = action;
  }

  private receive(raw: unknown): void {
    const checked = checkPanelMessage(raw);
    if (!checked.ok) {
      this.services.output.warn(`training panel: ignored a message: ${checked.error}`);
      return;
    }
    const message: PanelToHost = checked.value;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.target) this.sendInit();
        // After a reload the document may not be open yet: open it, quietly, and then describe the model.
        else void this.freshTarget(true).then(() => this.sendInit());
        this.post({ type: 'runState', state: this.runState });
        if (this.pending) {
          const action = this.pending;
          this.pending = undefined;
          action();
        }
        break;
      case 'control':
        this.control(message.action);
        break;
      case 'settings':
        this.settings = this.acceptSettings(message.settings);
        break;
      case 'compare':
        this.startCompare(message.activations);
        break;
      case 'revealLayer':
        void this.revealLayer(message.sourceIndex);
        break;
      case 'applyFix':
        void this.applyFix(message.fix, message.rerun);
        break;
      case 'copyResults':
        void vscode.env.clipboard.writeText(message.markdown).then(() => vscode.window.setStatusBarMessage('NN Studio: results copied as Markdown', 3000));
        break;
    }
  }

  /** Keeps the toy dataset only when it is one the panel offered. */
  private acceptSettings(settings: PanelSettings): PanelSettings {
    const offered = this.target ? buildPanelInit(this.target, this.mode, '', '').toyDatasets : [];
    if (settings.data && !offered.includes(settings.data.name)) return { ...settings, data: undefined };
    return settings;
  }

  private sendInit(): void {
    if (!this.target) return;
    const fileName = this.uri.scheme === 'file' ? path.basename(this.uri.fsPath) : path.basename(this.uri.path);
    this.post(buildPanelInit(this.target, this.mode, fileName, this.uri.toString()));
  }

  /* ---------- The document ---------- */

  private scheduleReanalyze(): void {
    if (this.reanalyzeTimer) clearTimeout(this.reanalyzeTimer);
    this.reanalyzeTimer = setTimeout(() => this.reanalyze(), REANALYZE_DELAY_MS);
  }

  private document(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
  }

  /** Reads the model again (after an edit) and tells the webview. */
  private reanalyze(): void {
    this.reanalyzeTimer = undefined;
    const document = this.document();
    if (!document) return;
    const target = findTarget(analyzeDocument(document), this.modelName);
    this.target = 'error' in target ? undefined : target;
    if (this.ready) this.sendInit();
  }

  /** Reads the document again (opening it if needed); says why it cannot be trained unless `quiet`. */
  private async freshTarget(quiet = false): Promise<TrainTarget | undefined> {
    let document = this.document();
    try {
      document ??= await vscode.workspace.openTextDocument(this.uri);
    } catch (error) {
      if (!quiet) void vscode.window.showErrorMessage(`NN Studio cannot open ${this.uri.toString()}: ${String(error)}`);
      return undefined;
    }
    const target = findTarget(analyzeDocument(document), this.modelName);
    if ('error' in target) {
      if (!quiet) void vscode.window.showErrorMessage(`NN Studio cannot train: ${target.error}.`);
      this.target = undefined;
      return undefined;
    }
    this.target = target;
    return target;
  }

  /* ---------- Runs ---------- */

  private control(action: 'play' | 'pause' | 'step' | 'reset' | 'stop' | 'regenerate'): void {
    const active = this.runs.at(-1);
    switch (action) {
      case 'play':
        if (active && this.runState === 'paused') {
          active.handle.resume();
          this.setRunState('running');
        } else if (!active) {
          void this.startTraining();
        }
        break;
      case 'pause':
        if (active && this.runState === 'running') {
          active.handle.pause();
          this.setRunState('paused');
        }
        break;
      case 'step':
        if (active) {
          active.handle.step();
          this.setRunState('paused');
        } else {
          void this.startTraining(true);
        }
        break;
      case 'stop':
        this.compareQueue = [];
        for (const run of this.runs) run.handle.stop();
        break;
      case 'reset':
        this.endRuns();
        this.post({ type: 'plan', mode: 'train', runs: [] });
        this.setRunState('idle');
        break;
      case 'regenerate':
        void this.startTraining();
        break;
    }
  }

  /** Ends every run at once and stops forwarding their events. */
  private endRuns(): void {
    this.compareQueue = [];
    for (const run of this.runs.splice(0)) {
      run.unsubscribe();
      void run.handle.terminate();
    }
  }

  private launch(
    target: TrainTarget, mode: PanelMode, runId: string, inputs: ReturnType<typeof runInputs>,
    options: { paused?: boolean; threshold?: RunThreshold } = {},
  ): ActiveRun | undefined {
    const document = this.document();
    let data = inputs.data;
    try {
      if (data.name === 'csv') {
        const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
        data = withCsvText(data, this.uri.scheme === 'file' ? this.uri.fsPath : '/', roots);
      }
      const handle = startRun(
        {
          runId, spec: inputs.spec, settings: inputs.settings, data, progressIntervalMs: PROGRESS_INTERVAL_MS, gridSize: GRID_SIZE,
          thresholds: thresholdSettings(this.uri), paused: options.paused, target: options.threshold,
        },
        { workerPath: path.join(this.services.context.extensionPath, 'dist', 'trainWorker.js') },
      );
      const run: ActiveRun = { handle, mode, version: document?.version ?? -1, unsubscribe: () => undefined, inputs };
      run.unsubscribe = handle.onEvent((event) => this.onEvent(run, target, event));
      // Kept after `unsubscribe`, so that a run the panel terminates still reports how it ended.
      const uri = this.uri.toString();
      handle.onEvent((event) => runEvents.fire({ uri, model: this.modelName, mode, event }));
      this.runs.push(run);
      return run;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.post({ type: 'error', runId, message });
      return undefined;
    }
  }

  private async startTraining(paused = false): Promise<void> {
    const target = await this.freshTarget();
    if (!target || this.disposed) return;
    this.endRuns();
    this.mode = 'train';
    const runId = `panel-${++runCounter}`;
    this.post({ type: 'plan', mode: 'train', runs: [{ runId, label: target.model.name }] });
    const run = this.launch(target, 'train', runId, runInputs(target, this.settings ?? fileSettings(target)), { paused });
    if (!run) {
      this.setRunState('finished');
      return;
    }
    if (paused) {
      // The worker started paused: this step trains exactly one epoch.
      run.handle.step();
      this.setRunState('paused');
    } else {
      this.setRunState('running');
    }
  }

  /** Trains the model once per activation (on its hidden layers), one run after the other, same data and seed. */
  private async startCompare(activations: string[] | undefined): Promise<void> {
    const target = await this.freshTarget();
    if (!target || this.disposed) return;
    this.endRuns();
    this.mode = 'compare';
    const chosen = activations ?? buildPanelInit(target, 'compare', '', '').compareDefaults;
    const runs = chosen.map((activation) => ({ runId: `compare-${++runCounter}-${activation}`, activation }));
    this.post({
      type: 'plan',
      mode: 'compare',
      runs: runs.map((r) => ({ runId: r.runId, label: r.activation, activation: r.activation })),
      threshold: compareThreshold(target.model),
    });
    this.compareQueue = runs;
    this.setRunState('running');
    this.startNextCompare(target);
  }

  private startNextCompare(target: TrainTarget): void {
    const next = this.compareQueue.shift();
    if (!next) {
      this.setRunState('finished');
      return;
    }
    const inputs = runInputs(target, this.settings ?? fileSettings(target));
    let spec;
    try {
      spec = withHiddenActivation(inputs.spec, target.model, next.activation);
    } catch (error) {
      this.post({ type: 'error', runId: next.runId, message: error instanceof Error ? error.message : String(error) });
      this.startNextCompare(target);
      return;
    }
    // The trainer times every run to the threshold the plan announced (it checks every epoch, sent or not).
    const threshold = compareThreshold(target.model);
    if (!this.launch(target, 'compare', next.runId, { ...inputs, spec }, { threshold })) this.startNextCompare(target);
  }

  private onEvent(run: ActiveRun, target: TrainTarget, event: TrainingEvent): void {
    this.post(event);
    if (event.type !== 'finished' && event.type !== 'error') return;
    this.runs = this.runs.filter((r) => r !== run);
    run.unsubscribe();
    if (run.mode === 'compare') {
      this.startNextCompare(target);
      return;
    }
    this.setRunState('finished');
    if (event.type === 'finished') {
      this.saveWeights(run, event);
      this.publishFindings(run, target, event.findings);
    }
  }

  /** Saves a completed training run's weights next to the file, where "NN: Export Model…" and `nn export --weights` reuse them. */
  private saveWeights(run: ActiveRun, finished: RunFinished): void {
    if (run.mode !== 'train' || finished.reason !== 'completed' || !finished.weights || this.uri.scheme !== 'file') return;
    try {
      const file = saveRunWeights(this.uri.fsPath, run.inputs.spec, finished.weights, run.inputs.settings);
      this.services.output.info(`training panel: saved the weights of '${this.modelName}' to ${file}`);
    } catch (error) {
      this.services.output.warn(`training panel: could not save the weights of '${this.modelName}': ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Hands the findings to the language server, which shows them as `nn-train` diagnostics on their layers. */
  private publishFindings(run: ActiveRun, target: TrainTarget, findings: TrainingFindingsParams['findings']): void {
    const document = this.document();
    const client = this.services.server.languageClient();
    if (!client || !document || document.version !== run.version) return;
    const params: TrainingFindingsParams = { uri: this.uri.toString(), model: target.model.name, version: run.version, findings };
    void client.sendNotification(TRAINING_FINDINGS_NOTIFICATION, params).catch((error: unknown) =>
      this.services.output.warn(`training panel: could not publish findings: ${String(error)}`),
    );
  }

  /* ---------- Back to the code ---------- */

  private async revealLayer(sourceIndex: number): Promise<void> {
    const target = await this.freshTarget();
    const layer = target?.model.layers[sourceIndex];
    const document = this.document();
    if (!layer || !document) return;
    const range = new vscode.Range(document.positionAt(layer.span.start), document.positionAt(layer.span.end));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async applyFix(fix: PanelFix, rerun: boolean): Promise<void> {
    const document = this.document() ?? (await vscode.workspace.openTextDocument(this.uri));
    const result = fixEdits(analyzeDocument(document), this.modelName, fix);
    if ('error' in result) {
      void vscode.window.showErrorMessage(`NN Studio could not apply the change: ${result.error}.`);
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) {
      edit.replace(document.uri, new vscode.Range(document.positionAt(e.span.start), document.positionAt(e.span.end)), e.newText);
    }
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage('NN Studio could not apply the change to the document.');
      return;
    }
    if (fix.kind === 'setLearningRate' && this.settings) this.settings = { ...this.settings, lr: fix.lr };
    this.reanalyze();
    if (rerun) await this.startTraining();
  }

  /* ---------- Lifetime ---------- */

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    TrainingPanel.panels.delete(panelKey(this.uri, this.modelName));
    if (this.reanalyzeTimer) clearTimeout(this.reanalyzeTimer);
    // Closing the panel stops its runs.
    this.endRuns();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.webview.dispose();
  }

  /** The run state, for tests. */
  get state(): PanelRunState['state'] {
    return this.runState;
  }
}

function analyzeDocument(document: vscode.TextDocument): Analysis {
  const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  return analyze(document.getText(), { documentPath: document.uri.scheme === 'file' ? document.uri.fsPath : undefined, workspaceRoots: roots });
}
