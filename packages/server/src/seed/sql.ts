// Small SQL helpers for idempotent seeding inside one pinejs transaction.
import type { dbModule } from '@balena/pinejs';

export type Tx = dbModule.Tx;

/**
 * Returns the id of the row matching `where`, inserting `values` first when no row matches.
 * @param tx the open transaction (PGlite runs one at a time: never open another one here).
 * @param table the SQL table name (spaces, as pinejs names them).
 * @param where the natural key, column → value.
 * @param values the other columns of a new row.
 * @throws when the insert violates a constraint.
 * @example
 * const archId = await findOrInsert(tx, 'cpu architecture', { slug: 'aarch64' });
 */
export async function findOrInsert(
  tx: Tx,
  table: string,
  where: Record<string, unknown>,
  values: Record<string, unknown> = {},
): Promise<number> {
  const whereColumns = Object.keys(where);
  const found = await tx.executeSql(
    `SELECT "id" FROM "${table}" WHERE ${whereColumns.map((column, i) => `"${column}" = $${i + 1}`).join(' AND ')} LIMIT 1`,
    Object.values(where),
  );
  if (found.rows.length > 0) return Number(found.rows[0].id);
  const row = { ...where, ...values };
  const columns = Object.keys(row);
  const inserted = await tx.executeSql(
    `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING "id"`,
    Object.values(row).map(toSqlValue),
  );
  return Number(inserted.rows[0].id);
}

/**
 * Inserts a new actor row and returns its id (every user, application and device has one).
 * @param tx the open transaction.
 * @example
 * const actorId = await insertActor(tx);
 */
export async function insertActor(tx: Tx): Promise<number> {
  const inserted = await tx.executeSql('INSERT INTO "actor" DEFAULT VALUES RETURNING "id"');
  return Number(inserted.rows[0].id);
}

function toSqlValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !(value instanceof Date))
    return JSON.stringify(value);
  return value;
}
