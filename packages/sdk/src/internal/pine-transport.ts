import type { TokenManager } from '../auth/token-manager.js';
import { BalenaNotLoggedIn, isBalenaError } from '../errors/index.js';
import type { BalenaRequest } from '../transport/transport.js';

/** A request from the pine client: absolute URL, JSON body, per-call options. */
export interface PineAdapterRequest {
  method: string;
  url: string;
  body?: unknown;
  anonymous?: boolean;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  timeout?: number;
}

/**
 * Creates the transport function the pine client sends through: it uses the SDK transport,
 * sends the token only when a key exists and the call is not anonymous, resolves the parsed
 * JSON body, and turns a 401 while not logged in into `BalenaNotLoggedIn`.
 *
 * @param request - the SDK transport.
 * @param tokens - the token manager.
 * @returns the pine transport.
 * @throws {BalenaNotLoggedIn} for a 401 on a call made without a key.
 * @example
 * const pine = createPineClient({ apiUrl, apiVersion, transport: createPineTransport(request, tokens) });
 */
export function createPineTransport(
  request: BalenaRequest,
  tokens: TokenManager,
): (req: PineAdapterRequest) => Promise<unknown> {
  return async (req) => {
    const sendToken = req.anonymous !== true && (await tokens.hasKey());
    try {
      const { body } = await request.send(
        { method: req.method, url: req.url, body: req.body, sendToken },
        { signal: req.signal, headers: req.headers, timeout: req.timeout },
      );
      return body;
    } catch (error) {
      if (
        !sendToken &&
        req.anonymous !== true &&
        isBalenaError(error, 'BalenaRequestError') &&
        error.statusCode === 401
      ) {
        throw new BalenaNotLoggedIn();
      }
      throw error;
    }
  };
}
