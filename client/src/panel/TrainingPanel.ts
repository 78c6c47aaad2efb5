/**
 * The training panel: a webview beside the editor that trains a `.nn` file's model and shows it learning.
 * This class is the panel's life cycle and its message switchboard. What it shows and what it runs come from
 * the language server (./panelServer.ts); runs are worker threads (./runs.ts), compare mode queues them
 * (./compare.ts), a completed run's results are kept (./results.ts), and the buttons edit the code (./fixes.ts).
 */
import * as vscode from 'vscode';
import {
  MAX_PLAN_TEXT,
  type PanelBatch,
  type PanelControlAction,
  type PanelMode,
  type PanelModel,
  type PanelRunState,
  type PanelToHost,
  type PanelUpdate,
  type RunBackend,
  type RunThreshold,
  type TrainingEvent,
} from '../../../server/src/protocol';
import { checkPanelMessage } from '../../../server/src/protocolValidate';
import type { PanelRunEvent } from '../api';
import type { ExtensionServices } from '../services';
import { requireTrust } from '../trust';
import { CompareQueue } from './compare';
import { applyFix } from './fixes';
import { PanelOutbox } from './outbox';
import { panelHtml } from './html';
import { lspRange, offsetRange, revealRange } from './navigate';
import { PanelServer, type RunPlan } from './panelServer';
import { keepResults } from './results';
import { GRID_SIZE, PanelRuns, type PanelRun } from './runs';
import { savedTarget, type SavedPanel } from './savedState';
import { StaleTracker } from './stale';

export const TRAINING_PANEL_VIEW_TYPE = 'nnStudio.training';

const REFRESH_DELAY_MS = 250;

let runCounter = 0;

/** The events of every panel's runs, for the extension's API (tests wait on them instead of sleeping). */
const runEvents = new vscode.EventEmitter<PanelRunEvent>();

function panelKey(uri: vscode.Uri, model: string): string {
  return `${uri.toString()}#${model}`;
}

