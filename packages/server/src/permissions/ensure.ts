// Writes the roles and permissions of ./roles.ts into pinejs's Auth tables, idempotently: missing rows are added and
// links that are no longer part of a role are removed, so a changed permission set applies on the next start.
import type { dbModule } from '@balena/pinejs';
import { registerPendingRules } from '../rules/index.js';
import { guestPermissions, rolePermissions } from './roles.js';

type Tx = dbModule.Tx;

async function ensurePermissionIds(tx: Tx, allNames: string[]): Promise<Map<string, number>> {
  const names = [...new Set(allNames)];
  await tx.executeSql(
    `INSERT INTO "permission" ("name")
     SELECT n FROM unnest($1::text[]) AS n WHERE NOT EXISTS (SELECT 1 FROM "permission" p WHERE p."name" = n)`,
    [names],
  );
  const { rows } = await tx.executeSql(
    `SELECT "id", "name" FROM "permission" WHERE "name" = ANY($1::text[])`,
    [names],
  );
  return new Map(rows.map((row) => [String(row.name), Number(row.id)]));
}

async function ensureRoleId(tx: Tx, name: string): Promise<number> {
  await tx.executeSql(
    `INSERT INTO "role" ("name") SELECT $1::text WHERE NOT EXISTS (SELECT 1 FROM "role" WHERE "name" = $1::text)`,
    [name],
  );
  const { rows } = await tx.executeSql(`SELECT "id" FROM "role" WHERE "name" = $1`, [name]);
  return Number(rows[0].id);
}

/** Makes the links of one owner (a role or a user) to permissions exactly `wanted`. */
async function syncLinks(
  tx: Tx,
  table: '"role-has-permission"' | '"user-has-permission"',
  ownerColumn: '"role"' | '"user"',
  ownerId: number,
  wanted: string[],
): Promise<void> {
  const ids = [...(await ensurePermissionIds(tx, wanted)).values()];
  await tx.executeSql(
    `DELETE FROM ${table} WHERE ${ownerColumn} = $1 AND NOT ("permission" = ANY($2::integer[]))`,
    [ownerId, ids],
  );
  await tx.executeSql(
    `INSERT INTO ${table} (${ownerColumn}, "permission")
     SELECT $1::integer, pid FROM unnest($2::integer[]) AS pid
     WHERE NOT EXISTS (SELECT 1 FROM ${table} l WHERE l.${ownerColumn} = $1::integer AND l."permission" = pid)`,
    [ownerId, ids],
  );
}

/**
 * Creates or updates the roles (`default-user`, `named-user-api-key`, `provisioning-api-key`, `device-api-key`) and
 * the guest user's permissions. Idempotent; call once per start, after `pine.init`, before serving requests.
 * @param tx the open transaction
 * @throws Error when the guest user does not exist (pinejs creates it from the config's `users`)
 * @example
 * await db.transaction((tx) => ensureIdentityData(tx));
 */
export async function ensurePermissionData(tx: Tx): Promise<void> {
  // The boot calls this right after pine.init: the moment the business rules can be registered at the latest.
  registerPendingRules();
  for (const [role, permissions] of Object.entries(rolePermissions())) {
    await syncLinks(
      tx,
      '"role-has-permission"',
      '"role"',
      await ensureRoleId(tx, role),
      permissions,
    );
  }
  const { rows } = await tx.executeSql(`SELECT "id" FROM "user" WHERE "username" = 'guest'`);
  if (rows.length === 0)
    throw new Error('The guest user is missing: add it to the pinejs config users');
  await syncLinks(tx, '"user-has-permission"', '"user"', Number(rows[0].id), guestPermissions());
}

/**
 * Looks up a role's id by name.
 * @param tx the open transaction
 * @param name the role name, e.g. `device-api-key`
 * @throws Error when the role does not exist (ensurePermissionData was not run)
 * @example
 * const roleId = await getRoleId(tx, 'default-user');
 */
export async function getRoleId(tx: Tx, name: string): Promise<number> {
  const { rows } = await tx.executeSql(`SELECT "id" FROM "role" WHERE "name" = $1`, [name]);
  if (rows.length === 0) throw new Error(`Role '${name}' not found`);
  return Number(rows[0].id);
}
