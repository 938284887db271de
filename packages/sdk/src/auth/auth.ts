import {
  BalenaInvalidLoginCredentials,
  BalenaNotLoggedIn,
  BalenaTooManyRequests,
  isBalenaError,
} from '../errors/index.js';
import { AUTH_KEY_CHANGE_EVENT } from '../internal/cache.js';
import type { CallOptions } from '../transport/types.js';
import type { AuthContext } from './auth-context.js';
import { createAccountMethods } from './account.js';
import { createTwoFactorAuth, type TwoFactorAuth } from './two-factor.js';
import type {
  LoginCredentials,
  RegisterCredentials,
  UserInfo,
  VerifyEmailPayload,
  WhoamiResult,
} from './types.js';

/** `sdk.auth`: log in and out, and find out who the stored credential belongs to. */
export interface BalenaAuth {
  twoFactor: TwoFactorAuth;

  /**
   * Returns who the stored credential belongs to (user, application or device); memoised until the key changes.
   *
   * @param callOptions - signal, headers, timeout.
   * @returns the actor, or undefined when not logged in.
   * @throws {BalenaRequestError} for API failures other than 401.
   * @example
   * const actor = await sdk.auth.whoami();
   */
  whoami(callOptions?: CallOptions): Promise<WhoamiResult | undefined>;

  /**
   * Exchanges e-mail and password for a session token, without storing it.
   *
   * @param credentials - `email` (or username) and `password`.
   * @param callOptions - signal, headers, timeout.
   * @returns the session token.
   * @throws {BalenaInvalidLoginCredentials} on 401.
   * @throws {BalenaTooManyRequests} on 429.
   * @example
   * const token = await sdk.auth.authenticate({ email, password });
   */
  authenticate(credentials: LoginCredentials, callOptions?: CallOptions): Promise<string>;

  /**
   * Logs in with e-mail and password and stores the session token.
   *
   * @param credentials - `email` (or username) and `password`.
   * @param callOptions - signal, headers, timeout.
   * @throws {BalenaInvalidLoginCredentials} on wrong credentials.
   * @example
   * await sdk.auth.login({ email: 'me@example.com', password: 'secret' });
   */
  login(credentials: LoginCredentials, callOptions?: CallOptions): Promise<void>;

  /**
   * Stores a session token or API key as the SDK's credential (no request is sent).
   *
   * @param authToken - a JWT or an API key.
   * @throws {BalenaMalformedToken} for an empty or malformed key.
   * @throws {BalenaExpiredToken} for an expired JWT (the previous key is kept).
   * @example
   * await sdk.auth.loginWithToken(process.env.BALENA_API_KEY!);
   */
  loginWithToken(authToken: string): Promise<void>;

  /**
   * Tells whether the stored credential is accepted by the API (asks it whenever a key is stored).
   *
   * @param callOptions - signal, headers, timeout.
   * @returns false when there is no key or it is invalid or expired; never throws for those.
   * @throws {BalenaRequestError} for API failures other than 401, and network errors.
   * @example
   * if (!(await sdk.auth.isLoggedIn())) await sdk.auth.login(credentials);
   */
  isLoggedIn(callOptions?: CallOptions): Promise<boolean>;

  /**
   * Returns the stored key (no request is sent).
   *
   * @returns the JWT or API key.
   * @throws {BalenaNotLoggedIn} when no key is stored.
   * @example
   * const token = await sdk.auth.getToken();
   */
  getToken(): Promise<string>;

  /**
   * Returns the actor id of the stored credential.
   *
   * @param callOptions - signal, headers, timeout.
   * @returns the actor id.
   * @throws {BalenaNotLoggedIn} when not logged in.
   * @example
   * const actorId = await sdk.auth.getActorId();
   */
  getActorId(callOptions?: CallOptions): Promise<number>;

  /**
   * Returns the id, actor id, e-mail and username of the logged-in user.
   *
   * @param callOptions - signal, headers, timeout.
   * @returns the user info.
   * @throws {BalenaNotLoggedIn} when not logged in.
   * @throws {Error} when the credential belongs to an application or device.
   * @example
   * const { username } = await sdk.auth.getUserInfo();
   */
  getUserInfo(callOptions?: CallOptions): Promise<UserInfo>;

  /**
   * Forgets the stored credential (no request is sent).
   *
   * @throws {BalenaSettingsPermissionError} when the token file cannot be removed.
   * @example
   * await sdk.auth.logout();
   */
  logout(): Promise<void>;

  /**
   * Creates a user account and resolves with its session token, without storing it.
   *
   * @param credentials - `email`, `password` and optionally `g-recaptcha-response`.
   * @param callOptions - signal, headers, timeout.
   * @returns the new user's session token.
   * @throws {BalenaRequestError} when the API rejects the registration.
   * @example
   * const token = await sdk.auth.register({ email, password });
   */
  register(credentials: RegisterCredentials, callOptions?: CallOptions): Promise<string>;

  /**
   * Verifies an e-mail address with the token from the verification e-mail.
   *
   * @param verificationPayload - `email` and `token`.
   * @param callOptions - signal, headers, timeout.
   * @returns a session token.
   * @throws {BalenaRequestError} when the token is invalid.
   * @example
   * const token = await sdk.auth.verifyEmail({ email, token });
   */
  verifyEmail(verificationPayload: VerifyEmailPayload, callOptions?: CallOptions): Promise<string>;

