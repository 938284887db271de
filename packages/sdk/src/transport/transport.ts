import type { TokenManager } from '../auth/token-manager.js';
import { BalenaExpiredToken, isBalenaError } from '../errors/index.js';
import { isTokenExpired } from '../auth/jwt.js';
import { composeMiddleware } from './compose.js';
import { createFetchHandler } from './fetch-handler.js';
import { authTokenMiddleware } from './middleware/auth-token.js';
import { clientHeaderMiddleware } from './middleware/client-header.js';
import { interceptorsMiddleware } from './middleware/interceptors.js';
import {
  retryRateLimitedMiddleware,
  type RetryRateLimitedRequests,
} from './middleware/retry-rate-limited.js';
import { retryTransientMiddleware } from './middleware/retry-transient.js';
import { throttleMiddleware } from './middleware/throttle.js';
import { timeoutMiddleware } from './middleware/timeout.js';
import type {
  BalenaResponse,
  BalenaStreamResponse,
  CallOptions,
  Handler,
  Interceptor,
  PreparedRequest,
  RequestContext,
  RequestOptions,
  TransientRetryOptions,
} from './types.js';
import { isAbsoluteUrl } from './url.js';

/** Path of the API endpoint that exchanges a session JWT for a fresh one. */
export const REFRESH_TOKEN_PATH = '/user/v1/refresh-token';

/** Settings the transport needs (a subset of the resolved SDK config). */
export interface TransportSettings {
  apiUrl: string;
  requestTimeoutMs: number;
  requestLimit: number | undefined;
  requestLimitIntervalMs: number;
  retryRateLimitedRequests: RetryRateLimitedRequests;
  maxRetryAfterMs: number;
  maxRateLimitRetries: number;
  retryTransientErrors: boolean | TransientRetryOptions;
  debug: boolean;
  fetch: typeof fetch | undefined;
}

/** `sdk.request`: balena-request compatible HTTP calls through the SDK's middleware. */
export interface BalenaRequest {
  /**
   * Sends a request and resolves with the decoded response; statuses >= 400 reject.
   *
   * @param options - `url` (absolute, or a path under `baseUrl`, the API by default), `method`,
   *   `body`, `qs`, `json`, `sendToken`, `responseFormat` and the other request options.
   * @param callOptions - `signal`, `headers`, `timeout` for this call.
   * @returns the status, headers and decoded body.
   * @throws {BalenaRequestError} for a response status of 400 or more.
   * @throws {BalenaNetworkError} when no response arrives (`BalenaRequestTimeoutError` on timeout).
   * @throws {TypeError} when `url` is missing.
   * @example
   * const { body } = await sdk.request.send({ method: 'GET', url: '/config' });
   */
  send<T = unknown>(options: RequestOptions, callOptions?: CallOptions): Promise<BalenaResponse<T>>;
  /**
   * Sends a request and resolves with the unread body as a web `ReadableStream`.
   *
   * @param options - the request options of `send`.
   * @param callOptions - `signal`, `headers`, `timeout` for this call.
   * @returns the status, headers and the body stream (read it, or cancel it to free the connection).
   * @throws {BalenaRequestError} for a response status of 400 or more.
   * @throws {BalenaNetworkError} when no response arrives.
   * @example
   * const { body } = await sdk.request.stream({ url: '/download', qs: { deviceType: 'raspberrypi3' } });
   */
  stream(options: RequestOptions, callOptions?: CallOptions): Promise<BalenaStreamResponse>;
  /**
   * Exchanges the stored JWT for a fresh one and stores it; resolves with the new token.
   *
   * @param options - `baseUrl`: the API to ask, the SDK's `apiUrl` by default.
   * @returns the new session token.
   * @throws {BalenaExpiredToken} when the stored token has expired (it is removed).
   * @throws {BalenaRequestError} when the API refuses the refresh.
   * @example
   * const token = await sdk.request.refreshToken();
   */
  refreshToken(options?: { baseUrl?: string }): Promise<string>;
  /** The interceptor array; assign a new array to replace every interceptor. */
  interceptors: Interceptor[];
}

