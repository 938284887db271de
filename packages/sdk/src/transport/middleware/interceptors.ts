import type { Interceptor, Middleware, PreparedRequest, TransportResponse } from '../types.js';

/**
 * Runs `sdk.interceptors` around the rest of the chain with balena-request semantics: request
 * hooks in array order, response hooks in reverse order; `requestError` receives a failed earlier
 * request hook or a pre-flight failure (such as an expired token); `responseError` receives
 * network errors, HTTP errors and failures of earlier response hooks. The array is read on every
 * request, so assigning a new one takes effect at once.
 *
 * @param getInterceptors - returns the current interceptor array.
 * @returns the middleware.
 * @example
 * const middleware = interceptorsMiddleware(() => sdk.interceptors);
 */
export function interceptorsMiddleware(getInterceptors: () => readonly Interceptor[]): Middleware {
  return (next) => async (request, context) => {
    const interceptors = [...getInterceptors()];
    const { preflightError } = context;
    let prepared: Promise<PreparedRequest> =
      preflightError !== undefined ? Promise.reject(preflightError) : Promise.resolve(request);
    for (const { request: onRequest, requestError } of interceptors) {
      if (onRequest != null || requestError != null) {
        prepared = prepared.then(onRequest, requestError);
      }
    }
    let response: Promise<TransportResponse> = prepared.then((finalRequest) =>
      next(finalRequest, { ...context, preflightError: undefined }),
    );
    for (let index = interceptors.length - 1; index >= 0; index--) {
      const { response: onResponse, responseError } = interceptors[index];
      if (onResponse != null || responseError != null) {
        response = response.then(onResponse, responseError);
      }
    }
    return response;
  };
}
