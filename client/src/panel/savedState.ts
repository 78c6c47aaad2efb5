/** What a panel's webview saved (see media/src/panel/state.ts): enough to find the document and model again after a reload. */
import type { PanelInit } from '../../../server/src/protocol';

export function savedTarget(state: unknown): { uri: string; model: string } | undefined {
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
