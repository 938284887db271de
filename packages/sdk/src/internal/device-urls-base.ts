import type { BalenaRequest } from '../transport/transport.js';

/**
 * Returns a function that gives the device URLs base domain: the `deviceUrlsBase` option when
 * set, else `deviceUrlsBase` of `GET /config`, fetched once on first need.
 *
 * @param request - the SDK's transport.
 * @param configured - the `deviceUrlsBase` option.
 * @returns the resolver.
 * @throws {BalenaRequestError} when `/config` fails (the next call tries again).
 * @example
 * const base = await createDeviceUrlsBaseResolver(request, undefined)();
 */
export function createDeviceUrlsBaseResolver(
  request: BalenaRequest,
  configured: string | undefined,
): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () => {
    if (configured !== undefined) {
      return Promise.resolve(configured);
    }
    pending ??= request
      .send<{ deviceUrlsBase?: string }>({ url: '/config' })
      .then(({ body }) => String(body?.deviceUrlsBase ?? ''))
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
    return pending;
  };
}
