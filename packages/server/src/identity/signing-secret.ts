import { randomBytes } from 'node:crypto';
import type { dbModule } from '@balena/pinejs';
import { readSecret, writeSecret } from './secret-store.js';

const SIGNING_SECRET_NAME = 'jwt-signing';
let cached: Uint8Array | undefined;

/**
 * Returns the JWT signing secret: `JWT_SECRET` from the environment, else one generated once and persisted in the
 * database so tokens survive a restart.
 * @param tx the open transaction (used only the first time)
 * @throws the database error when reading or writing the secret fails
 * @example
 * const secret = await getSigningSecret(tx);
 */
export async function getSigningSecret(tx: dbModule.Tx): Promise<Uint8Array> {
  if (cached != null) return cached;
  const fromEnv = process.env.JWT_SECRET;
  if (fromEnv != null && fromEnv !== '') {
    cached = new TextEncoder().encode(fromEnv);
    return cached;
  }
  let stored = await readSecret(tx, SIGNING_SECRET_NAME);
  if (stored == null) {
    stored = randomBytes(32).toString('base64url');
    await writeSecret(tx, SIGNING_SECRET_NAME, stored);
  }
  cached = new TextEncoder().encode(stored);
  return cached;
}

/**
 * Forgets the cached signing secret (a new server instance on another database must not reuse it).
 * @throws never
 * @example
 * resetSigningSecretCache();
 */
export function resetSigningSecretCache(): void {
  cached = undefined;
}
