/// <reference types="node" />
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTokenManager, TOKEN_STORAGE_KEY } from '../../src/auth/token-manager.js';
import { createTokenStorage as createBrowserTokenStorage } from '../../src/platform/browser.js';
import { createTokenStorage } from '../../src/platform/node.js';
import { getSdk } from '../../src/sdk.js';
import { makeJwt, nowSeconds } from './helpers.js';

const require = createRequire(import.meta.url);

describe('token storage', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'balena-sdk-token-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes <dataDirectory>/token, creating the folder on first write, owner-only', async () => {
    const dataDirectory = join(directory, 'nested', '.balena');
    const tokens = createTokenManager(createTokenStorage(dataDirectory));
    expect(await tokens.hasKey()).toBe(false);
    await expect(stat(dataDirectory)).rejects.toMatchObject({ code: 'ENOENT' });
    await tokens.setKey('myApiKey');
    expect(await readFile(join(dataDirectory, TOKEN_STORAGE_KEY), 'utf8')).toBe('myApiKey');
    expect((await stat(join(dataDirectory, 'token'))).mode & 0o777).toBe(0o600);
    await tokens.removeKey();
    await expect(stat(join(dataDirectory, 'token'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('shares the file layout with the official SDK storage (balena-auth)', async () => {
    const { default: OfficialAuth } = require('balena-auth') as {
      default: new (options: { dataDirectory: string }) => {
        getKey(): Promise<string>;
        setKey(key: string): Promise<void>;
      };
    };
    const jwt = makeJwt({ id: 5, iat: nowSeconds(), exp: nowSeconds() + 3600 });
    await createTokenManager(createTokenStorage(directory)).setKey(jwt);
    expect(await new OfficialAuth({ dataDirectory: directory }).getKey()).toBe(jwt);

    const other = join(directory, 'official');
    await new OfficialAuth({ dataDirectory: other }).setKey('writtenByOfficial');
    expect((await createTokenManager(createTokenStorage(other)).getToken())?.key).toBe(
      'writtenByOfficial',
    );
  });

  it('reads a hand-written token file with a trailing newline', async () => {
    await writeFile(join(directory, 'token'), 'handWrittenKey\n');
    expect((await createTokenManager(createTokenStorage(directory)).getToken())?.key).toBe(
      'handWrittenKey',
    );
  });

  it('keeps the previous key when a new one is malformed or expired', async () => {
    const tokens = createTokenManager(createTokenStorage(directory));
    await tokens.setKey('goodKey');
    await expect(tokens.setKey('')).rejects.toMatchObject({ code: 'BalenaMalformedToken' });
    await expect(tokens.setKey('has space')).rejects.toMatchObject({
      code: 'BalenaMalformedToken',
    });
    await expect(
      tokens.setKey(makeJwt({ iat: nowSeconds() - 100, exp: nowSeconds() - 10 })),
    ).rejects.toMatchObject({ code: 'BalenaExpiredToken' });
    expect(await readFile(join(directory, 'token'), 'utf8')).toBe('goodKey');
  });

  it('never shares a token between SDK instances with different directories', async () => {
    const first = getSdk({
      apiUrl: 'https://api.test.local/',
      dataDirectory: join(directory, 'a'),
    });
    const second = getSdk({
      apiUrl: 'https://api.test.local/',
      dataDirectory: join(directory, 'b'),
    });
    await first.auth.loginWithToken('firstKey');
    await expect(second.auth.getToken()).rejects.toMatchObject({ code: 'BalenaNotLoggedIn' });
    await second.auth.loginWithToken('secondKey');
    expect(await first.auth.getToken()).toBe('firstKey');
    expect(await second.auth.getToken()).toBe('secondKey');
  });

  it('isolates instances with dataDirectory: false in private memory', async () => {
    const first = getSdk({ apiUrl: 'https://api.test.local/', dataDirectory: false });
    const second = getSdk({ apiUrl: 'https://api.test.local/', dataDirectory: false });
    await first.auth.loginWithToken('memoryKey');
    expect(await first.auth.getToken()).toBe('memoryKey');
    await expect(second.auth.getToken()).rejects.toMatchObject({ code: 'BalenaNotLoggedIn' });
  });

  // Skipped when running as root: root ignores file modes, so EACCES cannot be produced.
  it.skipIf(process.getuid?.() === 0)(
    'reports an unreadable token file as BalenaSettingsPermissionError',
    async () => {
      await writeFile(join(directory, 'token'), 'secret', { mode: 0o000 });
      await expect(
        createTokenManager(createTokenStorage(directory)).getToken(),
      ).rejects.toMatchObject({
        code: 'BalenaSettingsPermissionError',
      });
    },
  );
});

describe('browser token storage', () => {
  afterEach(() => {
    delete (globalThis as { localStorage?: Storage }).localStorage;
  });

  function installLocalStorage(): Map<string, string> {
    const values = new Map<string, string>();
    (globalThis as { localStorage?: Storage }).localStorage = {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
      removeItem: (key: string) => void values.delete(key),
      clear: () => values.clear(),
      key: () => null,
      length: 0,
    };
    return values;
  }

  it('uses localStorage key balena-token', async () => {
    const values = installLocalStorage();
    const tokens = createTokenManager(createBrowserTokenStorage(undefined));
    await tokens.setKey('browserKey');
    expect(values.get('balena-token')).toBe('browserKey');
  });

  it('falls back to memory when localStorage is unusable, and for dataDirectory: false', async () => {
    const memoryOnly = createTokenManager(createBrowserTokenStorage(undefined));
    await memoryOnly.setKey('inMemory');
    expect((await memoryOnly.getToken())?.key).toBe('inMemory');
    const values = installLocalStorage();
    const isolated = createTokenManager(createBrowserTokenStorage(false));
    await isolated.setKey('private');
    expect(values.size).toBe(0);
  });
});
