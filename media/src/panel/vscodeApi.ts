/** The webview's handle on VS Code, typed with the panel protocol. */
import type { PanelToHost } from '../../../server/src/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface PanelHost {
  post(message: PanelToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}

/** May be called once per page load (VS Code refuses a second call). */
export function connectToHost(): PanelHost {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
  };
}
