/**
 * The training panel's questions to the language server, each a typed request of the protocol: what the
 * panel shows, the plan of a run, the edits behind a button, where a run's weights go, and its findings.
 */
import type { BaseLanguageClient, RequestType } from 'vscode-languageclient';
import {
  PanelEditsRequest,
  PanelModelRequest,
  PlanRunRequest,
  SaveRunRequest,
  TrainingFindingsNotification,
  type PanelEditsResult,
  type PanelFix,
  type PanelModelResult,
  type PlanRunParams,
  type PlanRunResult,
  type SaveRunParams,
  type SaveRunResult,
  type TrainingFindingsParams,
} from '../../../server/src/protocol';
import type { ExtensionServices } from '../services';

/** A plan the server accepted: what the worker is started with. */
export type RunPlan = Extract<PlanRunResult, { ok: true }>;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class PanelServer {
  constructor(
    private readonly services: ExtensionServices,
    /** The document's URI, as the server knows it. */
    readonly uri: string,
  ) {}

  panelModel(model: string | undefined): Promise<PanelModelResult> {
    return this.request(PanelModelRequest.type, { uri: this.uri, model }, (message) => ({ ok: false, message }));
  }

  planRun(params: Omit<PlanRunParams, 'uri'>): Promise<PlanRunResult> {
    return this.request(PlanRunRequest.type, { ...params, uri: this.uri }, (message) => ({
      ok: false,
      message,
      problems: [],
    }));
  }

  panelEdits(model: string, fix: PanelFix): Promise<PanelEditsResult> {
    return this.request(PanelEditsRequest.type, { uri: this.uri, model, fix }, (message) => ({ ok: false, message }));
  }

  saveRun(params: Omit<SaveRunParams, 'uri'>): Promise<SaveRunResult> {
    return this.request(SaveRunRequest.type, { ...params, uri: this.uri }, (message) => ({ ok: false, message }));
  }

  /** Hands a run's findings to the server, which shows them as `nn-train` diagnostics on their layers. */
  async publishFindings(params: Omit<TrainingFindingsParams, 'uri'>): Promise<void> {
    const client = await this.client();
    await client?.sendNotification(TrainingFindingsNotification.type, { ...params, uri: this.uri });
  }

  private async client(): Promise<BaseLanguageClient | undefined> {
    await this.services.server.whenReady().catch(() => undefined);
    return this.services.server.languageClient();
  }

  private async request<P, R>(type: RequestType<P, R, void>, params: P, failed: (message: string) => R): Promise<R> {
    const client = await this.client();
    if (!client) return failed('the language server is not running');
    try {
      return await client.sendRequest(type as RequestType<unknown, R, void>, params);
    } catch (error) {
      return failed(`the language server did not answer: ${errorText(error)}`);
    }
  }
}