export class TrainingPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, TrainingPanel>();
  /** Every event of every panel's runs, including the end of a run the panel terminated. */
  static readonly onRunEvent: vscode.Event<PanelRunEvent> = runEvents.event;

  private readonly disposables: vscode.Disposable[] = [];
  private readonly server: PanelServer;
  private readonly runs: PanelRuns;
  private readonly compare = new CompareQueue();
  /** Everything for the webview goes through here: in order, progress coalesced while it has not caught up. */
  private readonly outbox = new PanelOutbox((batch) => this.deliver(batch));
  /** What the server last said the panel shows (undefined while the model cannot be trained). */
  private model: PanelModel | undefined;
  private compareThreshold: RunThreshold | undefined;
  /** The trainer of the next runs (a run option the panel picks; compare runs always use the engine). */
  private backend: RunBackend = 'engine';
  /** The Python of the `nn.python` setting when it has PyTorch (checked once); undefined while not offered. */
  private torchPython: string | undefined;
  private mode: PanelMode;
  private runState: PanelRunState['state'] = 'idle';
  /** Compares the document with the text the runs on screen were planned from; each change is posted once. */
  private readonly stale: StaleTracker;
  private ready = false;
  /** What to do once the webview says it is ready (a command asked for a run before it loaded). */
  private pending: (() => void) | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts starts and refreshes, so that an answer that arrives after a newer request is dropped. */
  private startGeneration = 0;
  private refreshGeneration = 0;
  private disposed = false;

  /** Opens the panel for a document's model (or shows the open one) and starts a run or a comparison. */
  static async createOrShow(
    services: ExtensionServices,
    uri: vscode.Uri,
    modelName: string | undefined,
    mode: PanelMode,
  ): Promise<TrainingPanel | undefined> {
    await vscode.workspace.openTextDocument(uri);
    const described = await new PanelServer(services, uri.toString()).panelModel(modelName);
    if (!described.ok) {
      void vscode.window.showErrorMessage(`NN Studio cannot train: ${described.message}.`);
      return undefined;
    }
    const name = described.model.modelName;
    let panel = TrainingPanel.panels.get(panelKey(uri, name));
    if (panel) {
      panel.webview.reveal(undefined, true);
    } else {
      const webview = vscode.window.createWebviewPanel(
        TRAINING_PANEL_VIEW_TYPE,
        `Train: ${name}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        TrainingPanel.webviewOptions(services),
      );
      panel = new TrainingPanel(services, webview, uri, name, mode);
    }
    const opened = panel;
    opened.whenReady(() => void (mode === 'compare' ? opened.startCompare(undefined) : opened.startTraining()));
    return opened;
  }

  /** Reattaches a panel VS Code restored after a reload (from the webview's saved state). */
  static revive(services: ExtensionServices, webview: vscode.WebviewPanel, state: unknown): void {
    const saved = savedTarget(state);
    if (!saved) {
      webview.dispose();
      return;
    }
    webview.webview.options = TrainingPanel.webviewOptions(services);
    new TrainingPanel(services, webview, vscode.Uri.parse(saved.uri), saved.model, 'train', saved);
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
    saved?: SavedPanel,
  ) {
    this.mode = mode;
    // A panel revived after a reload goes on comparing edits with the text its results came from.
    this.stale = new StaleTracker(saved);
    this.server = new PanelServer(services, uri.toString());
    const documentUri = uri.toString();
    this.runs = new PanelRuns(
      () => services.platform.createTrainingPort(services.context),
      (runMode, event) => runEvents.fire({ uri: documentUri, model: modelName, mode: runMode, event }),
    );
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
        if (event.document.uri.toString() !== documentUri) return;
        this.markStale(event.document.getText());
        this.scheduleRefresh();
      }),
    );
    void this.refresh(true);
    void this.probeTorch();
  }

  /* ---------- Webview messages ---------- */

  private post(message: PanelUpdate): void {
    if (!this.disposed) this.outbox.push(message);
  }

  private deliver(batch: PanelBatch): void {
    if (this.disposed) return;
    // A batch VS Code could not deliver will never be acknowledged: the next one may go at once.
    void this.webview.webview.postMessage(batch).then(
      (delivered) => {
        if (!delivered) this.outbox.ack(batch.seq);
      },
      () => this.outbox.ack(batch.seq),
    );
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
        this.onReady();
        break;
      case 'control':
        this.control(message.action);
        break;
      case 'compare':
        void this.startCompare(message.activations);
        break;
      case 'revealLayer':
        void this.revealLayer(message.sourceIndex);
        break;
      case 'revealSource':
        void this.revealSource(message.start, message.end);
        break;
      case 'applyFix':
        void this.applyFix(message.fix, message.rerun);
        break;
      case 'copyResults':
        void vscode.env.clipboard
          .writeText(message.markdown)
          .then(() => vscode.window.setStatusBarMessage('NN Studio: results copied as Markdown', 3000));
        break;
      case 'ack':
        this.outbox.ack(message.seq);
        break;
      case 'backend':
        this.backend = message.backend;
        break;
    }
  }

  private onReady(): void {
    this.ready = true;
    // A reloaded webview will not acknowledge what its previous page was sent.
    this.outbox.reset();
    // A fresh page shows the engine as the backend.
    this.backend = 'engine';
    // After a reload the document may not be open yet: refreshing opens it, quietly, and then describes the model.
    if (this.model) this.sendInit();
    else void this.refresh(true);
    this.post({ type: 'runState', state: this.runState });
    // The document may have changed while the page was away (a reload): the banner follows it at once.
    const document = this.document();
    if (document) this.markStale(document.getText());
    const action = this.pending;
    this.pending = undefined;
    action?.();
  }

  private sendInit(): void {
    if (!this.model) return;
    const fileName = this.uri.path.slice(this.uri.path.lastIndexOf('/') + 1);
    this.post({
      type: 'init',
      mode: this.mode,
      fileName,
      documentUri: this.uri.toString(),
      ...this.model,
      torchAvailable: this.torchPython !== undefined,
    });
  }

  /** Offers the PyTorch backend once the `nn.python` interpreter is known to have torch (desktop only). */
  private async probeTorch(): Promise<void> {
    const configured = vscode.workspace.getConfiguration('nn').get<string>('python')?.trim();
    const python = configured || (typeof process !== 'undefined' && process.env?.NN_PYTHON) || 'python3';
    if (!(await this.services.platform.hasTorch?.(python)) || this.disposed) return;
    this.torchPython = python;
    if (this.ready) this.sendInit();
  }

  /* ---------- The document ---------- */

  private document(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
  }

  /** The document, opened if needed (the language server knows only open documents). Says why it cannot unless `quiet`. */
  private async openDocument(quiet = false): Promise<vscode.TextDocument | undefined> {
    try {
      return this.document() ?? (await vscode.workspace.openTextDocument(this.uri));
    } catch (error) {
      if (!quiet) void vscode.window.showErrorMessage(`NN Studio cannot open ${this.uri.toString()}: ${String(error)}`);
      return undefined;
    }
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(true), REFRESH_DELAY_MS);
  }

  /** Asks the server what the panel shows of the model now (after an edit) and tells the webview. */
  private async refresh(quiet: boolean): Promise<boolean> {
    this.refreshTimer = undefined;
    const generation = ++this.refreshGeneration;
    const document = await this.openDocument(quiet);
    if (!document) return false;
    const described = await this.server.panelModel(this.modelName);
    if (this.disposed || generation !== this.refreshGeneration) return described.ok;
    this.model = described.ok ? described.model : undefined;
    this.compareThreshold = described.ok ? described.compareThreshold : undefined;
    if (!described.ok && !quiet) void vscode.window.showErrorMessage(`NN Studio cannot train: ${described.message}.`);
    if (this.ready) this.sendInit();
    // After a reload the document opens only now: the banner compares it with the saved text.
    this.markStale(document.getText());
    return described.ok;
  }

  /* ---------- Runs ---------- */

  private control(action: PanelControlAction): void {
    const active = this.runs.latest();
    // A PyTorch run cannot pause or train one epoch at a time (the panel disables those buttons for it).
    const torch = active ? active.torch === true : this.torchBackend() !== undefined;
    if (torch && (action === 'pause' || action === 'step')) return;
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
        this.compare.clear();
        this.runs.stopAll();
        break;
      case 'reset':
        this.endRuns();
        this.stale.fresh(undefined);
        this.post({ type: 'plan', mode: 'train', runs: [] });
        this.setRunState('idle');
        break;
      case 'regenerate':
        void this.startTraining();
        break;
    }
  }

  /** Ends every run at once; a start still waiting for its plan is dropped too. */
  private endRuns(): number {
    this.compare.clear();
    this.runs.endAll();
    return ++this.startGeneration;
  }

  /**
   * Remembers the text the runs on screen start from (later edits mark their results as stale) and returns it
   * for the plan, which the webview keeps in its saved state; a text too long to keep is left out.
   */
  private markFresh(): { text?: string } {
    const text = this.document()?.getText();
    this.stale.fresh(text);
    return text !== undefined && text.length <= MAX_PLAN_TEXT ? { text } : {};
  }

  /** Tells the webview when the results on screen no longer match the text (and when they do again). */
  private markStale(text: string): void {
    // A page still loading would lose the message; onReady compares again.
    if (!this.ready) return;
    const message = this.stale.update(text);
    if (message) this.post(message);
  }

  /** The Python to train with when the panel's backend is PyTorch and it is offered; else undefined (the engine). */
  private torchBackend(): string | undefined {
    return this.backend === 'torch' ? this.torchPython : undefined;
  }

  /** Asks the server for the plan of a run; shows why none starts (the problems link to their lines). */
  private async plan(
    runId: string,
    generation: number,
    hiddenActivation?: string,
    withTrainer?: boolean,
  ): Promise<RunPlan | undefined> {
    const plan = await this.server.planRun({
      model: this.modelName,
      gridSize: GRID_SIZE,
      hiddenActivation,
      ...(withTrainer ? { withTrainer } : {}),
    });
    if (this.disposed || generation !== this.startGeneration) return undefined;
    if (plan.ok) return plan;
    this.post({
      type: 'error',
      runId,
      message: `Not started: ${plan.message.replace(/\.$/, '')}.`,
      problems: plan.problems,
    });
    return undefined;
  }

  private launch(
    runId: string,
    mode: PanelMode,
    plan: RunPlan,
    options: { paused?: boolean; threshold?: RunThreshold; python?: string } = {},
  ): PanelRun | undefined {
    try {
      return this.runs.start(runId, mode, plan, options, (run, event) => this.onRunEvent(run, event));
    } catch (error) {
      this.post({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  }

  private async startTraining(paused = false): Promise<void> {
    if (!requireTrust('Training') || !(await this.openDocument())) return;
    const generation = this.endRuns();
    this.mode = 'train';
    const runId = `panel-${++runCounter}`;
    const text = this.markFresh();
    this.post({ type: 'plan', mode: 'train', runs: [{ runId, label: this.modelName }], ...text });
    const python = this.torchBackend();
    const plan = await this.plan(runId, generation, undefined, python !== undefined);
    if (generation !== this.startGeneration) return;
    const run = plan && this.launch(runId, 'train', plan, python ? { python } : { paused });
    if (!run) {
      this.setRunState('finished');
      return;
    }
    if (paused && !run.torch) {
      // The worker started paused: this step trains exactly one epoch.
      run.handle.step();
      this.setRunState('paused');
    } else {
      this.setRunState('running');
    }
  }

  /** Trains the model once per activation (on its hidden layers), one run after the other, same data and seed. */
  private async startCompare(activations: string[] | undefined): Promise<void> {
    if (!requireTrust('Comparing activations') || !(await this.refresh(false)) || !this.model) return;
    const generation = this.endRuns();
    this.mode = 'compare';
    const chosen = activations ?? this.model.compareDefaults;
    const text = this.markFresh();
    this.post({
      ...this.compare.fill(chosen, (activation) => `compare-${++runCounter}-${activation}`, this.compareThreshold),
      ...text,
    });
    this.setRunState('running');
    await this.startNextCompare(generation, true);
  }

  /** Starts the next compare run; when the first cannot start, none does (the file itself is refused). */
  private async startNextCompare(generation: number, first = false): Promise<void> {
    const next = this.compare.next();
    if (!next) {
      this.setRunState('finished');
      return;
    }
    const plan = await this.plan(next.runId, generation, next.activation);
    if (generation !== this.startGeneration) return;
    if (plan && this.launch(next.runId, 'compare', plan, { threshold: this.compareThreshold })) return;
    if (first) this.compare.clear();
    await this.startNextCompare(generation);
  }

  private onRunEvent(run: PanelRun, event: TrainingEvent): Promise<void> | undefined {
    this.post(event);
    if (event.type !== 'finished' && event.type !== 'error') return undefined;
    if (run.mode === 'compare') {
      void this.startNextCompare(this.startGeneration);
      return undefined;
    }
    this.setRunState('finished');
    if (event.type !== 'finished') return undefined;
    return keepResults(this.server, this.services.output, run, event, this.document()?.version);
  }

  /* ---------- Back to the code ---------- */

  private async revealLayer(sourceIndex: number): Promise<void> {
    const document = await this.openDocument();
    const described = document && (await this.server.panelModel(this.modelName));
    const range = described?.ok ? described.layerRanges[sourceIndex] : undefined;
    if (document && range) await revealRange(document, lspRange(range));
  }

  /** Shows a range of the document (a problem the panel listed), selected. */
  private async revealSource(start: number, end: number): Promise<void> {
    const document = await this.openDocument();
    if (document) await revealRange(document, offsetRange(document, start, end));
  }

  private async applyFix(fix: Parameters<typeof applyFix>[3], rerun: boolean): Promise<void> {
    const document = await this.openDocument();
    const applied = document !== undefined && (await applyFix(this.server, document, this.modelName, fix));
    // Refreshed either way: a refused change puts the file's value back in the panel's field.
    await this.refresh(true);
    if (!applied) return;
    if (rerun) await this.startTraining();
  }

  /* ---------- Lifetime ---------- */

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    TrainingPanel.panels.delete(panelKey(this.uri, this.modelName));
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
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
