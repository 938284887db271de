// E-mail verification tokens. No mail is sent by a local server: a token is issued at signup (and on demand for
// tests or a CLI), stored only as a digest, and exchanged once for a session token at /user/v1/verify-email.
import { timingSafeEqual } from 'node:crypto';
import { generateApiKey, hashApiKey } from './api-key-secret.js';
import type { Tx } from './db.js';
import { deleteSecret, readSecret, writeSecret } from './secret-store.js';

const secretName = (userId: number) => `email-verification:${userId}`;

/**
 * Issues a new verification token for a user (replacing any previous one) and returns it.
 * @param tx the open transaction
 * @param userId the user id
 * @throws the database error when storing fails
 * @example
 * const token = await issueEmailVerificationToken(tx, user.id);
 */
export async function issueEmailVerificationToken(tx: Tx, userId: number): Promise<string> {
  const token = generateApiKey();
  await writeSecret(tx, secretName(userId), hashApiKey(token));
  return token;
}

/**
 * Consumes a verification token: true (and the token is spent) when it matches the user's current one.
 * @param tx the open transaction
 * @param userId the user id
 * @param token the token the client presented
 * @throws the database error when a lookup fails
 * @example
 * if (!(await consumeEmailVerificationToken(tx, user.id, body.verificationToken))) throw new RouteError(401);
 */
export async function consumeEmailVerificationToken(
  tx: Tx,
  userId: number,
  token: string,
): Promise<boolean> {
  const stored = await readSecret(tx, secretName(userId));
  if (stored == null) return false;
  const presented = Buffer.from(hashApiKey(token));
  const expected = Buffer.from(stored);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return false;
  await deleteSecret(tx, secretName(userId));
  return true;
}
