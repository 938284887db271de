// Issuing session tokens for users, and reading what kind of session a request carries.
import type { Request } from 'express';
import { getIdentity, type ResolvedIdentity } from './context.js';
import type { Tx } from './db.js';
import { RouteError } from './http.js';
import { readSecret } from './secret-store.js';
import { signSessionToken } from './session-token.js';
import { getSigningSecret } from './signing-secret.js';
import { ensureJwtSecret, type UserRecord } from './users.js';

/** How long after a password authentication a session counts as "fresh" (sudo operations). */
export const FRESH_SESSION_MS = 20 * 60 * 1000;

/**
 * The name under which a user's enabled TOTP secret is stored.
 * @param userId the user id
 * @throws never
 * @example
 * totpSecretName(3); // 'totp:3'
 */
export function totpSecretName(userId: number): string {
  return `totp:${userId}`;
}

/**
 * Signs a new session token for a user.
 * @param tx the open transaction
 * @param user the user
 * @param claims authTime (ms of the last password authentication) and the 2FA state
 * @throws the database error when the user's jwt_secret cannot be stored
 * @example
 * const token = await issueSessionToken(tx, user, { authTime: Date.now() });
 */
export async function issueSessionToken(
  tx: Tx,
  user: UserRecord,
  claims: { authTime: number; twoFactorRequired?: boolean },
): Promise<string> {
  const jwtSecret = await ensureJwtSecret(tx, user);
  return await signSessionToken(
    { id: user.id, jwt_secret: jwtSecret, ...claims },
    await getSigningSecret(tx),
  );
}

/**
 * Signs the token a password login gets: 2FA-pending when the user has TOTP enabled.
 * @param tx the open transaction
 * @param user the user who just proved their password
 * @throws the database error when a lookup fails
 * @example
 * sendToken(res, await issueLoginToken(tx, user));
 */
export async function issueLoginToken(tx: Tx, user: UserRecord): Promise<string> {
  const hasTotp = (await readSecret(tx, totpSecretName(user.id))) != null;
  return await issueSessionToken(tx, user, {
    authTime: Date.now(),
    ...(hasTotp ? { twoFactorRequired: true } : {}),
  });
}

type SessionIdentity = Extract<ResolvedIdentity, { kind: 'session' }>;

/**
 * Requires a user session JWT (not an API key); 401 with an empty body otherwise.
 * @param req the request
 * @param options allowPartial: accept 2FA-pending sessions
 * @throws RouteError 401 when the request carries no acceptable session
 * @example
 * const { user } = requireSession(req, { allowPartial: true });
 */
export function requireSession(
  req: Request,
  options: { allowPartial?: boolean } = {},
): SessionIdentity {
  const identity = getIdentity(req);
  if (identity.kind !== 'session') throw new RouteError(401);
  if (identity.partial && options.allowPartial !== true) throw new RouteError(401);
  return identity;
}
