// API heartbeat: a device that polls its target state is `online`; when polls stop it turns `timeout` after
// 1.5 poll intervals and `offline` after twice that (api-spec §2.6). Timers are per device and unref'd.

/** The heartbeat states the API maintains. */
export type HeartbeatState = 'online' | 'timeout' | 'offline';

/** How late a poll may be, in poll intervals, before the device counts as timed out. */
export const HEARTBEAT_TOLERANCE = 1.5;

/**
 * The heartbeat state of a device at a given time.
 * @param lastSeenMs when the device last polled (epoch ms)
 * @param pollIntervalMs the device's poll interval
 * @param nowMs the time to evaluate at (epoch ms)
 * @throws never
 * @example
 * heartbeatStateAt(0, 1000, 1600); // 'timeout'
 */
export function heartbeatStateAt(
  lastSeenMs: number,
  pollIntervalMs: number,
  nowMs: number,
): HeartbeatState {
  const elapsed = nowMs - lastSeenMs;
  const grace = pollIntervalMs * HEARTBEAT_TOLERANCE;
  if (elapsed <= grace) return 'online';
  if (elapsed <= grace * 2) return 'timeout';
  return 'offline';
}

/** Writes a heartbeat state change of one device. */
export type HeartbeatWriter = (deviceId: number, state: HeartbeatState) => Promise<void>;

interface Tracked {
  lastSeenMs: number;
  pollIntervalMs: number;
  state: HeartbeatState;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Follows the heartbeat of devices in memory and writes each state change once.
 * @example
 * const tracker = new HeartbeatTracker(writeState);
 * await tracker.seen(deviceId, 900_000);
 */
export class HeartbeatTracker {
  readonly #devices = new Map<number, Tracked>();

  /**
   * Creates a tracker.
   * @param write persists a state change; its failures are swallowed (the next poll writes again)
   * @param now the clock (epoch ms)
   * @throws never
   * @example
   * new HeartbeatTracker(async (id, state) => { ... });
   */
  constructor(
    private readonly write: HeartbeatWriter,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Records a poll; writes `online` when the device was not known to be online.
   * @param deviceId the polling device
   * @param pollIntervalMs its poll interval
   * @returns whether the state changed to online with this poll
   * @throws whatever the writer throws for the online write
   * @example
   * if (await tracker.seen(id, 900_000)) console.log('came online');
   */
  async seen(deviceId: number, pollIntervalMs: number): Promise<boolean> {
    const previous = this.#devices.get(deviceId);
    if (previous?.timer != null) clearTimeout(previous.timer);
    const tracked: Tracked = { lastSeenMs: this.now(), pollIntervalMs, state: 'online' };
    this.#devices.set(deviceId, tracked);
    this.#schedule(deviceId, tracked);
    if (previous?.state === 'online') return false;
    await this.write(deviceId, 'online');
    return true;
  }

  /**
   * Forgets a device (it went offline on purpose or was deleted); no further writes for it.
   * @param deviceId the device
   * @throws never
   * @example
   * tracker.forget(id);
   */
  forget(deviceId: number): void {
    const tracked = this.#devices.get(deviceId);
    if (tracked?.timer != null) clearTimeout(tracked.timer);
    this.#devices.delete(deviceId);
  }

  /**
   * The state the tracker believes a device is in, if it tracks it.
   * @param deviceId the device
   * @throws never
   * @example
   * tracker.stateOf(id); // 'online'
   */
  stateOf(deviceId: number): HeartbeatState | undefined {
    return this.#devices.get(deviceId)?.state;
  }

  /**
   * Stops every timer (server shutdown).
   * @throws never
   * @example
   * tracker.stop();
   */
  stop(): void {
    for (const id of [...this.#devices.keys()]) this.forget(id);
  }

  #schedule(deviceId: number, tracked: Tracked): void {
    if (tracked.state === 'offline') return;
    const grace = tracked.pollIntervalMs * HEARTBEAT_TOLERANCE;
    const nextAt = tracked.lastSeenMs + (tracked.state === 'online' ? grace : grace * 2) + 1;
    tracked.timer = setTimeout(
      () => this.#advance(deviceId, tracked),
      Math.max(0, nextAt - this.now()),
    );
    tracked.timer.unref?.();
  }

  #advance(deviceId: number, tracked: Tracked): void {
    if (this.#devices.get(deviceId) !== tracked) return;
    const state = heartbeatStateAt(tracked.lastSeenMs, tracked.pollIntervalMs, this.now());
    if (state !== tracked.state) {
      tracked.state = state;
      this.write(deviceId, state).catch(() => {
        // The database may be gone (server shutting down); the next poll writes the state again.
      });
    }
    this.#schedule(deviceId, tracked);
  }
}
