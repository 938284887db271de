// `sdk.logs`: a device's log history and live subscriptions.
import type { ResolvedConfig } from '../config.js';
import { DEVICE_LOOKUP, findOne } from '../internal/ids.js';
import type { BalenaPine } from '../internal/collection.js';
import type { BalenaRequest } from '../transport/transport.js';
import type { CallOptions } from '../transport/types.js';
import {
  DEFAULT_LOGS_IDLE_TIMEOUT_MS,
  DEFAULT_RECONNECT_INITIAL_DELAY_MS,
  DEFAULT_RECONNECT_MAX_DELAY_MS,
  LogsSubscription,
  type LogsSubscriptionSettings,
} from './subscription.js';
import type { LogMessage, LogsOptions, LogsSubscribeOptions } from './types.js';

export { LogsSubscription } from './subscription.js';
export type * from './types.js';

/** `sdk.logs`: the log history of a device and live subscriptions to its new lines. */
export interface BalenaLogs {
  /**
   * Gets the latest log lines of a device, oldest first.
   * @param uuidOrId - the device uuid or id.
   * @param options - `count` (number or `'all'`, server default 1000) and `start` (epoch ms or date string).
   * @param callOptions - `signal`, `headers`, `timeout` for this call.
   * @returns the lines.
   * @throws {BalenaDeviceNotFound} when the device does not exist or is not visible.
   * @throws {BalenaInvalidParameterError} for an identifier that is neither an id nor a uuid.
   * @example
   * const lines = await sdk.logs.history(uuid, { count: 100 });
   */
  history(
    uuidOrId: string | number,
    options?: LogsOptions,
    callOptions?: CallOptions,
  ): Promise<LogMessage[]>;
  /**
   * Subscribes to a device's live logs (after `count` lines of history), reconnecting and resuming
   * from the last line when the stream drops.
   * @param uuidOrId - the device uuid or id.
   * @param options - `count`, `start` (needs `count`), and the additions `signal`, `reconnect`, `idleTimeoutMs`.
   * @returns the subscription: events `line`, `error`, `connect`, `disconnect`, `reconnect`, `end`,
   * `unsubscribe()`, and `for await` iteration.
   * @throws {Error} when `start` is given without `count`.
   * @throws {BalenaDeviceNotFound} when the device does not exist or is not visible.
   * @example
   * const subscription = await sdk.logs.subscribe(uuid, { count: 10 });
   * subscription.on('line', (line) => console.log(line.message));
   */
  subscribe(uuidOrId: string | number, options?: LogsSubscribeOptions): Promise<LogsSubscription>;
}

/** What the logs namespace needs from the SDK. */
export interface LogsContext {
  config: ResolvedConfig;
  pine: BalenaPine;
  request: BalenaRequest;
}

function logsPath(uuid: string): string {
  return `/device/v2/${encodeURIComponent(uuid)}/logs`;
}

function queryOf(options: LogsOptions): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (options.count !== undefined) query.count = options.count;
  if (options.start !== undefined) query.start = options.start;
  return query;
}

function settingsOf(options: LogsSubscribeOptions): LogsSubscriptionSettings {
  const reconnect = options.reconnect ?? true;
  return {
    initial: queryOf(options),
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_LOGS_IDLE_TIMEOUT_MS,
    reconnect:
      reconnect === false
        ? false
        : {
            initialDelayMs:
              (reconnect === true ? undefined : reconnect.initialDelayMs) ??
              DEFAULT_RECONNECT_INITIAL_DELAY_MS,
            maxDelayMs:
              (reconnect === true ? undefined : reconnect.maxDelayMs) ??
              DEFAULT_RECONNECT_MAX_DELAY_MS,
            maxAttempts:
              (reconnect === true ? undefined : reconnect.maxAttempts) ?? Number.POSITIVE_INFINITY,
          },
  };
}

/**
 * Creates `sdk.logs`.
 * @param context - the SDK's config, pine client and transport.
 * @returns the logs namespace.
 * @example
 * const logs = createLogs({ config, pine, request });
 */
export function createLogs(context: LogsContext): BalenaLogs {
  const { config, pine, request } = context;

  async function resolveUuid(uuidOrId: string | number, callOptions?: CallOptions) {
    const device = await findOne(pine, DEVICE_LOOKUP, uuidOrId, { $select: 'uuid' }, callOptions);
    return device.uuid;
  }

  return {
    async history(uuidOrId, options = {}, callOptions) {
      const uuid = await resolveUuid(uuidOrId, callOptions);
      const response = await request.send<LogMessage[]>(
        { url: logsPath(uuid), qs: queryOf(options), responseFormat: 'json' },
        callOptions,
      );
      return response.body;
    },

    async subscribe(uuidOrId, options = {}) {
      if (options.start !== undefined && options.count === undefined) {
        throw new Error('The count parameter is required when specifying the start parameter');
      }
      const { signal } = options;
      const uuid = await resolveUuid(uuidOrId, { signal });
      const subscription = new LogsSubscription(
        {
          strict: config.debug,
          open: (query, connectionSignal) =>
            request.stream(
              { url: logsPath(uuid), qs: { ...query, stream: 1 } },
              { signal: connectionSignal },
            ),
        },
        settingsOf(options),
      );
      if (signal !== undefined) {
        if (signal.aborted) subscription.unsubscribe();
        else signal.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
      }
      subscription.start();
      return subscription;
    },
  };
}
