import { getTokenAge, isTokenExpired } from '../../auth/jwt.js';
import type { TokenManager } from '../../auth/token-manager.js';
import { BalenaExpiredToken } from '../../errors/index.js';
import type { Middleware, PreparedRequest } from '../types.js';
import { isAbsoluteUrl, isApiUrl } from '../url.js';

/** A stored JWT this old (from its `iat`) is refreshed before the next authenticated request. */
export const TOKEN_REFRESH_AGE_MS = 24 * 60 * 60 * 1000;

/** Options of {@link authTokenMiddleware}. */
export interface AuthTokenMiddlewareOptions {
  tokens: TokenManager;
  apiUrl: string;
  /** Refreshes the stored JWT against the given API base URL (single-flight). */
  refreshToken: (baseUrl: string) => Promise<string>;
}

// Refresh against the request's own API: its baseUrl for relative URLs, apiUrl for API URLs.
function refreshBaseFor(request: PreparedRequest, apiUrl: string): string | undefined {
  if (!isAbsoluteUrl(request.url)) {
    return request.baseUrl;
  }
  return isApiUrl(request.url, apiUrl) ? apiUrl : undefined;
}

/**
 * Adds `Authorization: Bearer <key>` when a key is stored and `sendToken` is on; first refreshes
 * a JWT that is {@link TOKEN_REFRESH_AGE_MS} old or more (when `refreshToken` is on), and fails
 * with `BalenaExpiredToken` for an expired JWT. A failed refresh of a still-valid JWT is ignored
 * (servers without the refresh endpoint keep working). Failures are handed to the interceptors'
 * `requestError` hooks, as balena-request does with its pre-flight checks.
 *
 * @param options - the token manager, API URL and refresh function.
 * @returns the middleware.
 * @example
 * const middleware = authTokenMiddleware({ tokens, apiUrl, refreshToken });
 */
export function authTokenMiddleware(options: AuthTokenMiddlewareOptions): Middleware {
  const { tokens, apiUrl, refreshToken } = options;
  return (next) => async (request, context) => {
    if (!request.sendToken) {
      return next(request, context);
    }
    let key: string | undefined;
    try {
      let token = await tokens.getToken();
      const refreshBase = refreshBaseFor(request, apiUrl);
      if (
        token?.type === 'JWT' &&
        request.refreshToken &&
        refreshBase !== undefined &&
        getTokenAge(token, Date.now()) >= TOKEN_REFRESH_AGE_MS
      ) {
        try {
          await refreshToken(refreshBase);
        } catch (error) {
          if (isTokenExpired(token, Date.now())) {
            throw error;
          }
        }
        token = await tokens.getToken();
      }
      // Requests that opt out of refreshing (the refresh call itself) let the API judge the token.
      if (request.refreshToken && token !== undefined && isTokenExpired(token, Date.now())) {
        throw new BalenaExpiredToken(token.key);
      }
      key = token?.key;
    } catch (error) {
      return next(request, { ...context, preflightError: error });
    }
    if (key === undefined) {
      return next(request, context);
    }
    return next(
      { ...request, headers: { ...request.headers, Authorization: `Bearer ${key}` } },
      context,
    );
  };
}