  /**
   * Asks the API to send the logged-in user a new verification e-mail.
   *
   * @param callOptions - signal, headers, timeout.
   * @throws {BalenaNotLoggedIn} when not logged in.
   * @example
   * await sdk.auth.requestVerificationEmail();
   */
  requestVerificationEmail(callOptions?: CallOptions): Promise<void>;
}

/** Message of `getUserInfo()` for application and device credentials (as the official SDK). */
export const NOT_A_USER_MESSAGE = 'The authentication credentials in use are not of a user';

// A 401 or an unreadable key both mean "not logged in" to the caller.
function normalizeAuthError(error: unknown): unknown {
  if (isBalenaError(error, 'BalenaRequestError') && error.statusCode === 401) {
    return new BalenaNotLoggedIn();
  }
  return isBalenaError(error, 'BalenaMalformedToken') ? new BalenaNotLoggedIn() : error;
}

/**
 * Creates `sdk.auth` (12 methods plus `twoFactor`).
 *
 * @param ctx - config, transport, token manager and event bus.
 * @returns the auth namespace.
 * @example
 * const auth = createAuth({ config, request, tokens, pubsub });
 */
export function createAuth(ctx: AuthContext): BalenaAuth {
  const { request, tokens, pubsub } = ctx;
  let whoamiCache: Promise<WhoamiResult> | undefined;
  pubsub.subscribe(AUTH_KEY_CHANGE_EVENT, () => {
    whoamiCache = undefined;
  });

  async function notifyingKeyChange(change: () => Promise<void>): Promise<void> {
    try {
      await change();
    } finally {
      pubsub.publish(AUTH_KEY_CHANGE_EVENT);
    }
  }
  const setKey = (key: string) => notifyingKeyChange(() => tokens.setKey(key));

  async function fetchWhoami(callOptions?: CallOptions): Promise<WhoamiResult> {
    if (!(await tokens.hasKey())) {
      throw new BalenaNotLoggedIn();
    }
    const { body } = await request.send<WhoamiResult>({ url: '/actor/v1/whoami' }, callOptions);
    return body;
  }

  async function getActorDetails(fresh: boolean, callOptions?: CallOptions): Promise<WhoamiResult> {
    if (fresh || whoamiCache === undefined) {
      const pending = fetchWhoami(callOptions);
      whoamiCache = pending;
      pending.catch(() => {
        if (whoamiCache === pending) whoamiCache = undefined;
      });
    }
    try {
      return await whoamiCache;
    } catch (error) {
      throw normalizeAuthError(error);
    }
  }

  async function whoami(callOptions?: CallOptions): Promise<WhoamiResult | undefined> {
    try {
      return await getActorDetails(false, callOptions);
    } catch (error) {
      if (isBalenaError(error, 'BalenaNotLoggedIn')) return undefined;
      throw error;
    }
  }

  async function authenticate(
    credentials: LoginCredentials,
    callOptions?: CallOptions,
  ): Promise<string> {
    try {
      const { body } = await request.send(
        {
          method: 'POST',
          url: '/login_',
          body: { username: credentials.email, password: String(credentials.password) },
          sendToken: false,
        },
        callOptions,
      );
      return String(body);
    } catch (error) {
      if (isBalenaError(error, 'BalenaRequestError') && error.statusCode === 401) {
        throw new BalenaInvalidLoginCredentials();
      }
      if (isBalenaError(error, 'BalenaRequestError') && error.statusCode === 429) {
        throw new BalenaTooManyRequests(error.responseHeaders.get('Retry-After') ?? undefined);
      }
      throw error;
    }
  }

  async function login(credentials: LoginCredentials, callOptions?: CallOptions): Promise<void> {
    whoamiCache = undefined;
    await setKey(await authenticate(credentials, callOptions));
  }

  async function loginWithToken(authToken: string): Promise<void> {
    whoamiCache = undefined;
    await setKey(authToken);
  }

  async function isLoggedIn(callOptions?: CallOptions): Promise<boolean> {
    try {
      await getActorDetails(true, callOptions);
      return true;
    } catch (error) {
      if (isBalenaError(error, 'BalenaNotLoggedIn') || isBalenaError(error, 'BalenaExpiredToken')) {
        return false;
      }
      throw error;
    }
  }

  async function getToken(): Promise<string> {
    const token = await tokens.getToken().catch((error: unknown) => {
      throw normalizeAuthError(error);
    });
    if (token === undefined) {
      throw new BalenaNotLoggedIn();
    }
    return token.key;
  }

  async function getActorId(callOptions?: CallOptions): Promise<number> {
    return (await getActorDetails(false, callOptions)).id;
  }

  async function getUserInfo(callOptions?: CallOptions): Promise<UserInfo> {
    const actor = await getActorDetails(false, callOptions);
    if (actor.actorType !== 'user') {
      throw new Error(NOT_A_USER_MESSAGE);
    }
    return { id: actor.actorTypeId, actor: actor.id, email: actor.email, username: actor.username };
  }

  async function logout(): Promise<void> {
    whoamiCache = undefined;
    await notifyingKeyChange(() => tokens.removeKey());
  }

  const account = createAccountMethods(ctx, getUserInfo);

  return {
    twoFactor: createTwoFactorAuth(ctx, setKey),
    whoami,
    authenticate,
    login,
    loginWithToken,
    isLoggedIn,
    getToken,
    getActorId,
    getUserInfo,
    logout,
    ...account,
  };
}
