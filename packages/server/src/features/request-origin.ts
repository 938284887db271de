// The public origin (`http://host:port`) clients reach this server at, for absolute URLs in responses.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Application, Request } from 'express';

const currentOrigin = new AsyncLocalStorage<string>();
let lastSeenOrigin: string | undefined;

function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/**
 * Records the origin of each request, so code deep inside pinejs can build absolute URLs.
 * @param app the express application; the middleware runs before every route installed later.
 * @throws never
 * @example
 * installRequestOrigin(app);
 */
export function installRequestOrigin(app: Application): void {
  app.use((req, _res, next) => {
    const origin = originOf(req);
    lastSeenOrigin = origin;
    currentOrigin.run(origin, next);
  });
}

/**
 * The origin of the request being served, e.g. `http://127.0.0.1:41234`.
 *
 * Streamed multipart bodies resume outside the request's async context, so the origin of the latest request is
 * the fallback there (the server answers on one address).
 * @throws never
 * @example
 * const href = `${requestOrigin()}/files/abc`;
 */
export function requestOrigin(): string {
  return currentOrigin.getStore() ?? lastSeenOrigin ?? 'http://localhost';
}
