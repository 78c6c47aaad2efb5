/**
 * What a panel's webview saved (see media/src/panel/state.ts): enough to find the document and model again after
 * a reload, and the text its results were trained from with the line the banner names, so edits stay tracked.
 */
import type { PanelInit } from '../../../server/src/protocol';

export interface SavedPanel {
  uri: string;
  model: string;
  /** The document's text the results on screen were trained from, when the webview kept it. */
  runText?: string;
  /** The changed line the webview's banner shows (undefined while its results are current). */
  staleLine?: number;
}

export function savedTarget(state: unknown): SavedPanel | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const json = (state as { json?: unknown }).json;
  if (typeof json !== 'string') return undefined;
  let saved: { init?: Partial<PanelInit>; runText?: unknown; stale?: unknown };
  try {
    saved = JSON.parse(json) as typeof saved;
  } catch {
    return undefined;
  }
  const init = saved?.init;
  if (typeof init?.documentUri !== 'string' || typeof init.modelName !== 'string') return undefined;
  const target: SavedPanel = { uri: init.documentUri, model: init.modelName };
  if (typeof saved.runText === 'string') target.runText = saved.runText;
  if (Number.isInteger(saved.stale) && (saved.stale as number) >= 1) target.staleLine = saved.stale as number;
  return target;
}
