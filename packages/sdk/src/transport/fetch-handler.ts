import { BalenaNetworkError, isBalenaError } from '../errors/index.js';
import { createRequestError } from '../errors/request-errors.js';
import { redactHeaders, redactUrl } from '../errors/redact.js';
import { decodeResponseBody, encodeRequestBody } from './body.js';
import type { Handler, PreparedRequest } from './types.js';
import { resolveRequestUrl } from './url.js';

/** Options of the terminal handler. */
export interface FetchHandlerOptions {
  /** The `fetch` to call; the global one by default. */
  fetch?: typeof fetch;
  /** Print a summary of every failed response with `console.error`. */
  debug?: boolean;
}

function readContentLength(headers: Headers): number | undefined {
  for (const name of ['Content-Length', 'X-Transfer-Length']) {
    const value = Number.parseInt(headers.get(name) ?? '', 10);
    if (Number.isFinite(value) && value >= 0) {
      return value;
    }
  }
  return undefined;
}

async function readErrorText(response: Response): Promise<unknown> {
  const text = await response.text();
  if ((response.headers.get('Content-Type') ?? '').includes('json') && text !== '') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * Creates the last step of the transport: resolves the URL, encodes the body, calls `fetch`,
 * decodes the response and turns statuses >= 400 into `BalenaRequestError`.
 *
 * @param options - the `fetch` to use and the debug flag.
 * @returns the terminal handler.
 * @throws {BalenaRequestError} for HTTP statuses >= 400.
 * @throws {BalenaNetworkError} when `fetch` or reading the body fails without an abort; the original is in `cause`.
 * @example
 * const terminal = createFetchHandler({ fetch: globalThis.fetch });
 */
export function createFetchHandler(options: FetchHandlerOptions = {}): Handler {
  return async function fetchHandler(request: PreparedRequest, context) {
    const doFetch = options.fetch ?? globalThis.fetch;
    const url = resolveRequestUrl(request);
    const encoded = encodeRequestBody(request);
    const headers = new Headers(request.headers);
    if (encoded.contentType !== undefined && !headers.has('Content-Type')) {
      headers.set('Content-Type', encoded.contentType);
    }
    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers,
      body: encoded.body,
      signal: request.signal,
    };
    if (encoded.isStream) {
      init.duplex = 'half';
    }
    const errorInfo = { method: request.method, url, headers: request.headers };
    const startedAt = Date.now();
    // A connection can also die while the body is read; that is the same network failure as one before the headers.
    const failingAsNetworkError = async <T>(step: () => Promise<T>): Promise<T> => {
      try {
        return await step();
      } catch (error) {
        // Aborts, our own typed errors and unparsable JSON are not connection failures.
        if (request.signal?.aborted || isBalenaError(error) || error instanceof SyntaxError) {
          throw error;
        }
        throw new BalenaNetworkError(errorInfo, error);
      }
    };
    const response = await failingAsNetworkError(() => doFetch(url, init));
    if (response.status >= 400) {
      const body = await failingAsNetworkError(() => readErrorText(response));
      if (options.debug) {
        console.error({
          statusCode: response.status,
          duration: Date.now() - startedAt,
          method: request.method,
          url: redactUrl(url),
          headers: redactHeaders(request.headers),
        });
      }
      throw createRequestError(response.status, body, errorInfo, response.headers);
    }
    if (context.mode === 'stream') {
      return {
        statusCode: response.status,
        headers: response.headers,
        url: response.url || url,
        body: response.body ?? new Blob([]).stream(),
        mime: response.headers.get('Content-Type'),
        contentLength: readContentLength(response.headers),
      };
    }
    const body = await failingAsNetworkError(() =>
      decodeResponseBody(response, request.responseFormat),
    );
    return {
      statusCode: response.status,
      body,
      headers: response.headers,
      url: response.url || url,
      duration: Date.now() - startedAt,
    };
  };
}
