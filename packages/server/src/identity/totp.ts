import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** RFC 6238 defaults used by authenticator apps: 30-second steps, 6 digits, HMAC-SHA1. */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;

/**
 * Encodes bytes as RFC 4648 base32 without padding (the form authenticator apps accept).
 * @param bytes the bytes to encode
 * @throws never
 * @example
 * encodeBase32(Buffer.from('foo')); // 'MZXW6'
 */
export function encodeBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes RFC 4648 base32 (case-insensitive, padding and spaces ignored).
 * @param text the base32 text
 * @throws Error when the text contains a character outside the base32 alphabet
 * @example
 * decodeBase32('MZXW6').toString(); // 'foo'
 */
export function decodeBase32(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[=\s]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index === -1) throw new Error(`Invalid base32 character: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/**
 * Generates a new random TOTP secret (160 bits, base32), as shown to the user during 2FA setup.
 * @throws never
 * @example
 * const setupKey = generateTotpSecret(); // 32 base32 characters
 */
export function generateTotpSecret(): string {
  return encodeBase32(randomBytes(20));
}

/** Options of {@link totpCode}: digest algorithm and number of digits (RFC 6238 test vectors use 8). */
export interface TotpOptions {
  algorithm?: 'sha1' | 'sha256' | 'sha512';
  digits?: number;
}

/**
 * Computes the RFC 6238 TOTP code of a raw key at a time.
 * @param key the shared secret bytes
 * @param epochSeconds the time, in epoch seconds
 * @param options the digest and digit count (defaults: sha1, 6 digits)
 * @throws never
 * @example
 * totpCode(Buffer.from('12345678901234567890'), 59, { digits: 8 }); // '94287082'
 */
export function totpCode(key: Uint8Array, epochSeconds: number, options: TotpOptions = {}): string {
  const { algorithm = 'sha1', digits = TOTP_DIGITS } = options;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(epochSeconds / TOTP_STEP_SECONDS)));
  const mac = createHmac(algorithm, key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return binary.toString().padStart(digits, '0');
}

/**
 * Checks a 6-digit code against a base32 secret, accepting one step of clock drift either way.
 * @param secret the base32 secret from {@link generateTotpSecret}
 * @param code the code typed by the user
 * @param epochSeconds the current time in epoch seconds (defaults to now)
 * @throws never; malformed input yields false
 * @example
 * verifyTotpCode(secret, '123456');
 */
export function verifyTotpCode(
  secret: string,
  code: unknown,
  epochSeconds: number = Date.now() / 1000,
): boolean {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return false;
  let key: Buffer;
  try {
    key = decodeBase32(secret);
  } catch {
    return false;
  }
  let matched = false;
  for (const drift of [-1, 0, 1]) {
    const expected = totpCode(key, epochSeconds + drift * TOTP_STEP_SECONDS);
    // Compare every window, so timing does not reveal which one matched.
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(code))) matched = true;
  }
  return matched;
}
