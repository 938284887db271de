/** A tiny in-process event bus (the SDK's only event is `auth.keyChange`). */
export interface PubSub {
  /** Registers a listener; returns a function that removes it. */
  subscribe(eventName: string, listener: () => void): () => void;
  /** Calls every listener of the event; a throwing listener does not stop the others. */
  publish(eventName: string): void;
}

/**
 * Creates an event bus.
 *
 * @returns the bus.
 * @example
 * const pubsub = createPubSub();
 * pubsub.subscribe('auth.keyChange', () => cache.clear());
 */
export function createPubSub(): PubSub {
  const listeners = new Map<string, Set<() => void>>();
  return {
    subscribe(eventName, listener) {
      const set = listeners.get(eventName) ?? new Set();
      listeners.set(eventName, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    publish(eventName) {
      for (const listener of [...(listeners.get(eventName) ?? [])]) {
        try {
          listener();
        } catch (error) {
          console.error(error);
        }
      }
    },
  };
}
