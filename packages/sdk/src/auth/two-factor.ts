import { BalenaNotLoggedIn } from '../errors/index.js';
import type { CallOptions } from '../transport/types.js';
import type { AuthContext } from './auth-context.js';
import { getTwoFactorStatus } from './jwt.js';

/** `sdk.auth.twoFactor`: two-factor (TOTP) status and setup. */
export interface TwoFactorAuth {
  /**
   * Tells whether the user has two-factor authentication enabled (read from the stored token).
   *
   * @returns true when the token carries a `twoFactorRequired` claim.
   * @throws {BalenaNotLoggedIn} when no key is stored.
   * @example
   * if (await sdk.auth.twoFactor.isEnabled()) console.log('2FA on');
   */
  isEnabled(): Promise<boolean>;

  /**
   * Tells whether the two-factor challenge has been passed (or is not needed).
   *
   * @returns false only while the token has `twoFactorRequired: true`.
   * @throws {BalenaNotLoggedIn} when no key is stored.
   * @example
   * if (!(await sdk.auth.twoFactor.isPassed())) await sdk.auth.twoFactor.challenge(code);
   */
  isPassed(): Promise<boolean>;

  /**
   * Verifies a TOTP code and resolves with the new token, without storing it.
   *
   * @param code - the 6-digit code.
   * @param callOptions - signal, headers, timeout.
   * @returns the new session token.
   * @throws {BalenaRequestError} when the code is wrong.
   * @example
   * const token = await sdk.auth.twoFactor.verify('123456');
   */
  verify(code: string, callOptions?: CallOptions): Promise<string>;

  /**
   * Gets the TOTP setup key (base32 secret) to enter into an authenticator app.
   *
   * @param callOptions - signal, headers, timeout.
   * @returns the setup key.
   * @throws {BalenaRequestError} when the API refuses.
   * @example
   * const key = await sdk.auth.twoFactor.getSetupKey();
   */
  getSetupKey(callOptions?: CallOptions): Promise<string>;

  /**
   * Enables two-factor authentication with a first code and stores the new token.
   *
   * @param code - the 6-digit code.
   * @param callOptions - signal, headers, timeout.
   * @returns the new session token.
   * @throws {BalenaRequestError} when the code is wrong.
   * @example
   * await sdk.auth.twoFactor.enable('123456');
   */
  enable(code: string, callOptions?: CallOptions): Promise<string>;

  /**
   * Passes the two-factor challenge after a password login and stores the new token.
   *
   * @param code - the 6-digit code.
   * @param callOptions - signal, headers, timeout.
   * @throws {BalenaRequestError} when the code is wrong.
   * @example
   * await sdk.auth.twoFactor.challenge('123456');
   */
  challenge(code: string, callOptions?: CallOptions): Promise<void>;

  /**
   * Disables two-factor authentication and stores the new token.
   *
   * @param password - the user's password.
   * @param callOptions - signal, headers, timeout.
   * @returns the new session token.
   * @throws {BalenaRequestError} when the password is wrong.
   * @example
   * await sdk.auth.twoFactor.disable('secret');
   */
  disable(password: string, callOptions?: CallOptions): Promise<string>;
}

/**
 * Creates `auth.twoFactor`.
 *
 * @param ctx - transport, token manager and config.
 * @param setKey - stores a key and publishes `auth.keyChange`.
 * @returns the 2FA methods.
 * @example
 * const twoFactor = createTwoFactorAuth(ctx, setKey);
 */
export function createTwoFactorAuth(
  ctx: AuthContext,
  setKey: (key: string) => Promise<void>,
): TwoFactorAuth {
  const { request, tokens } = ctx;

  async function storedStatus() {
    const token = await tokens.getToken();
    if (token === undefined) {
      throw new BalenaNotLoggedIn();
    }
    return getTwoFactorStatus(token);
  }

  async function postForToken(url: string, body: object, callOptions?: CallOptions) {
    const response = await request.send({ method: 'POST', url, body }, callOptions);
    return String(response.body);
  }

  async function isEnabled(): Promise<boolean> {
    return (await storedStatus()) !== 'not_required';
  }

  async function isPassed(): Promise<boolean> {
    return (await storedStatus()) !== 'pending';
  }

  async function verify(code: string, callOptions?: CallOptions): Promise<string> {
    return postForToken('/auth/totp/verify', { code }, callOptions);
  }

  async function getSetupKey(callOptions?: CallOptions): Promise<string> {
    const response = await request.send({ method: 'GET', url: '/auth/totp/setup' }, callOptions);
    return String(response.body);
  }

  async function enable(code: string, callOptions?: CallOptions): Promise<string> {
    const token = await verify(code, callOptions);
    await setKey(token);
    return token;
  }

  async function challenge(code: string, callOptions?: CallOptions): Promise<void> {
    await setKey(await verify(code, callOptions));
  }

  async function disable(password: string, callOptions?: CallOptions): Promise<string> {
    const token = await postForToken('/auth/totp/disable', { password }, callOptions);
    await setKey(token);
    return token;
  }

  return { isEnabled, isPassed, verify, getSetupKey, enable, challenge, disable };
}
