// Device logs live in memory, outside the OData model (as the real API keeps them outside its database): a bounded
// history per device and the live subscribers of each device. Nothing here touches PGlite, so a chatty device never
// holds the single database connection. A restarted API starts with empty histories.

/** One stored log line, in the shape the API answers. */
export interface StoredLog {
  message: string;
  /** device clock, epoch ms */
  timestamp: number;
  /** server receive time, epoch ms; never decreases within one device */
  createdAt: number;
  isSystem: boolean;
  isStdErr: boolean;
  serviceId?: number;
}

/** A log line as a device sends it, validated, before the server stamps `createdAt`. */
export type IncomingLog = Omit<StoredLog, 'createdAt'>;

/** Receives the lines of one device as they are stored. */
export type LogListener = (lines: readonly StoredLog[]) => void;

/** How many lines each device keeps (the real API's retention limit). */
export const LOG_HISTORY_LIMIT = 1000;

interface DeviceLogs {
  lines: StoredLog[];
  lastCreatedAt: number;
  listeners: Set<LogListener>;
}

/** Per-device log history and live listeners. */
export class LogStore {
  readonly #devices = new Map<string, DeviceLogs>();

  constructor(readonly historyLimit = LOG_HISTORY_LIMIT) {}

  #entry(uuid: string): DeviceLogs {
    let entry = this.#devices.get(uuid);
    if (entry == null) {
      entry = { lines: [], lastCreatedAt: 0, listeners: new Set() };
      this.#devices.set(uuid, entry);
    }
    return entry;
  }

  /**
   * Stores a batch of a device's lines, stamping one `createdAt` on the batch, and hands them to live listeners.
   * @param uuid the device uuid
   * @param batch the validated lines
   * @param now the receive time in epoch ms
   * @returns the stored lines
   * @throws never
   * @example
   * store.append(uuid, [{ message: 'hi', timestamp: Date.now(), isSystem: true, isStdErr: false }]);
   */
  append(uuid: string, batch: readonly IncomingLog[], now = Date.now()): StoredLog[] {
    const entry = this.#entry(uuid);
    // A clock step back must not reorder the history: resuming by `start` relies on createdAt never decreasing.
    const createdAt = Math.max(now, entry.lastCreatedAt);
    entry.lastCreatedAt = createdAt;
    const stored = batch.map((line) => ({ ...line, createdAt }));
    entry.lines.push(...stored);
    if (entry.lines.length > this.historyLimit) {
      entry.lines.splice(0, entry.lines.length - this.historyLimit);
    }
    for (const listener of entry.listeners) listener(stored);
    return stored;
  }

  /**
   * The last `count` lines of a device received at or after `start`, oldest first.
   * @param uuid the device uuid
   * @param count how many lines at most
   * @param start the earliest `createdAt` in epoch ms
   * @throws never
   * @example
   * const lines = store.history(uuid, 100, Date.now() - 60_000);
   */
  history(uuid: string, count: number, start: number): StoredLog[] {
    if (count <= 0) return [];
    const lines = this.#devices.get(uuid)?.lines ?? [];
    let first = lines.length;
    while (first > 0 && lines[first - 1].createdAt >= start) first -= 1;
    return lines.slice(Math.max(first, lines.length - count));
  }

  /**
   * Registers a live listener for a device's new lines.
   * @param uuid the device uuid
   * @param listener called with each stored batch
   * @returns a function that removes the listener
   * @throws never
   * @example
   * const stop = store.listen(uuid, (lines) => write(lines));
   */
  listen(uuid: string, listener: LogListener): () => void {
    const entry = this.#entry(uuid);
    entry.listeners.add(listener);
    return () => {
      entry.listeners.delete(listener);
    };
  }

  /**
   * How many live listeners a device has (tests assert that an unsubscribe reached the server).
   * @param uuid the device uuid
   * @throws never
   * @example
   * expect(store.listenerCount(uuid)).toBe(0);
   */
  listenerCount(uuid: string): number {
    return this.#devices.get(uuid)?.listeners.size ?? 0;
  }
}
