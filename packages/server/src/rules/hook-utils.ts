// Shared helpers for the business-rule hooks.
import { errors, permissions, sbvrUtils, type dbModule, type hooks } from '@balena/pinejs';

export type Tx = dbModule.Tx;
export type HookArgs = hooks.HookArgs;

/** The apiRoot every rule is registered on. */
export const API_ROOT = 'v7';

/**
 * Throws pinejs's 400 error with the given body text.
 * @param message the error text the client sees
 * @throws BadRequestError always
 * @example
 * if (problem) badRequest(problem);
 */
export function badRequest(message: string): never {
  throw new errors.BadRequestError(message);
}

/**
 * Throws 400 when a validator returned an error text.
 * @param problem the validator's result
 * @throws BadRequestError when problem is defined
 * @example
 * check(checkTagKey(values.tag_key));
 */
export function check(problem: string | undefined): void {
  if (problem !== undefined) badRequest(problem);
}

/**
 * The pinejs client of the v7 model as root, bound to the request's transaction.
 * @param tx the request's transaction
 * @throws never
 * @example
 * await rootApi(tx).get({ resource: 'organization', id, options: { $select: 'handle' } });
 */
export function rootApi(tx: Tx) {
  return sbvrUtils.api.v7.clone({ passthrough: { req: permissions.root, tx } });
}

/**
 * Runs work in the request's transaction when there is one (internal calls, $batch), else in a short transaction of
 * its own: POSTPARSE hooks of HTTP requests run before pinejs opens the request's transaction, so no transaction of
 * this request is open and a separate one cannot deadlock.
 * @param tx the request's transaction, if any
 * @param fn the work
 * @throws whatever fn throws
 * @example
 * const actor = await withTx(args.tx, (tx) => createActor(tx));
 */
export async function withTx<T>(tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return tx != null ? await fn(tx) : await sbvrUtils.db.transaction(fn);
}

/**
 * Creates a new actor row and returns its id.
 * @param tx the open transaction
 * @throws the database error when the insert fails
 * @example
 * request.values.actor = await createActor(tx);
 */
export async function createActor(tx: Tx): Promise<number> {
  const { rows } = await tx.executeSql('INSERT INTO "actor" DEFAULT VALUES RETURNING "id"');
  return Number(rows[0].id);
}

/**
 * Reads a possibly `{__id}`-shaped foreign key value from request values.
 * @param value the raw value
 * @throws never
 * @example
 * fkId({ __id: 4 }); // 4
 */
export function fkId(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  if (typeof value === 'object' && value !== null && '__id' in value)
    return fkId((value as { __id: unknown }).__id);
  return undefined;
}

/**
 * Whether the request is made by a real caller (not pinejs's root user used by internal code).
 * @param args the hook arguments
 * @throws never
 * @example
 * if (isExternalCaller(args)) { ... }
 */
export function isExternalCaller(args: Pick<HookArgs, 'req'>): boolean {
  return (
    args.req.user !== permissions.root.user && (args.req.user != null || args.req.apiKey != null)
  );
}