function prepareRequest(
  options: RequestOptions,
  callOptions: CallOptions | undefined,
  apiUrl: string,
): PreparedRequest {
  if (typeof options?.url !== 'string') {
    throw new TypeError('url option not provided');
  }
  const { apiKey: _legacyApiKey, ...rest } = options as RequestOptions & { apiKey?: unknown };
  return {
    ...rest,
    method: (options.method ?? 'GET').toUpperCase(),
    baseUrl: isAbsoluteUrl(options.url) ? undefined : (options.baseUrl ?? apiUrl),
    headers: { ...options.headers, ...callOptions?.headers },
    json: options.json ?? true,
    sendToken: options.sendToken ?? true,
    refreshToken: options.refreshToken ?? true,
    signal: callOptions?.signal ?? options.signal,
    timeout: callOptions?.timeout ?? options.timeout,
  };
}

/**
 * Creates the transport: the ordered middleware (client header → auth → throttle → 429 retry →
 * transient retry → interceptors → timeout → fetch) and the `sdk.request` object on top of it.
 *
 * @param settings - the resolved transport settings.
 * @param tokens - the token manager that holds the credential.
 * @returns the `sdk.request` object.
 * @example
 * const request = createTransport(settings, tokens);
 * const { body } = await request.send({ url: '/config' });
 */
export function createTransport(settings: TransportSettings, tokens: TokenManager): BalenaRequest {
  let interceptors: Interceptor[] = [];
  let refreshInFlight: Promise<string> | undefined;

  async function refreshOnce(baseUrl: string): Promise<string> {
    try {
      const { body } = await request.send({
        url: REFRESH_TOKEN_PATH,
        baseUrl,
        refreshToken: false,
      });
      const refreshed = String(body).trim();
      // Stored directly: a refresh is not a key change, so caches tied to the user survive it.
      await tokens.setKey(refreshed);
      return refreshed;
    } catch (error) {
      const token = await tokens.getToken();
      if (
        isBalenaError(error, 'BalenaRequestError') &&
        error.statusCode === 401 &&
        token !== undefined &&
        isTokenExpired(token, Date.now())
      ) {
        await tokens.removeKey();
        throw new BalenaExpiredToken(token.key);
      }
      throw error;
    }
  }

  function refreshToken(baseUrl: string): Promise<string> {
    refreshInFlight ??= refreshOnce(baseUrl).finally(() => {
      refreshInFlight = undefined;
    });
    return refreshInFlight;
  }

  const handler: Handler = composeMiddleware(
    [
      clientHeaderMiddleware(settings.apiUrl),
      authTokenMiddleware({ tokens, apiUrl: settings.apiUrl, refreshToken }),
      throttleMiddleware(settings.requestLimit ?? 0, settings.requestLimitIntervalMs),
      retryRateLimitedMiddleware({
        retryRateLimitedRequests: settings.retryRateLimitedRequests,
        maxRetryAfterMs: settings.maxRetryAfterMs,
        maxRetries: settings.maxRateLimitRetries,
      }),
      retryTransientMiddleware(settings.retryTransientErrors),
      interceptorsMiddleware(() => interceptors),
      timeoutMiddleware(settings.requestTimeoutMs),
    ],
    createFetchHandler({ fetch: settings.fetch, debug: settings.debug }),
  );

  async function run(
    options: RequestOptions,
    callOptions: CallOptions | undefined,
    mode: RequestContext['mode'],
  ) {
    const prepared = prepareRequest(options, callOptions, settings.apiUrl);
    return handler(prepared, { mode });
  }

  const request: BalenaRequest = {
    async send<T = unknown>(options: RequestOptions, callOptions?: CallOptions) {
      return (await run(options, callOptions, 'send')) as BalenaResponse<T>;
    },
    async stream(options: RequestOptions, callOptions?: CallOptions) {
      return (await run(options, callOptions, 'stream')) as BalenaStreamResponse;
    },
    async refreshToken(options?: { baseUrl?: string }) {
      return refreshToken(options?.baseUrl ?? settings.apiUrl);
    },
    get interceptors() {
      return interceptors;
    },
    set interceptors(value: Interceptor[]) {
      interceptors = value;
    },
  };
  return request;
}
