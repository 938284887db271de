// Small helpers shared by the identity routes: async handlers, plain-text tokens, JSON string bodies.
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** An error that a route turns into a response with this status and (optional) text body. */
export class RouteError extends Error {
  /**
   * Creates a route error.
   * @param status the HTTP status
   * @param text the body text; empty for an empty body
   * @throws never
   * @example
   * throw new RouteError(401);
   */
  constructor(
    readonly status: number,
    readonly text = '',
  ) {
    super(text || `HTTP ${status}`);
  }
}

/**
 * Wraps an async route so rejections become responses: RouteError → its status and text, anything else → 500.
 * @param handler the async route
 * @throws never
 * @example
 * app.post('/login_', route(async (req, res) => { ... }));
 */
export function route(handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    handler(req, res).catch((err: unknown) => {
      if (err instanceof RouteError) {
        if (err.text === '') res.status(err.status).end();
        else res.status(err.status).type('text/plain').send(err.text);
        return;
      }
      next(err);
    });
  };
}

/**
 * Sends a token as `text/plain` with status 200 (what `/login_` and friends answer).
 * @param res the response
 * @param token the token text
 * @throws never
 * @example
 * sendToken(res, jwt);
 */
export function sendToken(res: Response, token: string): void {
  res.status(200).type('text/plain').send(token);
}

/**
 * Reads the JSON body as an object (an absent or non-object body reads as `{}`).
 * @param req the request
 * @throws never
 * @example
 * const { code } = bodyOf(req);
 */
export function bodyOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}
