import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** Prefix that marks a stored password hash as one of ours (scrypt, N=2^14, r=8, p=1). */
const SCRYPT_PREFIX = '$s$';
const SALT_BYTES = 12;
const KEY_BYTES = 30;
const SCRYPT_OPTIONS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function deriveKey(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, SCRYPT_OPTIONS, (err, key) => {
      if (err) reject(err);
      else resolve(key);
    });
  });
}

/**
 * Hashes a password with scrypt into a 60-character string that fits the model's `Hashed` column.
 *
 * The result is `$s$` + the base64url salt (16 chars) + `$` + the base64url key (40 chars).
 * @param password the plain password
 * @throws Error when scrypt fails (out of memory)
 * @example
 * const stored = await hashPassword('correct horse');
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt);
  return `${SCRYPT_PREFIX}${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * Checks a password against a stored hash from {@link hashPassword}, in constant time.
 *
 * Any stored value that is not one of our scrypt hashes (e.g. a placeholder) never matches.
 * @param password the password to check
 * @param stored the stored hash (trailing CHAR padding is ignored)
 * @throws never; malformed stored values return false
 * @example
 * if (await verifyPassword(body.password, user.password)) { ... }
 */
export async function verifyPassword(
  password: string,
  stored: string | null | undefined,
): Promise<boolean> {
  if (typeof stored !== 'string' || !stored.startsWith(SCRYPT_PREFIX)) return false;
  const [saltText, keyText] = stored.trimEnd().slice(SCRYPT_PREFIX.length).split('$');
  if (saltText == null || keyText == null) return false;
  const salt = Buffer.from(saltText, 'base64url');
  const expected = Buffer.from(keyText, 'base64url');
  if (salt.length !== SALT_BYTES || expected.length !== KEY_BYTES) return false;
  const actual = await deriveKey(password, salt);
  return timingSafeEqual(actual, expected);
}
