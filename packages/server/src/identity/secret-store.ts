// A tiny key/value table for identity secrets that are not part of the public model: the server's JWT signing
// secret and users' TOTP secrets. It is created lazily so the model stays free of server-private state.
import type { dbModule } from '@balena/pinejs';

type Tx = dbModule.Tx;

const TABLE = '"local identity secret"';
let tableReady = false;

async function ensureTable(tx: Tx): Promise<void> {
  if (tableReady) return;
  await tx.executeSql(
    `CREATE TABLE IF NOT EXISTS ${TABLE} ("name" TEXT PRIMARY KEY, "value" TEXT NOT NULL)`,
  );
  tableReady = true;
}

/**
 * Forgets that the table was created (a new server instance may use a fresh database).
 * @throws never
 * @example
 * resetSecretStoreCache();
 */
export function resetSecretStoreCache(): void {
  tableReady = false;
}

/**
 * Reads a stored secret by name.
 * @param tx the open transaction
 * @param name the secret's name (e.g. `totp:12`)
 * @throws the database error when the query fails
 * @example
 * const secret = await readSecret(tx, 'jwt-signing');
 */
export async function readSecret(tx: Tx, name: string): Promise<string | undefined> {
  await ensureTable(tx);
  const { rows } = await tx.executeSql(`SELECT "value" FROM ${TABLE} WHERE "name" = $1`, [name]);
  const value: unknown = rows[0]?.value;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Stores (inserts or replaces) a secret.
 * @param tx the open transaction
 * @param name the secret's name
 * @param value the secret value
 * @throws the database error when the query fails
 * @example
 * await writeSecret(tx, 'totp:12', 'JBSWY3DPEHPK3PXP');
 */
export async function writeSecret(tx: Tx, name: string, value: string): Promise<void> {
  await ensureTable(tx);
  await tx.executeSql(
    `INSERT INTO ${TABLE} ("name", "value") VALUES ($1, $2) ON CONFLICT ("name") DO UPDATE SET "value" = EXCLUDED."value"`,
    [name, value],
  );
}

/**
 * Removes a secret if present.
 * @param tx the open transaction
 * @param name the secret's name
 * @throws the database error when the query fails
 * @example
 * await deleteSecret(tx, 'totp:12');
 */
export async function deleteSecret(tx: Tx, name: string): Promise<void> {
  await ensureTable(tx);
  await tx.executeSql(`DELETE FROM ${TABLE} WHERE "name" = $1`, [name]);
}
