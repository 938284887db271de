import { BalenaExpiredToken, BalenaMalformedToken } from '../errors/index.js';
import type { KeyValueStorage } from '../platform/storage.js';
import { isTokenExpired, parseToken, type ParsedToken } from './jwt.js';

/** Storage key of the credential; the Node store keeps it in the file `<dataDirectory>/token`. */
export const TOKEN_STORAGE_KEY = 'token';

/** Reads, validates and stores the SDK's credential (JWT or API key). */
export interface TokenManager {
  /** The stored token, or undefined when none is stored. */
  getToken(): Promise<ParsedToken | undefined>;
  /** Validates and stores a key; an invalid one throws and leaves the old key in place. */
  setKey(key: string): Promise<void>;
  /** Removes the stored key. */
  removeKey(): Promise<void>;
  /** Whether a key is stored. */
  hasKey(): Promise<boolean>;
}

/**
 * Creates a token manager over a key-value storage. The parsed token is cached in memory, so the
 * storage is read once per instance until the key changes.
 *
 * @param storage - where the key lives (file, localStorage or memory).
 * @returns the token manager.
 * @example
 * const tokens = createTokenManager(createMemoryStorage());
 */
export function createTokenManager(storage: KeyValueStorage): TokenManager {
  // undefined: not read yet; null: read, nothing stored.
  let cached: ParsedToken | null | undefined;

  async function getToken(): Promise<ParsedToken | undefined> {
    if (cached === undefined) {
      const stored = (await storage.getItem(TOKEN_STORAGE_KEY))?.trim();
      cached = stored ? parseToken(stored) : null;
    }
    return cached ?? undefined;
  }

  async function setKey(key: string): Promise<void> {
    if (typeof key !== 'string' || key.trim() === '' || /\s/.test(key.trim())) {
      throw new BalenaMalformedToken(key);
    }
    const token = parseToken(key.trim());
    if (isTokenExpired(token, Date.now())) {
      throw new BalenaExpiredToken(token.key);
    }
    await storage.setItem(TOKEN_STORAGE_KEY, token.key);
    cached = token;
  }

  async function removeKey(): Promise<void> {
    cached = null;
    await storage.removeItem(TOKEN_STORAGE_KEY);
  }

  async function hasKey(): Promise<boolean> {
    return (await getToken()) !== undefined;
  }

  return { getToken, setKey, removeKey, hasKey };
}
