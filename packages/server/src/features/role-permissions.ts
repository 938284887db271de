// Grants extra permissions to an existing role, idempotently. Features call this from their boot step, which runs
// after the permissions layer has synchronised the base role sets (that sync would otherwise drop these links).
import type { dbModule } from '@balena/pinejs';

/**
 * Adds permission rows (when missing) and links them to a role (when not yet linked).
 * @param tx the boot transaction
 * @param roleName the role, e.g. `default-user`
 * @param permissionNames full pinejs permission strings (`v7.<resource>.<verb>[?<filter>]`)
 * @throws Error when the role does not exist
 * @example
 * await grantRolePermissions(tx, 'default-user', [permission('feature', 'read')]);
 */
export async function grantRolePermissions(
  tx: dbModule.Tx,
  roleName: string,
  permissionNames: readonly string[],
): Promise<void> {
  const { rows: roles } = await tx.executeSql(`SELECT "id" FROM "role" WHERE "name" = $1`, [
    roleName,
  ]);
  if (roles.length === 0) throw new Error(`Role '${roleName}' not found`);
  const roleId = Number(roles[0].id);
  for (const name of new Set(permissionNames)) {
    // One statement per permission: array binds are unreliable through the embedded database socket.
    await tx.executeSql(
      `INSERT INTO "permission" ("name") SELECT $1::text
       WHERE NOT EXISTS (SELECT 1 FROM "permission" WHERE "name" = $1::text)`,
      [name],
    );
    await tx.executeSql(
      `INSERT INTO "role-has-permission" ("role", "permission")
       SELECT $1::integer, p."id" FROM "permission" p
       WHERE p."name" = $2::text AND NOT EXISTS (
         SELECT 1 FROM "role-has-permission" l WHERE l."role" = $1::integer AND l."permission" = p."id")`,
      [roleId, name],
    );
  }
}
