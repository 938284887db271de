// User rows: creation (with actor, role, personal organization), lookups for login and sessions, and the
// per-user `jwt_secret` that revokes every session token when it changes.
import { randomBytes } from 'node:crypto';
import { ROLE_DEFAULT_USER, getRoleId } from '../permissions/index.js';
import { normalizeHandle } from '../rules/validators.js';
import { createActor, rootApi, type Tx } from './db.js';
import { hashPassword } from './password.js';

/** The identity-relevant columns of a user row. */
export interface UserRecord {
  id: number;
  actor: number;
  username: string;
  email: string | null;
  password: string | null;
  jwtSecret: string | null;
}

/** Input of {@link createUser}. */
export interface NewUser {
  email: string;
  password: string;
  username?: string;
}

const USER_COLUMNS = `"id", "actor", "username", "email", "password", "jwt secret" AS "jwt_secret"`;

function toUserRecord(row: Record<string, unknown>): UserRecord {
  return {
    id: Number(row.id),
    actor: Number(row.actor),
    username: String(row.username),
    email: typeof row.email === 'string' ? row.email : null,
    password: typeof row.password === 'string' ? row.password : null,
    jwtSecret: typeof row.jwt_secret === 'string' ? row.jwt_secret : null,
  };
}

/**
 * Finds a user by login name: an e-mail when it contains `@`, otherwise a username; case-insensitive.
 * @param tx the open transaction
 * @param login the value the client sent as `username`
 * @throws the database error when the query fails
 * @example
 * const user = await findUserByLogin(tx, 'Jane@Example.com');
 */
export async function findUserByLogin(tx: Tx, login: string): Promise<UserRecord | undefined> {
  const column = login.includes('@') ? '"email"' : '"username"';
  const { rows } = await tx.executeSql(
    `SELECT ${USER_COLUMNS} FROM "user" WHERE lower(${column}) = lower($1) ORDER BY "id" LIMIT 1`,
    [login],
  );
  return rows.length === 0 ? undefined : toUserRecord(rows[0]);
}

/**
 * Loads a user by id.
 * @param tx the open transaction
 * @param id the user id
 * @throws the database error when the query fails
 * @example
 * const user = await findUserById(tx, session.id);
 */
export async function findUserById(tx: Tx, id: number): Promise<UserRecord | undefined> {
  const { rows } = await tx.executeSql(`SELECT ${USER_COLUMNS} FROM "user" WHERE "id" = $1`, [id]);
  return rows.length === 0 ? undefined : toUserRecord(rows[0]);
}

/**
 * Returns the user's `jwt_secret`, generating and storing one when the row has none.
 * @param tx the open (writable) transaction
 * @param user the user
 * @throws the database error when the update fails
 * @example
 * const secret = await ensureJwtSecret(tx, user);
 */
export async function ensureJwtSecret(tx: Tx, user: UserRecord): Promise<string> {
  if (user.jwtSecret != null && user.jwtSecret !== '') return user.jwtSecret;
  const secret = randomBytes(16).toString('hex');
  await tx.executeSql(`UPDATE "user" SET "jwt secret" = $1 WHERE "id" = $2`, [secret, user.id]);
  return secret;
}

/**
 * Sets a user's password (scrypt) and rotates their `jwt_secret`, so every existing session token stops working.
 * @param tx the open transaction
 * @param userId the user id
 * @param password the new plain password
 * @throws the database error when the update fails
 * @example
 * await setPassword(tx, user.id, 'new secret');
 */
export async function setPassword(tx: Tx, userId: number, password: string): Promise<void> {
  await tx.executeSql(`UPDATE "user" SET "password" = $1, "jwt secret" = $2 WHERE "id" = $3`, [
    await hashPassword(password),
    randomBytes(16).toString('hex'),
    userId,
  ]);
}

