/** Entry of the training panel's webview script (bundled to dist/panel.js). */
import uplotCss from 'uplot/dist/uPlot.min.css';
import { checkHostMessage } from '../../../server/src/protocolValidate';
import { PanelApp } from './app';
import { FrameScheduler } from './scheduler';
import {
  ALL_PARTS,
  applyHostMessage,
  createState,
  restoreState,
  saveState,
  type PanelState,
  type ViewPart,
} from './state';
import { connectToHost } from './vscodeApi';

const SAVE_DELAY_MS = 500;
/** The nonce of this script, captured while it runs (the CSP allows styles with it). */
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce || undefined;

/** uPlot's stylesheet ships inside the bundle; it is added as a style element carrying the script's nonce. */
function addBundledStyles(css: string): void {
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  document.head.appendChild(style);
}

/** The number of a host batch (also of one that fails validation), else undefined. */
function batchSeq(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, seq } = data as { type?: unknown; seq?: unknown };
  return type === 'batch' && Number.isInteger(seq) && (seq as number) >= 0 ? (seq as number) : undefined;
}

function start(): void {
  addBundledStyles(uplotCss);
  const host = connectToHost();
  const state: PanelState = restoreState(host.getState()) ?? createState();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    saveTimer = undefined;
    host.setState(saveState(state));
  };
  const saveSoon = () => {
    saveTimer ??= setTimeout(save, SAVE_DELAY_MS);
  };

  const root = document.getElementById('app') ?? document.body;
  // The app's callbacks use the scheduler, which is made after the app: one assignment, below.
  // eslint-disable-next-line prefer-const
  let scheduler: FrameScheduler<ViewPart>;
  const app = new PanelApp(root, {
    post: (message) => host.post(message),
    changeUi: (mutate, parts) => {
      mutate(state);
      scheduler.mark(parts);
      saveSoon();
    },
  });
  scheduler = new FrameScheduler<ViewPart>(
    (parts) => {
      app.draw(state, parts);
      document.body.dataset.frames = String(scheduler.frames);
    },
    (callback) => requestAnimationFrame(callback),
  );

  window.addEventListener('message', (event: MessageEvent) => {
    const checked = checkHostMessage(event.data);
    // Every batch is acknowledged, even a malformed one: the host sends the next only after the ack.
    const seq = batchSeq(event.data);
    if (!checked.ok) {
      console.error(`[nn-panel] ignored a message: ${checked.error}`);
      if (seq !== undefined) host.post({ type: 'ack', seq });
      return;
    }
    const message = checked.value;
    scheduler.mark(applyHostMessage(state, message));
    if (seq !== undefined) host.post({ type: 'ack', seq });
    const updates = message.type === 'batch' ? message.updates : [message];
    if (updates.some((u) => u.type === 'finished' || u.type === 'error')) save();
    else saveSoon();
  });

  // VS Code marks the theme on <body> (class) and <html> (variables); redraw everything when it changes.
  const observer = new MutationObserver(() => {
    app.themeChanged();
    scheduler.mark(ALL_PARTS);
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });

  scheduler.mark(ALL_PARTS);
  host.post({ type: 'ready' });
}

start();
