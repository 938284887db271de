import { SDK_VERSION } from '../../version.js';
import type { Middleware } from '../types.js';
import { isApiUrl, resolveRequestUrl } from '../url.js';

/** Name of the header that identifies the SDK to the API. */
export const CLIENT_HEADER_NAME = 'X-Balena-Client';

/** Value of the client header: `balena-sdk/<version>`. */
export const CLIENT_HEADER_VALUE = `balena-sdk/${SDK_VERSION}`;

/**
 * Adds `X-Balena-Client: balena-sdk/<version>` to requests for the API host only (not to the
 * builder, device actions or file storage hosts).
 *
 * @param apiUrl - the SDK's API URL.
 * @returns the middleware.
 * @example
 * const middleware = clientHeaderMiddleware('https://api.balena-cloud.com/');
 */
export function clientHeaderMiddleware(apiUrl: string): Middleware {
  return (next) => async (request, context) => {
    if (isApiUrl(resolveRequestUrl({ ...request, qs: undefined }), apiUrl)) {
      request = {
        ...request,
        headers: { ...request.headers, [CLIENT_HEADER_NAME]: CLIENT_HEADER_VALUE },
      };
    }
    return next(request, context);
  };
}
