import { IS_BROWSER_BUILD } from './platform/index.js';
import { DEFAULT_REQUEST_LIMIT_INTERVAL_MS } from './transport/middleware/throttle.js';
import {
  DEFAULT_MAX_RATE_LIMIT_RETRIES,
  DEFAULT_MAX_RETRY_AFTER_MS,
  type RetryRateLimitedRequests,
} from './transport/middleware/retry-rate-limited.js';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './transport/middleware/timeout.js';
import type { TransientRetryOptions } from './transport/types.js';

/** Chunk sizes of batch operations on devices/applications. */
export interface RequestBatchingChunkSize {
  numericId: number;
  stringId: number;
}

/** Options of `getSdk()`: every option of the official SDK, plus a few additions marked as such. */
export interface SdkOptions {
  /** Base URL of the API. Default `https://api.balena-cloud.com/`. */
  apiUrl?: string;
  /** Base URL of the builder (used by `release.createFromUrl`). */
  builderUrl?: string;
  /** Dashboard URL; derived from `apiUrl` by replacing its first `api` with `dashboard`. */
  dashboardUrl?: string;
  /** Base domain of device URLs; read from `GET /config` on first need when not given. */
  deviceUrlsBase?: string;
  /**
   * Addition (local development): base URL of the device actions service used by
   * `device.startOsUpdate`. Default `https://actions.<deviceUrlsBase>`; the local API serves it
   * at `<apiUrl>/actions`.
   */
  deviceActionsUrl?: string;
  /** Folder of the token file (Node), or `false` for a private in-memory store. */
  dataDirectory?: string | false;
  /** Whether browser-only behaviour applies; defaults to the build (browser build → true). */
  isBrowser?: boolean;
  /** Print failed request summaries with `console.error`. */
  debug?: boolean;
  /** At most this many `request.send` calls per `requestLimitInterval` (unset: no limit). */
  requestLimit?: number;
  /** Window of `requestLimit` in ms. Default 60000. */
  requestLimitInterval?: number;
  /** Retry after HTTP 429 as `Retry-After` says; true, or a predicate on the wait in ms. */
  retryRateLimitedRequests?: RetryRateLimitedRequests;
  /** Chunk sizes of batch operations; partial objects are completed with the defaults. */
  requestBatchingChunkSize?: number | Partial<RequestBatchingChunkSize>;
  /** API version segment; the SDK is written for `v7`. */
  apiVersion?: string;
  /** Addition: longest `Retry-After` wait accepted (ms); longer ones fail at once. Default 60000. */
  maxRetryAfterMs?: number;
  /** Addition: retries after HTTP 429 per request. Default 5. */
  maxRateLimitRetries?: number;
  /** Addition: retry idempotent requests after 502/503/504, network errors and timeouts. Default off. */
  retryTransientErrors?: boolean | TransientRetryOptions;
  /** Addition: timeout of `request.send` in ms. Default 59000. */
  requestTimeout?: number;
  /** Addition: the `fetch` implementation to use; the global one by default. */
  fetch?: typeof fetch;
}

/** The frozen configuration every part of the SDK reads; each default is named once, here. */
export interface ResolvedConfig {
  readonly apiUrl: string;
  readonly builderUrl: string;
  readonly dashboardUrl: string;
  readonly deviceUrlsBase: string | undefined;
  readonly deviceActionsUrl: string | undefined;
  readonly dataDirectory: string | false | undefined;
  readonly isBrowser: boolean;
  readonly debug: boolean;
  readonly apiVersion: string;
  readonly requestLimit: number | undefined;
  readonly requestLimitIntervalMs: number;
  readonly retryRateLimitedRequests: RetryRateLimitedRequests;
  readonly maxRetryAfterMs: number;
  readonly maxRateLimitRetries: number;
  readonly retryTransientErrors: boolean | TransientRetryOptions;
  readonly requestTimeoutMs: number;
  readonly requestBatchingChunkSize: Readonly<RequestBatchingChunkSize>;
  readonly fetch: typeof fetch | undefined;
}

