import type { PubSub } from './pubsub.js';

/** Event published whenever the stored credential changes (login, logout, 2FA). */
export const AUTH_KEY_CHANGE_EVENT = 'auth.keyChange';

/** How long cached user-dependent results live by default (as upstream's memoize). */
export const DEFAULT_CACHE_TTL_MS = 10 * 60 * 1000;

/** A promise cache: concurrent callers share one call, rejections are not kept. */
export interface Cache {
  /** Returns the cached value for `key`, or calls `load` once and caches its result. */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets every entry. */
  clear(): void;
}

/** Options of {@link createCache}. */
export interface CacheOptions {
  /** Entry lifetime in ms; `Infinity` keeps entries until cleared. */
  ttlMs?: number;
  /** When given, the cache is cleared on every `auth.keyChange`. */
  pubsub?: PubSub;
}

/**
 * Creates a promise cache, optionally tied to the credential (cleared on `auth.keyChange`).
 *
 * @param options - the lifetime and the event bus.
 * @returns the cache.
 * @example
 * const cache = createCache({ ttlMs: 60_000, pubsub });
 * const types = await cache.get('device-types', loadDeviceTypes);
 */
export function createCache(options: CacheOptions = {}): Cache {
  const ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;
  const entries = new Map<string, { value: Promise<unknown>; expiresAt: number }>();
  const clear = () => entries.clear();
  options.pubsub?.subscribe(AUTH_KEY_CHANGE_EVENT, clear);

  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit !== undefined && hit.expiresAt > now) {
        return hit.value as Promise<T>;
      }
      const value = load();
      const entry = { value, expiresAt: now + ttlMs };
      entries.set(key, entry);
      value.catch(() => {
        if (entries.get(key) === entry) {
          entries.delete(key);
        }
      });
      return value;
    },
    clear,
  };
}
