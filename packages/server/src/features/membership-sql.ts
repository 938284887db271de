// SQL shared by the membership, team and invite rules: membership roles by name, users by username, new memberships.
import { errors, type dbModule } from '@balena/pinejs';

type Tx = dbModule.Tx;

/** The parents that have membership roles. */
export type MembershipParent = 'application' | 'organization';

/**
 * The id of an application or organization membership role by name.
 * @param tx the open transaction
 * @param parent `application` or `organization`: whose roles to search
 * @param name the role name, e.g. `developer` or `member`
 * @throws BadRequestError when no role has that name
 * @example
 * const roleId = await membershipRoleId(tx, 'organization', 'member');
 */
export async function membershipRoleId(
  tx: Tx,
  parent: MembershipParent,
  name: string,
): Promise<number> {
  const { rows } = await tx.executeSql(
    `SELECT "id" FROM "${parent} membership role" WHERE "name" = $1`,
    [name],
  );
  if (rows.length === 0) throw new errors.BadRequestError(`Role '${name}' not found`);
  return Number(rows[0].id);
}

async function userIdForUsername(tx: Tx, username: string): Promise<number> {
  const { rows } = await tx.executeSql(
    `SELECT "id" FROM "user" WHERE lower("username") = lower($1)`,
    [username],
  );
  if (rows.length === 0)
    throw new errors.BadRequestError(`Could not find a user with the username '${username}'`);
  return Number(rows[0].id);
}

/**
 * Swaps a POST body's `username` (the API accepts one instead of `user`) for the user's id in `user`.
 * @param tx the open transaction
 * @param values the parsed POST body
 * @throws BadRequestError when no user has that username (case-insensitive)
 * @example
 * await swapUsernameForUser(tx, request.values);
 */
export async function swapUsernameForUser(tx: Tx, values: Record<string, unknown>): Promise<void> {
  if (typeof values.username !== 'string') return;
  values.user = await userIdForUsername(tx, values.username);
  delete values.username;
}

/**
 * Makes a user a member of an application or organization with a role, unless already a member (then nothing
 * changes, the role included).
 * @param tx the open transaction
 * @param parent `application` or `organization`
 * @param userId the user id
 * @param parentId the application or organization id
 * @param roleId the membership role id
 * @throws the database error when the insert fails
 * @example
 * await addMembershipIfAbsent(tx, 'organization', user.id, organizationId, roleId);
 */
export async function addMembershipIfAbsent(
  tx: Tx,
  parent: MembershipParent,
  userId: number,
  parentId: number,
  roleId: number,
): Promise<void> {
  const table = `"user-is member of-${parent}"`;
  await tx.executeSql(
    `INSERT INTO ${table} ("user", "is member of-${parent}", "${parent} membership role")
     SELECT $1::integer, $2::integer, $3::integer WHERE NOT EXISTS (
       SELECT 1 FROM ${table} WHERE "user" = $1::integer AND "is member of-${parent}" = $2::integer)`,
    [userId, parentId, roleId],
  );
}
