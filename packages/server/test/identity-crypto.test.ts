import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../src/identity/password.js';
import { API_KEY_LENGTH, generateApiKey, hashApiKey } from '../src/identity/api-key-secret.js';
import {
  looksLikeJwt,
  signSessionToken,
  verifySessionToken,
} from '../src/identity/session-token.js';
import {
  decodeBase32,
  encodeBase32,
  generateTotpSecret,
  totpCode,
  verifyTotpCode,
} from '../src/identity/totp.js';

describe('password hashing (scrypt)', () => {
  it('produces a 60-character salted hash that verifies only the right password', async () => {
    const first = await hashPassword('correct horse');
    const second = await hashPassword('correct horse');
    expect(first).toHaveLength(60);
    expect(first).not.toContain('correct horse');
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse', first)).toBe(true);
    expect(await verifyPassword('correct horse', `${first}   `)).toBe(true);
    expect(await verifyPassword('Correct horse', first)).toBe(false);
    expect(await verifyPassword('correct horse', 'x'.repeat(60))).toBe(false);
    expect(await verifyPassword('correct horse', null)).toBe(false);
    expect(await verifyPassword('', '$s$short$bad')).toBe(false);
  });
});

describe('API key secrets', () => {
  it('generates 32 alphanumeric characters, different every time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => generateApiKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(new RegExp(`^[A-Za-z0-9]{${API_KEY_LENGTH}}$`));
  });

  it('stores a sha256 digest, never the key itself', () => {
    expect(hashApiKey('abc')).toBe(
      'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hashApiKey('abc')).not.toContain('abc');
  });
});

describe('session JWT', () => {
  const secret = new TextEncoder().encode('a-test-signing-secret-of-enough-length');
  const claims = { id: 7, jwt_secret: 'per-user', authTime: 1_700_000_000_000 };

  it('round-trips the claims with iat/exp', async () => {
    const token = await signSessionToken(claims, secret, 1_700_000_000);
    expect(looksLikeJwt(token)).toBe(true);
    const session = await verifySessionToken(token, secret, 1_700_000_100);
    expect(session).toEqual({ ...claims, iat: 1_700_000_000, exp: 1_700_000_000 + 7 * 24 * 3600 });
    expect(session).not.toHaveProperty('twoFactorRequired');
  });

  it('keeps the twoFactorRequired claim when present', async () => {
    const token = await signSessionToken({ ...claims, twoFactorRequired: true }, secret);
    expect((await verifySessionToken(token, secret))?.twoFactorRequired).toBe(true);
  });

  it('rejects a wrong secret, a tampered payload and an expired token', async () => {
    const token = await signSessionToken(claims, secret, 1_700_000_000);
    expect(
      await verifySessionToken(token, new TextEncoder().encode('another-secret'), 1_700_000_001),
    ).toBeUndefined();
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, id: 1, iat: 1, exp: 9e9 })).toString(
      'base64url',
    );
    expect(
      await verifySessionToken(`${header}.${forged}.${signature}`, secret, 1_700_000_001),
    ).toBeUndefined();
    expect(await verifySessionToken(token, secret, 1_700_000_000 + 8 * 24 * 3600)).toBeUndefined();
  });

  it('tells JWTs from API keys like balena-auth does', () => {
    expect(looksLikeJwt(generateApiKey())).toBe(false);
    expect(looksLikeJwt('a.b.c')).toBe(false);
  });
});

describe('TOTP (RFC 6238)', () => {
  const seeds = {
    sha1: Buffer.from('12345678901234567890'),
    sha256: Buffer.from('12345678901234567890123456789012'),
    sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
  } as const;
  const vectors: Array<[number, string, string, string]> = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];

  it.each(vectors)(
    'matches the RFC 6238 appendix B vectors at T=%i',
    (time, sha1, sha256, sha512) => {
      expect(totpCode(seeds.sha1, time, { digits: 8 })).toBe(sha1);
      expect(totpCode(seeds.sha256, time, { digits: 8, algorithm: 'sha256' })).toBe(sha256);
      expect(totpCode(seeds.sha512, time, { digits: 8, algorithm: 'sha512' })).toBe(sha512);
    },
  );

  it('encodes and decodes base32 (RFC 4648 vectors)', () => {
    expect(encodeBase32(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(decodeBase32('mzxw6ytboi======').toString()).toBe('foobar');
    expect(() => decodeBase32('M1')).toThrow();
  });

  it('verifies 6-digit codes within one step of drift only', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const now = 1_800_000_000;
    const code = totpCode(decodeBase32(secret), now);
    expect(verifyTotpCode(secret, code, now)).toBe(true);
    expect(verifyTotpCode(secret, code, now + 30)).toBe(true);
    expect(verifyTotpCode(secret, code, now + 90)).toBe(false);
    expect(verifyTotpCode(secret, '12345', now)).toBe(false);
    expect(verifyTotpCode(secret, 123456, now)).toBe(false);
  });
});
