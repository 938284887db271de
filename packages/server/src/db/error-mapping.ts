// Recognises database errors caused by bad client input, so the request can be answered 400 instead of 500.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Application } from 'express';
import type pg from 'pg';

interface PgError {
  code?: unknown;
  column?: unknown;
  message?: unknown;
}

interface RequestInputErrors {
  /** Message for the client when the database rejected its input during this request. */
  message?: string;
}

const PG_NOT_NULL_VIOLATION = '23502';
// SQLSTATE class 22 "data exception": out-of-range numbers, malformed dates or numbers, over-long text.
const PG_DATA_EXCEPTION_CLASS = '22';
// SQLSTATE 42883 "undefined function": an operator applied to the wrong type, e.g. contains() on a number.
const PG_UNDEFINED_FUNCTION = '42883';

const requestInputErrors = new AsyncLocalStorage<RequestInputErrors>();

function odataFieldName(sqlColumn: string): string {
  return sqlColumn.replace(/-/g, '__').replace(/ /g, '_');
}

/**
 * Describes a PostgreSQL error caused by the client's input, or returns undefined for other errors.
 * @param err whatever the `pg` driver threw.
 * @example
 * describeInputError({ code: '23502', column: 'device name' }); // '"device_name" cannot be null'
 */
export function describeInputError(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, column, message } = err as PgError;
  const text = typeof message === 'string' ? message : 'invalid input';
  if (code === PG_NOT_NULL_VIOLATION) {
    return typeof column === 'string'
      ? `"${odataFieldName(column)}" cannot be null`
      : 'A required field is missing';
  }
  if (typeof code === 'string' && code.startsWith(PG_DATA_EXCEPTION_CLASS))
    return `Invalid value: ${text}`;
  if (code === PG_UNDEFINED_FUNCTION) return `Invalid query: ${text}`;
  return undefined;
}

const patched = new WeakSet<object>();

/**
 * Wraps a pooled client's promise-style `query` to note input errors for the request being served.
 * @param client a client handed out by the pool pinejs uses.
 * @example
 * pool.on('connect', recordInputErrors);
 */
export function recordInputErrors(client: pg.PoolClient | pg.Client): void {
  if (patched.has(client)) return;
  patched.add(client);
  const originalQuery = client.query.bind(client) as (...args: unknown[]) => unknown;
  const wrapped = (...args: unknown[]): unknown => {
    const result = originalQuery(...args);
    if (!(result instanceof Promise)) return result;
    return result.catch((err: unknown) => {
      const message = describeInputError(err);
      const store = requestInputErrors.getStore();
      if (message != null && store != null) store.message ??= message;
      throw err;
    });
  };
  (client as { query: unknown }).query = wrapped;
}

/**
 * Answers 400 with a readable message when a request under `prefix` failed (500) because the database
 * rejected its input (a missing required field, an out-of-range id, a malformed value).
 * @param app the express application, before pinejs mounts its routes.
 * @param prefix the API root path, e.g. `/v7`.
 * @example
 * installInputErrorResponses(app, '/v7');
 */
export function installInputErrorResponses(app: Application, prefix: string): void {
  app.use(prefix, (_req, res, next) => {
    const store: RequestInputErrors = {};
    const setStatus = res.status.bind(res);
    res.status = (code: number) => {
      if (code !== 500 || store.message == null) return setStatus(code);
      const message = store.message;
      const end = res.end.bind(res);
      // pinejs ends a 500 with an empty body; send the message instead.
      res.end = ((..._args: unknown[]) => {
        res.end = end;
        res.json(message);
        return res;
      }) as typeof res.end;
      return setStatus(400);
    };
    requestInputErrors.run(store, next);
  });
}
