import { createHash, randomInt } from 'node:crypto';

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Length of every generated API key (the SDK's tests assert 32 for device keys). */
export const API_KEY_LENGTH = 32;
const HASH_PREFIX = 'sha256:';

/**
 * Generates a new random API key: 32 alphanumeric characters from a CSPRNG.
 * @throws never
 * @example
 * const key = generateApiKey(); // 'Gk3...q9'
 */
export function generateApiKey(): string {
  let key = '';
  for (let i = 0; i < API_KEY_LENGTH; i++) key += KEY_ALPHABET[randomInt(KEY_ALPHABET.length)];
  return key;
}

/**
 * Derives the value stored in the database for an API key (`sha256:<hex>`), so the plain key is never stored.
 *
 * A fast hash is enough here because keys are long random strings, not user-chosen passwords.
 * @param key the plain API key as presented by a client
 * @throws never
 * @example
 * const stored = hashApiKey('Gk3...q9'); // 'sha256:5f1c...'
 */
export function hashApiKey(key: string): string {
  return HASH_PREFIX + createHash('sha256').update(key, 'utf8').digest('hex');
}
