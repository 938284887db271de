/**
 * Ids the SDK has already seen for immutable identifiers (a device's uuid), so a write that needs
 * the id can skip the lookup request.
 *
 * A uuid names one device for the device's whole life and ids are never reused, so an entry can
 * only go stale by the device being deleted (and perhaps registered again under the same uuid).
 * Callers therefore use a cached id only for writes that fail loudly on a missing row (a POST
 * referencing the id), and on failure forget the entry and look the identifier up again.
 */
import { AUTH_KEY_CHANGE_EVENT } from './cache.js';
import type { PubSub } from './pubsub.js';

/** Entries kept at most; the oldest goes first. */
export const ID_CACHE_MAX_ENTRIES = 10_000;

/** Known ids by identifier. */
export interface IdCache {
  /** The id seen for `identifier`, if any. */
  get(identifier: string): number | undefined;
  /** Remembers the id of `identifier`. */
  set(identifier: string, id: number): void;
  /** Forgets `identifier` (its cached id turned out stale). */
  delete(identifier: string): void;
}

/**
 * Creates an empty id cache, emptied again whenever the credentials change.
 *
 * @param pubsub - the SDK's event bus; the cache listens for credential changes on it.
 * @param maxEntries - the most entries kept.
 * @returns the cache.
 * @throws {Error} never.
 * @example
 * const deviceIds = createIdCache(ctx.pubsub);
 * deviceIds.set(uuid, 123);
 */
export function createIdCache(pubsub: PubSub, maxEntries = ID_CACHE_MAX_ENTRIES): IdCache {
  const ids = new Map<string, number>();
  pubsub.subscribe(AUTH_KEY_CHANGE_EVENT, () => ids.clear());
  return {
    get: (identifier) => ids.get(identifier),
    set(identifier, id) {
      ids.delete(identifier);
      ids.set(identifier, id);
      if (ids.size > maxEntries) ids.delete(ids.keys().next().value as string);
    },
    delete: (identifier) => void ids.delete(identifier),
  };
}
