/** How a response body is decoded by `request.send`. */
export type ResponseFormat = 'json' | 'text' | 'blob' | 'none';

/**
 * Per-call options accepted as the optional last argument of SDK calls, merged at the transport.
 */
export interface CallOptions {
  /** Aborts the request, its retries and any wait before them. */
  signal?: AbortSignal;
  /** Extra request headers; they win over the SDK's own except `Authorization`. */
  headers?: Record<string, string>;
  /** Milliseconds to wait for the response before failing with `BalenaRequestTimeoutError`. */
  timeout?: number;
}

/** Retry policy for transient failures (HTTP 502/503/504, network errors, timeouts). */
export interface TransientRetryOptions {
  /** Retries after the first attempt. */
  maxRetries?: number;
  /** Backoff base: attempt n waits a random time up to `baseDelayMs * 2^n`. */
  baseDelayMs?: number;
  /** Upper bound of one backoff wait. */
  maxDelayMs?: number;
}

/** Options of `sdk.request.send` / `sdk.request.stream` (balena-request compatible). */
export interface RequestOptions extends CallOptions {
  /** Absolute URL, or a path resolved against `baseUrl`. */
  url: string;
  /** Base for a relative `url`; defaults to the SDK's `apiUrl`. */
  baseUrl?: string;
  /** HTTP method; defaults to `GET`. */
  method?: string;
  /** Request body; plain values are sent as JSON unless `json` is false. */
  body?: unknown;
  /** Query-string parameters, serialised like the `qs` package does. */
  qs?: Record<string, unknown>;
  /** Encode `body` as JSON (default true). */
  json?: boolean;
  /** Send the stored key as `Authorization: Bearer` (default true). */
  sendToken?: boolean;
  /** Refresh a stored JWT that is 24 h old or more before sending (default true). */
  refreshToken?: boolean;
  /** How to decode the response body; by default from its Content-Type. */
  responseFormat?: ResponseFormat;
  /** Never retry this request after HTTP 429. */
  doNotRetry?: boolean;
  /** Overrides the SDK-wide `retryTransientErrors` option for this request. */
  retryTransientErrors?: boolean | TransientRetryOptions;
}

/** A request after defaults were applied; this is what interceptors receive and return. */
export interface PreparedRequest extends RequestOptions {
  method: string;
  headers: Record<string, string>;
  json: boolean;
  sendToken: boolean;
  refreshToken: boolean;
}

/** The response `request.send` resolves with. */
export interface BalenaResponse<T = unknown> {
  /** HTTP status code. */
  statusCode: number;
  /** Decoded body: JSON value, text, `Blob` or `null`. */
  body: T;
  /** Response headers. */
  headers: Headers;
  /** Final URL of the request. */
  url: string;
  /** Milliseconds from sending to the decoded body. */
  duration: number;
}

/** The response `request.stream` resolves with: the body is a web `ReadableStream`. */
export interface BalenaStreamResponse {
  statusCode: number;
  headers: Headers;
  url: string;
  /** The response body, not yet read. */
  body: ReadableStream<Uint8Array>;
  /** The response Content-Type, or null. */
  mime: string | null;
  /** Content-Length (or X-Transfer-Length) in bytes when the server sent it. */
  contentLength: number | undefined;
}

/** Either response kind. */
export type TransportResponse = BalenaResponse | BalenaStreamResponse;

/** A balena-request compatible interceptor; every hook may be async. */
export interface Interceptor {
  /**
   * Runs before sending, in array order; returns the (possibly changed) request.
   *
   * @param request - the request with its defaults applied.
   * @returns the request to send (the same object or a new one).
   * @throws {Error} anything it throws fails the request (after `requestError` hooks).
   * @example
   * sdk.interceptors.push({ request: (request) => ({ ...request, headers: { ...request.headers, 'X-Trace': '1' } }) });
   */
  request?: (request: PreparedRequest) => PreparedRequest | Promise<PreparedRequest>;
  /**
   * Receives a failure of an earlier request hook or of pre-flight token checks.
   *
   * @param error - the failure.
   * @returns a request to send instead.
   * @throws {Error} rethrow the error (or another) to fail the request.
   * @example
   * sdk.interceptors.push({ requestError: (error) => { console.error(error); throw error; } });
   */
  requestError?: (error: unknown) => PreparedRequest | Promise<PreparedRequest>;
  /**
   * Runs after a successful response, in reverse array order.
   *
   * @param response - the response (status, headers, body).
   * @returns the response the caller receives (the same object or a new one).
   * @throws {Error} anything it throws fails the request (after `responseError` hooks).
   * @example
   * sdk.interceptors.push({ response: (response) => { console.log(response.statusCode); return response; } });
   */
  response?: (response: TransportResponse) => TransportResponse | Promise<TransportResponse>;
  /**
   * Receives network errors, HTTP error responses and earlier response-hook failures.
   *
   * @param error - the failure, e.g. a `BalenaRequestError`.
   * @returns a response to resolve the request with instead.
   * @throws {Error} rethrow the error (or another) to fail the request.
   * @example
   * sdk.interceptors.push({ responseError: (error) => { console.error(error); throw error; } });
   */
  responseError?: (error: unknown) => TransportResponse | Promise<TransportResponse>;
}

/** Per-request state shared by the middleware (not part of the request options). */
export interface RequestContext {
  /** `send` decodes the body; `stream` hands the body over unread. */
  mode: 'send' | 'stream';
  /** A failure found before sending (e.g. an expired token), handed to interceptors' `requestError`. */
  preflightError?: unknown;
}

/** One step of the transport: handles a request, usually by calling the next step. */
export type Handler = (
  request: PreparedRequest,
  context: RequestContext,
) => Promise<TransportResponse>;

/** Wraps the next handler with one concern (auth, retry, throttle, ...). */
export type Middleware = (next: Handler) => Handler;