async function isTaken(tx: Tx, column: '"username"' | '"email"', value: string): Promise<boolean> {
  const { rows } = await tx.executeSql(
    `SELECT 1 FROM "user" WHERE lower(${column}) = lower($1) LIMIT 1`,
    [value],
  );
  return rows.length > 0;
}

/** A conflict while creating a user, with the real API's text. */
export class UserConflictError extends Error {}

/** Usernames nobody may register (they would impersonate the service). */
const BLACKLISTED_USERNAMES = new Set([
  'root',
  'admin',
  'administrator',
  'guest',
  'balena',
  'resin',
  'support',
]);

async function pickUsername(tx: Tx, requested: string | undefined, email: string): Promise<string> {
  if (requested != null) {
    const username = normalizeHandle(requested);
    if (BLACKLISTED_USERNAMES.has(username))
      throw new UserConflictError('This username is blacklisted');
    if (await isTaken(tx, '"username"', username))
      throw new UserConflictError('This username is already taken');
    return username;
  }
  const base = normalizeHandle(email.split('@')[0] || 'user').slice(0, 60) || 'user';
  let candidate = base;
  while (BLACKLISTED_USERNAMES.has(candidate) || (await isTaken(tx, '"username"', candidate))) {
    candidate = `${base}_${randomBytes(3).toString('hex')}`;
  }
  return candidate;
}

async function pickOrganizationHandle(tx: Tx, username: string): Promise<string> {
  let handle = username;
  for (;;) {
    const { rows } = await tx.executeSql(`SELECT 1 FROM "organization" WHERE "handle" = $1`, [
      handle,
    ]);
    if (rows.length === 0) return handle;
    handle = `${username}_${randomBytes(3).toString('hex')}`;
  }
}

/**
 * Creates a user the way signup does: actor, scrypt password, `default-user` role, and a personal organization
 * (handle = username) with the user as administrator.
 * @param tx the open transaction
 * @param input e-mail, password and optional username (normalised; derived from the e-mail when absent)
 * @throws UserConflictError `This email is already taken` / `This username is already taken`
 * @example
 * const user = await insertUser(tx, { email: 'jane@example.com', password: 'secret123' });
 */
export async function insertUser(tx: Tx, input: NewUser): Promise<UserRecord> {
  if (await isTaken(tx, '"email"', input.email))
    throw new UserConflictError('This email is already taken');
  const username = await pickUsername(tx, input.username, input.email);
  const actor = await createActor(tx);
  const jwtSecret = randomBytes(16).toString('hex');
  const { rows } = await tx.executeSql(
    `INSERT INTO "user" ("actor", "username", "password", "email", "jwt secret") VALUES ($1, $2, $3, $4, $5) RETURNING "id"`,
    [actor, username, await hashPassword(input.password), input.email, jwtSecret],
  );
  const id = Number(rows[0].id);
  await tx.executeSql(`INSERT INTO "user-has-role" ("user", "role") VALUES ($1, $2)`, [
    id,
    await getRoleId(tx, ROLE_DEFAULT_USER),
  ]);
  await createPersonalOrganization(tx, id, username);
  return { id, actor, username, email: input.email, password: null, jwtSecret };
}

async function createPersonalOrganization(tx: Tx, userId: number, username: string): Promise<void> {
  const api = rootApi(tx);
  const handle = await pickOrganizationHandle(tx, username);
  const org = (await api.post({ resource: 'organization', body: { name: username, handle } })) as {
    id: number;
  };
  const role = (await api.get({
    resource: 'organization_membership_role',
    options: { $select: 'id', $filter: { name: 'administrator' } },
  })) as Array<{ id: number }>;
  if (role.length === 0)
    throw new Error('The organization membership role "administrator" is not seeded');
  await api.post({
    resource: 'organization_membership',
    body: {
      user: userId,
      is_member_of__organization: org.id,
      organization_membership_role: role[0].id,
    },
  });
  await api.patch({
    resource: 'user',
    id: userId,
    body: { has_legacy_link_to__organization: org.id },
  });
}
