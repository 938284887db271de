// A minimal typed event emitter (EventEmitter-style `on`/`once`/`off`), so the core needs no `node:events`.

type Listener<A extends unknown[]> = (...args: A) => void;

/** Typed `on`/`once`/`off`/`emit` over an event map. */
export class TypedEmitter<Events extends { [K in keyof Events]: unknown[] }> {
  #listeners: { [K in keyof Events]?: Array<Listener<Events[K]>> } = {};

  /**
   * Adds a listener.
   * @param event - the event name.
   * @param listener - called with the event's arguments.
   * @returns this emitter, for chaining.
   * @example
   * subscription.on('line', (line) => console.log(line.message));
   */
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): this {
    const list = this.#listeners[event] ?? [];
    list.push(listener);
    this.#listeners[event] = list;
    return this;
  }

  /**
   * Same as {@link TypedEmitter.on}.
   * @param event - the event name.
   * @param listener - called with the event's arguments.
   * @returns this emitter.
   * @example
   * subscription.addListener('error', console.error);
   */
  addListener<K extends keyof Events>(event: K, listener: Listener<Events[K]>): this {
    return this.on(event, listener);
  }

  /**
   * Adds a listener that is removed after its first call.
   * @param event - the event name.
   * @param listener - called once with the event's arguments.
   * @returns this emitter.
   * @example
   * subscription.once('connect', () => console.log('connected'));
   */
  once<K extends keyof Events>(event: K, listener: Listener<Events[K]>): this {
    const wrapper: Listener<Events[K]> = (...args) => {
      this.off(event, wrapper);
      listener(...args);
    };
    return this.on(event, wrapper);
  }

  /**
   * Removes a listener.
   * @param event - the event name.
   * @param listener - the function given to `on`.
   * @returns this emitter.
   * @example
   * subscription.off('line', onLine);
   */
  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): this {
    const list = this.#listeners[event];
    const index = list?.indexOf(listener) ?? -1;
    if (list !== undefined && index !== -1) list.splice(index, 1);
    return this;
  }

  /**
   * Same as {@link TypedEmitter.off}.
   * @param event - the event name.
   * @param listener - the function given to `on`.
   * @returns this emitter.
   * @example
   * subscription.removeListener('line', onLine);
   */
  removeListener<K extends keyof Events>(event: K, listener: Listener<Events[K]>): this {
    return this.off(event, listener);
  }

  /**
   * Removes every listener of one event, or of all events.
   * @param event - the event name; omit for all.
   * @returns this emitter.
   * @example
   * subscription.removeAllListeners();
   */
  removeAllListeners(event?: keyof Events): this {
    if (event === undefined) this.#listeners = {};
    else this.#listeners[event] = undefined;
    return this;
  }

  /**
   * How many listeners an event has.
   * @param event - the event name.
   * @returns the count.
   * @example
   * if (subscription.listenerCount('error') === 0) { ... }
   */
  listenerCount(event: keyof Events): number {
    return this.#listeners[event]?.length ?? 0;
  }

  /**
   * Calls the listeners of an event in order; a throwing listener does not stop the others.
   * @param event - the event name.
   * @param args - the event's arguments.
   * @returns whether the event had listeners.
   * @example
   * this.emit('line', line);
   */
  emit<K extends keyof Events>(event: K, ...args: Events[K]): boolean {
    const list = this.#listeners[event];
    if (list === undefined || list.length === 0) return false;
    for (const listener of [...list]) {
      try {
        listener(...args);
      } catch (error) {
        // A listener's bug must not kill the stream; surface it without interrupting delivery.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    return true;
  }
}
