import type { Handler, Middleware } from './types.js';

/**
 * Builds one handler from middleware listed outermost first, ending in the terminal handler.
 *
 * @param middleware - the steps, outermost first.
 * @param terminal - the last handler (the one that calls `fetch`).
 * @returns a handler that runs every step in order.
 * @example
 * const handler = composeMiddleware([clientHeader, auth], fetchHandler);
 */
export function composeMiddleware(middleware: readonly Middleware[], terminal: Handler): Handler {
  return middleware.reduceRight<Handler>((next, wrap) => wrap(next), terminal);
}
