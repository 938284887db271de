/// <reference types="node" />
import { join } from 'node:path';
import { BalenaSettingsPermissionError } from '../errors/index.js';
import type { KeyValueStorage } from './storage.js';

function isPermissionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EPERM';
}

/**
 * Creates a store that keeps each key in its own file inside a directory (the layout of
 * balena-settings-storage: key `token` → `<directory>/token`). The directory is created on the
 * first write, readable by its owner only.
 *
 * @param resolveDirectory - returns the directory; called once, on first use.
 * @returns the store.
 * @throws {BalenaSettingsPermissionError} when the directory or file is not accessible.
 * @example
 * const storage = createFileStorage(async () => '/home/me/.balena');
 */
export function createFileStorage(resolveDirectory: () => Promise<string>): KeyValueStorage {
  // Loaded on first use: importing node:fs/promises up front would slow every SDK start-up.
  const fsPromises = () => import('node:fs/promises');
  let directory: Promise<string> | undefined;
  const pathOf = async (key: string) => {
    directory ??= resolveDirectory();
    return join(await directory, encodeURIComponent(key));
  };

  return {
    async getItem(key) {
      try {
        const { readFile } = await fsPromises();
        return await readFile(await pathOf(key), 'utf8');
      } catch (error) {
        if (isPermissionError(error)) {
          throw new BalenaSettingsPermissionError(error);
        }
        return null;
      }
    },
    async setItem(key, value) {
      const path = await pathOf(key);
      const { mkdir, writeFile } = await fsPromises();
      try {
        await mkdir(await (directory as Promise<string>), { recursive: true, mode: 0o700 });
        await writeFile(path, value, { encoding: 'utf8', mode: 0o600 });
      } catch (error) {
        throw isPermissionError(error) ? new BalenaSettingsPermissionError(error) : error;
      }
    },
    async removeItem(key) {
      const { unlink } = await fsPromises();
      try {
        await unlink(await pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          throw isPermissionError(error) ? new BalenaSettingsPermissionError(error) : error;
        }
      }
    },
  };
}
