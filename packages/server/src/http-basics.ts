// HTTP plumbing shared by every route: CORS, body parsing limits, health checks, 404 and error replies.
import express, { type Application, type ErrorRequestHandler } from 'express';

/** Largest JSON or urlencoded request body accepted, as the real API (~512 KB). */
export const MAX_BODY_SIZE = '512kb';

const ALLOWED_HEADERS =
  'Content-Type, Authorization, Application-Record-Count, MaxDataServiceVersion, X-Requested-With, X-Balena-Client';

/**
 * Installs CORS, body parsers and the `/ping` and `/connectivity-check` health routes.
 * @param app the express application, before any other route.
 * @example
 * installHttpBasics(app);
 */
export function installHttpBasics(app: Application): void {
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    const origin = req.headers.origin;
    res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    if (origin) res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, PATCH, DELETE, OPTIONS, HEAD');
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '86400');
      res.status(200).end();
      return;
    }
    next();
  });
  app.use(express.json({ limit: MAX_BODY_SIZE, strict: false }));
  app.use(express.urlencoded({ extended: true, limit: MAX_BODY_SIZE }));
  app.get('/ping', (_req, res) => {
    res.type('text/plain').send('OK');
  });
  app.get('/connectivity-check', (_req, res) => {
    res.status(204).end();
  });
}

/**
 * Installs the final handlers: 404 with an empty body for unknown routes, and 4xx for unreadable bodies.
 * @param app the express application, after every other route.
 * @example
 * installFallbackHandlers(app);
 */
export function installFallbackHandlers(app: Application): void {
  app.use((_req, res) => {
    res.status(404).end();
  });
  const handleError: ErrorRequestHandler = (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = httpStatusOf(err);
    if (status === 413) {
      res.status(413).json('Request body too large');
    } else if (status === 400 && isBodyParseError(err)) {
      res.status(400).json('Malformed request body: not valid JSON');
    } else if (status >= 400 && status < 500) {
      res.status(status).json(err instanceof Error ? err.message : 'Bad request');
    } else {
      console.error('Unhandled error', err);
      res.status(500).end();
    }
  };
  app.use(handleError);
}

function httpStatusOf(err: unknown): number {
  if (typeof err === 'object' && err !== null) {
    const { status, statusCode } = err as { status?: unknown; statusCode?: unknown };
    if (typeof status === 'number') return status;
    if (typeof statusCode === 'number') return statusCode;
  }
  return 500;
}

function isBodyParseError(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as { type?: unknown }).type === 'entity.parse.failed'
  );
}
