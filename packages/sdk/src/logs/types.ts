// Public types of `sdk.logs`: the log line shapes of the API, the options of history and subscribe,
// and the events a subscription emits.

/** Fields every log line has. */
export interface BaseLog {
  message: string;
  /** When the API received the line (epoch ms); history and resume filter on it. */
  createdAt: number;
  /** The device's own clock when the line was written (epoch ms). */
  timestamp: number;
  isStdErr: boolean;
}

/** A line written by a service container. */
export interface ServiceLog extends BaseLog {
  isSystem: false;
  serviceId: number;
}

/** A line written by the supervisor or the host OS. */
export interface SystemLog extends BaseLog {
  isSystem: true;
}

/** One device log line. */
export type LogMessage = ServiceLog | SystemLog;

/** Options of `logs.history` (sent as the query string). */
export interface LogsOptions {
  /** Epoch ms or a date string: only lines the API received at or after it. */
  start?: number | string;
  /** How many of the latest lines (server default 1000), or `'all'` (the retention limit). */
  count?: number | 'all';
}

/** Reconnection policy of a subscription. */
export interface LogsReconnectOptions {
  /** First wait before reconnecting; doubles on each failed attempt. Default 500 ms. */
  initialDelayMs?: number;
  /** Upper bound of one wait. Default 30 000 ms. */
  maxDelayMs?: number;
  /** Consecutive failed attempts before giving up with an `error`. Default: never give up. */
  maxAttempts?: number;
}

/** Options of `logs.subscribe`: the official `count`/`start` plus this SDK's additions. */
export interface LogsSubscribeOptions extends LogsOptions {
  /** Ends the subscription like `unsubscribe()` when it aborts. */
  signal?: AbortSignal;
  /**
   * Reconnect when the stream drops, resuming from the last line received. `false` gives the
   * official behaviour (the stream ends, nothing more is emitted). Default on.
   */
  reconnect?: boolean | LogsReconnectOptions;
  /**
   * Milliseconds without any byte (not even the API's keep-alive newline, sent every 58 s) after
   * which the connection counts as dead and is replaced. Default 90 000; 0 disables it.
   */
  idleTimeoutMs?: number;
}

/** Why a connection ended. */
export type LogsDisconnectReason = 'ended' | 'idle' | 'error';

/** Payloads of the events a subscription emits. */
export interface LogsSubscriptionEvents {
  /** A log line, in order, never twice. */
  line: [line: LogMessage];
  /**
   * A failure the subscription does not recover from (refused by the API, retries exhausted, or any
   * failure when `reconnect` is off), then `end`; also a line that is not JSON when the SDK's `debug`
   * option is on (the stream goes on).
   */
  error: [error: unknown];
  /** A stream is open (`attempt` 0 for the first connection). */
  connect: [info: { attempt: number; resumedFrom: number | undefined }];
  /** A stream closed without an unsubscribe; `error` is set for `'error'`. */
  disconnect: [info: { reason: LogsDisconnectReason; error?: unknown }];
  /** A reconnection is scheduled after `delayMs`. */
  reconnect: [info: { attempt: number; delayMs: number }];
  /** The subscription is over (unsubscribe, abort, a fatal error, or the stream ended without reconnect). */
  end: [];
}

/** Names of the subscription events. */
export type LogsSubscriptionEvent = keyof LogsSubscriptionEvents;
