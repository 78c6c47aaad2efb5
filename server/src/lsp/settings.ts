/** How the server gets the `nn.*` settings from the client; reading them is `settings/`'s job. */
import type { Connection, DidChangeConfigurationParams } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, readSettings, type NnSettings } from '../settings';

/** Pulls the `nn` section from the client (`workspace/configuration`); the defaults when the client fails to answer. */
export async function fetchSettings(connection: Connection): Promise<NnSettings> {
  try {
    return readSettings(await connection.workspace.getConfiguration('nn'));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** The settings a client without `workspace/configuration` pushes with `didChangeConfiguration`. */
export function pushedSettings(change: DidChangeConfigurationParams): NnSettings {
  return readSettings((change.settings as { nn?: unknown } | undefined)?.nn);
}
