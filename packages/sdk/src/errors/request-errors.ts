import { BalenaError } from './base.js';
import { redactHeaders, redactText, redactUrl, toErrorExcerpt } from './redact.js';

/** The request details an HTTP error keeps, with credentials removed. */
export interface RedactedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** What the transport knows about a request when it creates an error for it. */
export interface FailedRequestInfo {
  method?: string;
  url?: string;
  headers?: Record<string, string>;
}

/** Message used when an error response has no body, as the official SDK words it. */
export const EMPTY_ERROR_BODY_MESSAGE = 'The request was unsuccessful';

function toRedactedRequest(info: FailedRequestInfo | undefined): RedactedRequest {
  return {
    method: (info?.method ?? 'GET').toUpperCase(),
    url: redactUrl(info?.url ?? ''),
    headers: redactHeaders(info?.headers),
  };
}

/**
 * An HTTP response with status 400 or above.
 *
 * `body` holds the API's message (as the official SDK does); the parsed body, cut to an excerpt
 * when it is text, is in `responseBody`.
 */
export class BalenaRequestError extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaRequestError' {
    return 'BalenaRequestError';
  }
  /** The API's error message (the official SDK's `body`). */
  readonly body: unknown;
  /** The HTTP status code. */
  readonly statusCode: number;
  /** The request that failed, without credentials. */
  readonly requestOptions: RedactedRequest;
  /** The HTTP method of the failed request. */
  readonly method: string;
  /** The URL of the failed request, without credentials. */
  readonly url: string;
  /** The response headers. */
  readonly responseHeaders: Headers;
  /** The parsed response body (an excerpt when it is text). */
  readonly responseBody: unknown;

  /**
   * Creates a request error; the transport does this for every response with status >= 400.
   *
   * @param body - the API's error message.
   * @param statusCode - the HTTP status code.
   * @param requestOptions - the failed request's method, URL and headers (credentials are removed here).
   * @param responseHeaders - the response headers.
   * @example
   * throw new BalenaRequestError('Unauthorized', 401);
   */
  constructor(
    body: unknown,
    statusCode: number,
    requestOptions?: FailedRequestInfo,
    responseHeaders?: Headers,
  ) {
    const text = typeof body === 'string' ? redactText(body) : toErrorExcerpt(safeJson(body));
    super(`Request error: ${text}`);
    this.body = typeof body === 'string' ? text : body;
    this.statusCode = statusCode;
    this.requestOptions = toRedactedRequest(requestOptions);
    this.method = this.requestOptions.method;
    this.url = this.requestOptions.url;
    this.responseHeaders = responseHeaders ?? new Headers();
    this.responseBody = this.body;
  }
}

/** The request never got a response: DNS, connection or TLS failure. The original is in `cause`. */
export class BalenaNetworkError extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaNetworkError' | 'BalenaRequestTimeoutError' {
    return 'BalenaNetworkError';
  }
  /** The HTTP method of the failed request. */
  readonly method: string;
  /** The URL of the failed request, without credentials. */
  readonly url: string;

  /**
   * Creates a network error that wraps the fetch failure.
   *
   * @param request - the failed request's method and URL.
   * @param cause - the error thrown by `fetch`.
   * @example
   * throw new BalenaNetworkError({ method: 'GET', url: 'https://api.x/ping' }, new TypeError('fetch failed'));
   */
  constructor(request: FailedRequestInfo, cause: unknown, message?: string) {
    const redacted = toRedactedRequest(request);
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(redactText(message ?? `Network error: ${redacted.method} ${redacted.url}: ${reason}`), {
      cause,
    });
    this.method = redacted.method;
    this.url = redacted.url;
  }
}

/** No response arrived within the request timeout. */
export class BalenaRequestTimeoutError extends BalenaNetworkError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaRequestTimeoutError' {
    return 'BalenaRequestTimeoutError';
  }
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  /**
   * Creates a timeout error.
   *
   * @param request - the request's method and URL.
   * @param timeoutMs - the timeout that elapsed.
   * @example
   * throw new BalenaRequestTimeoutError({ method: 'GET', url: 'https://api.x/ping' }, 59000);
   */
  constructor(request: FailedRequestInfo, timeoutMs: number) {
    const redacted = toRedactedRequest(request);
    super(
      request,
      undefined,
      `network timeout: ${redacted.method} ${redacted.url} got no response within ${timeoutMs} ms`,
    );
    this.timeoutMs = timeoutMs;
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Picks the human message out of an error response body: `error.text`, then a string `message`,
 * then a string `error`, then the body itself (HTML reduced to a short plain-text excerpt).
 *
 * @param body - the parsed response body (JSON value or text).
 * @returns the message to show after "Request error: ".
 * @example
 * extractErrorMessage({ error: { text: 'Nope' } }); // 'Nope'
 */
export function extractErrorMessage(body: unknown): string {
  if (body == null || body === '') {
    return EMPTY_ERROR_BODY_MESSAGE;
  }
  if (typeof body === 'string') {
    return toErrorExcerpt(body) || EMPTY_ERROR_BODY_MESSAGE;
  }
  if (typeof body === 'object') {
    const record = body as { error?: unknown; message?: unknown };
    const nested = record.error as { text?: unknown } | null | undefined;
    if (nested != null && typeof nested === 'object' && typeof nested.text === 'string') {
      return toErrorExcerpt(nested.text);
    }
    if (typeof record.message === 'string') {
      return toErrorExcerpt(record.message);
    }
    if (typeof record.error === 'string') {
      return toErrorExcerpt(record.error);
    }
  }
  return toErrorExcerpt(safeJson(body));
}

/**
 * The one place where HTTP error responses become SDK errors.
 *
 * @param statusCode - the response status (>= 400).
 * @param body - the parsed response body.
 * @param request - method, URL and headers of the request (credentials are removed).
 * @param headers - the response headers.
 * @returns a {@link BalenaRequestError} whose `responseBody` is the parsed body.
 * @example
 * throw createRequestError(404, '', { method: 'GET', url }, new Headers());
 */
export function createRequestError(
  statusCode: number,
  body: unknown,
  request: FailedRequestInfo,
  headers: Headers,
): BalenaRequestError {
  const error = new BalenaRequestError(extractErrorMessage(body), statusCode, request, headers);
  const responseBody = typeof body === 'string' ? toErrorExcerpt(body) : body;
  Object.defineProperty(error, 'responseBody', { value: responseBody, enumerable: true });
  return error;
}
