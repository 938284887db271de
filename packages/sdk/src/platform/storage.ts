/** The small async key-value interface every token store implements. */
export interface KeyValueStorage {
  /** The stored text, or null when absent. */
  getItem(key: string): Promise<string | null>;
  /** Stores a text value. */
  setItem(key: string, value: string): Promise<void>;
  /** Removes a value; no error when absent. */
  removeItem(key: string): Promise<void>;
}

/**
 * Creates a private in-memory store (used for `dataDirectory: false` and as the browser fallback).
 *
 * @returns a store that lives as long as the returned object.
 * @example
 * const storage = createMemoryStorage();
 */
export function createMemoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    async getItem(key) {
      return values.get(key) ?? null;
    },
    async setItem(key, value) {
      values.set(key, value);
    },
    async removeItem(key) {
      values.delete(key);
    },
  };
}
