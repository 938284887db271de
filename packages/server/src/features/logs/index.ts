// Device logs: devices POST their lines, users read the bounded history or follow a live ndjson stream.
// Storage is in memory (see store.ts); a restarted API starts with no logs.
import express, { type Application } from 'express';
import { BatchRateLimiter, DEFAULT_BATCH_RATE_LIMIT, type BatchRateLimit } from './batch.js';
import { installLogRoutes, type LogRouteState } from './routes.js';
import { LogStore } from './store.js';
import { DEFAULT_LOG_STREAM_SETTINGS, type LogStreamSettings } from './stream.js';

export { LogStore, LOG_HISTORY_LIMIT, type StoredLog } from './store.js';

let state: LogRouteState | undefined;

/**
 * Installs the logs routes with a fresh, empty store.
 * @param app the express application
 * @throws never
 * @example
 * installLogs(app);
 */
export function installLogs(app: Application): void {
  state = {
    store: new LogStore(),
    limiter: new BatchRateLimiter({ ...DEFAULT_BATCH_RATE_LIMIT }),
    stream: { ...DEFAULT_LOG_STREAM_SETTINGS },
  };
  const router = express.Router();
  installLogRoutes(router, state);
  app.use(router);
}

/** Settings tests and benchmarks may change on a running in-process server. */
export interface LogFeatureSettings {
  stream?: Partial<LogStreamSettings>;
  rateLimit?: Partial<BatchRateLimit>;
}

/**
 * Changes the keep-alive interval, slow-reader buffer or batch rate limit of the last installed logs feature.
 * @param settings the values to change
 * @throws Error when no server has installed the logs feature in this process
 * @example
 * configureLogs({ stream: { keepAliveMs: 50 } });
 */
export function configureLogs(settings: LogFeatureSettings): void {
  if (state == null) throw new Error('The logs feature is not installed');
  Object.assign(state.stream, settings.stream);
  state.limiter.limit = { ...state.limiter.limit, ...settings.rateLimit };
}

/**
 * The log store of the last installed logs feature (in-process tests read listener counts from it).
 * @throws Error when no server has installed the logs feature in this process
 * @example
 * expect(currentLogStore().listenerCount(uuid)).toBe(0);
 */
export function currentLogStore(): LogStore {
  if (state == null) throw new Error('The logs feature is not installed');
  return state.store;
}
