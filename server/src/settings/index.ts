/** The one typed settings module: what the language server, the CLI and the run pipeline read of `nn.*`. */
export { DEFAULT_SETTINGS, readSettings, type NnSettings } from './nnSettings';
export { readSettingsFile } from './settingsFile';
