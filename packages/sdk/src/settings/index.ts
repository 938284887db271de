import { readSettings, type SettingsRecord } from '../platform/index.js';

/** `sdk.settings`: the balena settings of this machine (Node only). */
export interface BalenaSettings {
  /**
   * Resolves one setting as text.
   *
   * @param key - the setting name, e.g. `apiUrl` or `dataDirectory`.
   * @returns the value as text.
   * @throws {Error} "Setting not found: <key>" for unknown settings; in browsers, always.
   * @example
   * const apiUrl = await sdk.settings.get('apiUrl');
   */
  get(key: string): Promise<string>;

  /**
   * Resolves every setting.
   *
   * @returns the settings record.
   * @throws {Error} when a settings file cannot be parsed; in browsers, always.
   * @example
   * const all = await sdk.settings.getAll();
   */
  getAll(): Promise<SettingsRecord>;
}

/**
 * Creates `sdk.settings` (balena-settings-client semantics: `~/.balenarc.yml`, `./balenarc.yml`,
 * `BALENARC_*` variables, defaults). Files are read on the first call, once per SDK instance.
 * In the browser build both methods reject: settings are not available there.
 *
 * @returns the settings namespace.
 * @example
 * const dataDirectory = await createSettings().get('dataDirectory');
 */
export function createSettings(): BalenaSettings {
  let loaded: Promise<SettingsRecord> | undefined;
  const load = () => {
    loaded ??= readSettings().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };

  async function get(key: string): Promise<string> {
    const value = (await load())[key];
    if (value == null) {
      throw new Error(`Setting not found: ${key}`);
    }
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  async function getAll(): Promise<SettingsRecord> {
    return { ...(await load()) };
  }

  return { get, getAll };
}
