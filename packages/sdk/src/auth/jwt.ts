/** Claims the SDK reads from a session JWT. */
export interface JwtPayload {
  /** Issued-at time, in seconds since the epoch. */
  iat?: number;
  /** Expiry time, in seconds since the epoch. */
  exp?: number;
  /** Present for users with two-factor authentication: true until the TOTP code was given. */
  twoFactorRequired?: boolean;
  [claim: string]: unknown;
}

/** Two-factor state derived from a token, as balena-auth names it. */
export type TwoFactorStatus = 'not_required' | 'pending' | 'passed';

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Decodes the payload of a JWT without verifying it (the API verifies; the SDK only reads
 * `iat`, `exp` and `twoFactorRequired`).
 *
 * @param token - the compact JWT.
 * @returns the payload, or undefined when the value is not a decodable JWT.
 * @example
 * decodeJwtPayload(token)?.exp;
 */
export function decodeJwtPayload(token: string): JwtPayload | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[1] === '') {
    return undefined;
  }
  try {
    const payload: unknown = JSON.parse(decodeBase64Url(parts[1]));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as JwtPayload)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A stored credential: a session JWT or an API key. */
export interface ParsedToken {
  readonly key: string;
  readonly type: 'JWT' | 'APIKey';
  /** The decoded payload, for JWTs. */
  readonly payload: JwtPayload | undefined;
}

/**
 * Classifies a key: a decodable JWT is a session token, anything else an API key.
 *
 * @param key - the raw key.
 * @returns the parsed token.
 * @example
 * parseToken('abc123').type; // 'APIKey'
 */
export function parseToken(key: string): ParsedToken {
  const payload = decodeJwtPayload(key);
  return { key, type: payload ? 'JWT' : 'APIKey', payload };
}

/**
 * Age of a token in ms, from the JWT's `iat`; API keys (and JWTs without `iat`) have age 0.
 *
 * @param token - the parsed token.
 * @param now - the current time in ms.
 * @returns the age in ms.
 * @example
 * getTokenAge(token, Date.now()) >= 24 * 3600 * 1000;
 */
export function getTokenAge(token: ParsedToken, now: number): number {
  const iat = token.payload?.iat;
  return typeof iat === 'number' ? now - iat * 1000 : 0;
}

/**
 * Tells whether a JWT's `exp` lies in the past; API keys never expire.
 *
 * @param token - the parsed token.
 * @param now - the current time in ms.
 * @returns true for an expired JWT.
 * @example
 * isTokenExpired(token, Date.now());
 */
export function isTokenExpired(token: ParsedToken, now: number): boolean {
  const exp = token.payload?.exp;
  return typeof exp === 'number' && now > exp * 1000;
}

/**
 * Two-factor state of a token: claim absent → `not_required`, true → `pending`, false → `passed`.
 *
 * @param token - the parsed token.
 * @returns the state.
 * @example
 * getTwoFactorStatus(token) === 'pending';
 */
export function getTwoFactorStatus(token: ParsedToken): TwoFactorStatus {
  const claim = token.payload?.twoFactorRequired;
  if (claim == null) {
    return 'not_required';
  }
  return claim ? 'pending' : 'passed';
}