/** The defaults of every option that has one. */
export const SDK_DEFAULTS = Object.freeze({
  apiUrl: 'https://api.balena-cloud.com/',
  builderUrl: 'https://builder.balena-cloud.com/',
  apiVersion: 'v7',
  debug: false,
  requestLimitIntervalMs: DEFAULT_REQUEST_LIMIT_INTERVAL_MS,
  retryRateLimitedRequests: false,
  maxRetryAfterMs: DEFAULT_MAX_RETRY_AFTER_MS,
  maxRateLimitRetries: DEFAULT_MAX_RATE_LIMIT_RETRIES,
  retryTransientErrors: false,
  requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
  requestBatchingChunkSize: Object.freeze({ numericId: 200, stringId: 50 }),
});

/**
 * Derives the dashboard URL from the API URL as the official SDK does (first `api` → `dashboard`).
 *
 * @param apiUrl - the API URL.
 * @returns the dashboard URL.
 * @example
 * deriveDashboardUrl('https://api.balena-cloud.com/'); // 'https://dashboard.balena-cloud.com/'
 */
export function deriveDashboardUrl(apiUrl: string): string {
  return apiUrl.replace(/api/, 'dashboard');
}

function resolveChunkSize(
  option: SdkOptions['requestBatchingChunkSize'],
): Readonly<RequestBatchingChunkSize> {
  if (option == null) {
    return SDK_DEFAULTS.requestBatchingChunkSize;
  }
  if (typeof option === 'number') {
    return Object.freeze({ numericId: option, stringId: option });
  }
  return Object.freeze({ ...SDK_DEFAULTS.requestBatchingChunkSize, ...option });
}

/**
 * Resolves `getSdk()` options into the frozen configuration. The legacy `apiKey` option is
 * dropped here, so it is never sent anywhere.
 *
 * @param options - the options given to `getSdk()`.
 * @returns the frozen configuration.
 * @example
 * const config = resolveConfig({ apiUrl: 'http://localhost:8080/' });
 */
export function resolveConfig(options: SdkOptions = {}): ResolvedConfig {
  const apiUrl = options.apiUrl ?? SDK_DEFAULTS.apiUrl;
  return Object.freeze({
    apiUrl,
    builderUrl: options.builderUrl ?? SDK_DEFAULTS.builderUrl,
    dashboardUrl: options.dashboardUrl ?? deriveDashboardUrl(apiUrl),
    deviceUrlsBase: options.deviceUrlsBase,
    deviceActionsUrl: options.deviceActionsUrl,
    dataDirectory: options.dataDirectory,
    isBrowser: options.isBrowser ?? IS_BROWSER_BUILD,
    debug: options.debug ?? SDK_DEFAULTS.debug,
    apiVersion: options.apiVersion ?? SDK_DEFAULTS.apiVersion,
    requestLimit:
      options.requestLimit != null && options.requestLimit > 0 ? options.requestLimit : undefined,
    requestLimitIntervalMs: options.requestLimitInterval ?? SDK_DEFAULTS.requestLimitIntervalMs,
    retryRateLimitedRequests:
      options.retryRateLimitedRequests ?? SDK_DEFAULTS.retryRateLimitedRequests,
    maxRetryAfterMs: options.maxRetryAfterMs ?? SDK_DEFAULTS.maxRetryAfterMs,
    maxRateLimitRetries: options.maxRateLimitRetries ?? SDK_DEFAULTS.maxRateLimitRetries,
    retryTransientErrors: options.retryTransientErrors ?? SDK_DEFAULTS.retryTransientErrors,
    requestTimeoutMs: options.requestTimeout ?? SDK_DEFAULTS.requestTimeoutMs,
    requestBatchingChunkSize: resolveChunkSize(options.requestBatchingChunkSize),
    fetch: options.fetch,
  });
}
