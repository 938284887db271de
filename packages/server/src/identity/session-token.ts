import { SignJWT, jwtVerify } from 'jose';

/** Lifetime of a session JWT (7 days), after which the client must log in again. */
export const SESSION_TOKEN_LIFETIME_SECONDS = 7 * 24 * 60 * 60;

/** The claims of a user session token, as the SDK and balena-auth read them. */
export interface SessionClaims {
  /** the user id */
  id: number;
  /** the user's current per-user secret; a mismatch means the token was revoked */
  jwt_secret: string;
  /** epoch milliseconds of the last password authentication ("fresh" checks) */
  authTime: number;
  /** present only for users with 2FA: true until the TOTP challenge is passed */
  twoFactorRequired?: boolean;
}

/** A verified session token: its claims plus the standard issue/expiry times (epoch seconds). */
export interface VerifiedSession extends SessionClaims {
  iat: number;
  exp: number;
}

/**
 * Signs a user session JWT (HS256) with the server secret.
 * @param claims the session claims
 * @param secret the server signing secret (raw bytes)
 * @param nowSeconds the issue time in epoch seconds (defaults to now; tests pass a fixed time)
 * @throws Error when the secret is empty
 * @example
 * const token = await signSessionToken({ id: 1, jwt_secret: 's', authTime: Date.now() }, secret);
 */
export async function signSessionToken(
  claims: SessionClaims,
  secret: Uint8Array,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): Promise<string> {
  if (secret.length === 0) throw new Error('The JWT signing secret must not be empty');
  const payload: Record<string, unknown> = {
    id: claims.id,
    jwt_secret: claims.jwt_secret,
    authTime: claims.authTime,
  };
  if (claims.twoFactorRequired !== undefined) payload.twoFactorRequired = claims.twoFactorRequired;
  return await new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + SESSION_TOKEN_LIFETIME_SECONDS)
    .sign(secret);
}

/**
 * Verifies a session JWT's signature, algorithm and expiry and returns its claims, or undefined when invalid.
 * @param token the compact JWT as presented by the client
 * @param secret the server signing secret
 * @param nowSeconds the current time in epoch seconds (defaults to now)
 * @throws never; every invalid token yields undefined
 * @example
 * const session = await verifySessionToken(bearer, secret);
 */
export async function verifySessionToken(
  token: string,
  secret: Uint8Array,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): Promise<VerifiedSession | undefined> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      currentDate: new Date(nowSeconds * 1000),
    });
    const { id, jwt_secret, authTime, twoFactorRequired, iat, exp } = payload as Record<
      string,
      unknown
    >;
    if (!Number.isInteger(id) || typeof jwt_secret !== 'string' || typeof authTime !== 'number')
      return undefined;
    if (typeof iat !== 'number' || typeof exp !== 'number') return undefined;
    if (twoFactorRequired !== undefined && typeof twoFactorRequired !== 'boolean') return undefined;
    return {
      id: id as number,
      jwt_secret,
      authTime,
      iat,
      exp,
      ...(twoFactorRequired === undefined ? {} : { twoFactorRequired }),
    };
  } catch {
    return undefined;
  }
}

/**
 * Tells whether a bearer value looks like a JWT (three base64url parts whose payload is JSON), as balena-auth does.
 * @param value the bearer value
 * @throws never
 * @example
 * looksLikeJwt('a.b.c'); // false (payload is not JSON)
 */
export function looksLikeJwt(value: string): boolean {
  const parts = value.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return false;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null;
  } catch {
    return false;
  }
}
