// Transaction helpers for identity routes: every route runs its queries in one transaction it opens itself, and
// passes that transaction to every pinejs call (PGlite serialises transactions; a second one would deadlock).
import { permissions, sbvrUtils, type dbModule } from '@balena/pinejs';

export type Tx = dbModule.Tx;

/**
 * Runs a function in a read-write transaction of the pinejs database.
 * @param fn the work, given the open transaction
 * @throws whatever fn throws (the transaction is rolled back)
 * @example
 * const id = await inTransaction((tx) => findUserId(tx, 'jane'));
 */
export async function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return await sbvrUtils.db.transaction(fn);
}

/**
 * Runs a function in a read-only transaction of the pinejs database.
 * @param fn the work, given the open transaction
 * @throws whatever fn throws
 * @example
 * const user = await inReadTransaction((tx) => loadUser(tx, 1));
 */
export async function inReadTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return await sbvrUtils.db.readTransaction(fn);
}

/**
 * The pinejs client of the balena model (apiRoot `v7`), bound to the root user and a transaction.
 * @param tx the open transaction
 * @throws Error when the model is not initialised yet
 * @example
 * await rootApi(tx).post({ resource: 'organization', body: { name, handle } });
 */
export function rootApi(tx: Tx) {
  const api = sbvrUtils.api.v7;
  if (api == null) throw new Error('The v7 model is not initialised');
  return api.clone({ passthrough: { req: permissions.root, tx } });
}

/**
 * Creates a new actor row and returns its id.
 * @param tx the open transaction
 * @throws the database error when the insert fails
 * @example
 * const actorId = await createActor(tx);
 */
export async function createActor(tx: Tx): Promise<number> {
  const { rows } = await tx.executeSql('INSERT INTO "actor" DEFAULT VALUES RETURNING "id"');
  return Number(rows[0].id);
}
