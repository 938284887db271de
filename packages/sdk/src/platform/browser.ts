import { createSha256 as createPortableSha256, type Sha256 } from '../models/os/sha256.js';
import type { SettingsValue } from './yaml-lite.js';
import { createMemoryStorage, type KeyValueStorage } from './storage.js';

export type { KeyValueStorage } from './storage.js';

/**
 * Creates an incremental SHA-256 hasher (the portable one: Web Crypto cannot hash a stream).
 *
 * @returns the hasher.
 * @throws {Error} never.
 * @example
 * const hash = await createSha256();
 */
export async function createSha256(): Promise<Sha256> {
  return createPortableSha256();
}
/** Settings as balena-settings-client exposes them. */
export type SettingsRecord = Record<string, SettingsValue>;

/**
 * File paths cannot be opened in browsers; pass a `File` instead.
 *
 * @param filePath - the path that was given.
 * @returns never.
 * @throws {Error} always: "File path uploads are not supported in the browser."
 * @example
 * await openLocalFile('x.txt'); // throws
 */
export async function openLocalFile(filePath: string): Promise<File> {
  throw new Error(`File path uploads are not supported in the browser. (${filePath})`);
}

/** True in the browser build. */
export const IS_BROWSER_BUILD = true;

/** localStorage keys are prefixed like balena-settings-storage does: `balena-token`. */
export const LOCAL_STORAGE_PREFIX = 'balena-';

function usableLocalStorage(): Storage | undefined {
  try {
    const storage = globalThis.localStorage;
    const probe = `__balena_probe_${Math.round(Math.random() * 1e7)}`;
    storage.setItem(probe, probe);
    const works = storage.getItem(probe) === probe;
    storage.removeItem(probe);
    return works ? storage : undefined;
  } catch {
    // Private browsing modes and sandboxed frames throw on any access.
    return undefined;
  }
}

/**
 * Creates the token store: `localStorage` under `balena-<key>` when usable, private memory when
 * it is not or when `dataDirectory` is `false`.
 *
 * @param dataDirectory - the SDK option (only `false` matters in browsers).
 * @returns the store.
 * @example
 * const storage = createTokenStorage(undefined);
 */
export function createTokenStorage(dataDirectory: string | false | undefined): KeyValueStorage {
  const memory = createMemoryStorage();
  // Probed on first use, so constructing the SDK touches no storage.
  let backend: KeyValueStorage | undefined;
  const resolve = (): KeyValueStorage => {
    if (backend === undefined) {
      const localStorage = dataDirectory === false ? undefined : usableLocalStorage();
      backend =
        localStorage === undefined
          ? memory
          : {
              async getItem(key) {
                return localStorage.getItem(LOCAL_STORAGE_PREFIX + key);
              },
              async setItem(key, value) {
                localStorage.setItem(LOCAL_STORAGE_PREFIX + key, value);
              },
              async removeItem(key) {
                localStorage.removeItem(LOCAL_STORAGE_PREFIX + key);
              },
            };
    }
    return backend;
  };
  return {
    getItem: (key) => resolve().getItem(key),
    setItem: (key, value) => resolve().setItem(key, value),
    removeItem: (key) => resolve().removeItem(key),
  };
}

/**
 * Settings come from files and environment variables, which browsers do not have.
 *
 * @returns never resolves.
 * @throws {Error} always: settings are not available in the browser.
 * @example
 * await readSettings().catch(console.error);
 */
export async function readSettings(): Promise<SettingsRecord> {
  throw new Error(
    'The method is not implemented: settings are not available in the browser build of balena-sdk.',
  );
}
