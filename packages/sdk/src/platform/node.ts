/// <reference types="node" />
import { createFileStorage } from './node-file-storage.js';
import { readNodeSettings, type SettingsRecord } from './node-settings.js';
import { createMemoryStorage, type KeyValueStorage } from './storage.js';

export type { KeyValueStorage } from './storage.js';
export type { SettingsRecord } from './node-settings.js';
export { openLocalFile } from './node-local-file.js';
export { createSha256 } from './node-sha256.js';

/** True in the browser build; this is the Node build. */
export const IS_BROWSER_BUILD = false;

/**
 * Creates the token store for a `dataDirectory` option: a folder → files in it; `false` → private
 * memory; undefined → the `dataDirectory` setting (`~/.balena` unless balenarc files or
 * `BALENARC_DATA_DIRECTORY` say otherwise), read on first use, not at construction.
 *
 * @param dataDirectory - the SDK option.
 * @returns the store.
 * @example
 * const storage = createTokenStorage('/tmp/balena-test');
 */
export function createTokenStorage(dataDirectory: string | false | undefined): KeyValueStorage {
  if (dataDirectory === false) {
    return createMemoryStorage();
  }
  if (typeof dataDirectory === 'string') {
    return createFileStorage(async () => dataDirectory);
  }
  return createFileStorage(async () => String((await readNodeSettings()).dataDirectory));
}

/**
 * Reads the balena settings (balenarc files, `BALENARC_*` environment, defaults).
 *
 * @returns every setting with its value.
 * @throws {Error} when a settings file cannot be parsed.
 * @example
 * const settings = await readSettings();
 */
export function readSettings(): Promise<SettingsRecord> {
  return readNodeSettings();
}
