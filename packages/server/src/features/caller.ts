// Who is calling a feature route or hook: the user behind a session or a named user API key.
import type { Request } from 'express';
import type { dbModule } from '@balena/pinejs';
import { getIdentity } from '../identity/context.js';

/** The calling user, as far as feature routes need it. */
export interface CallingUser {
  id: number;
  actor: number;
  username: string;
  email: string | null;
}

/**
 * The actor id behind a request's credentials (session or API key), if any.
 * @param req the express request
 * @throws never
 * @example
 * const actor = callerActor(req);
 */
export function callerActor(req: Request): number | undefined {
  const identity = getIdentity(req);
  if (identity.kind === 'session' && !identity.partial) return identity.user.actor;
  if (identity.kind === 'api-key') return identity.actor;
  return undefined;
}

/**
 * Loads the user owning an actor; undefined for application/device actors or unknown ids.
 * @param tx the open transaction
 * @param actor the actor id
 * @throws the database error when the query fails
 * @example
 * const user = await findUserByActor(tx, 12);
 */
export async function findUserByActor(
  tx: dbModule.Tx,
  actor: number | undefined,
): Promise<CallingUser | undefined> {
  if (actor == null) return undefined;
  const { rows } = await tx.executeSql(
    `SELECT "id", "actor", "username", "email" FROM "user" WHERE "actor" = $1`,
    [actor],
  );
  if (rows.length === 0) return undefined;
  const row = rows[0];
  return {
    id: Number(row.id),
    actor: Number(row.actor),
    username: String(row.username),
    email: typeof row.email === 'string' ? row.email : null,
  };
}

/**
 * Whether a user administers an organization.
 * @param tx the open transaction
 * @param userId the user id
 * @param organizationId the organization id
 * @throws the database error when the query fails
 * @example
 * if (!(await isOrganizationAdministrator(tx, user.id, orgId))) throw new RouteError(404);
 */
export async function isOrganizationAdministrator(
  tx: dbModule.Tx,
  userId: number,
  organizationId: number,
): Promise<boolean> {
  const { rows } = await tx.executeSql(
    `SELECT 1 FROM "user-is member of-organization" m
     JOIN "organization membership role" r ON r."id" = m."organization membership role"
     WHERE m."user" = $1 AND m."is member of-organization" = $2 AND r."name" = 'administrator'`,
    [userId, organizationId],
  );
  return rows.length > 0;
}
