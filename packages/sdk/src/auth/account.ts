import type { CallOptions } from '../transport/types.js';
import type { AuthContext } from './auth-context.js';
import type { RegisterCredentials, UserInfo, VerifyEmailPayload } from './types.js';

/** The account methods of `sdk.auth`: sign-up and e-mail verification. */
export interface AccountMethods {
  register(credentials: RegisterCredentials, callOptions?: CallOptions): Promise<string>;
  verifyEmail(verificationPayload: VerifyEmailPayload, callOptions?: CallOptions): Promise<string>;
  requestVerificationEmail(callOptions?: CallOptions): Promise<void>;
}

/**
 * Creates the account methods of `sdk.auth`.
 *
 * @param ctx - config and transport.
 * @param getUserInfo - resolves the logged-in user (for `requestVerificationEmail`).
 * @returns `register`, `verifyEmail` and `requestVerificationEmail`.
 * @example
 * const account = createAccountMethods(ctx, getUserInfo);
 */
export function createAccountMethods(
  ctx: AuthContext,
  getUserInfo: (callOptions?: CallOptions) => Promise<UserInfo>,
): AccountMethods {
  const { request } = ctx;

  async function register(
    credentials: RegisterCredentials,
    callOptions?: CallOptions,
  ): Promise<string> {
    const { body } = await request.send(
      { method: 'POST', url: '/user/register', body: credentials, sendToken: false },
      callOptions,
    );
    return String(body);
  }

  async function verifyEmail(
    verificationPayload: VerifyEmailPayload,
    callOptions?: CallOptions,
  ): Promise<string> {
    const { body } = await request.send(
      {
        method: 'POST',
        url: '/user/v1/verify-email',
        body: { verificationToken: verificationPayload.token, email: verificationPayload.email },
        sendToken: false,
      },
      callOptions,
    );
    return String(body);
  }

  async function requestVerificationEmail(callOptions?: CallOptions): Promise<void> {
    const { id } = await getUserInfo(callOptions);
    await request.send(
      {
        method: 'PATCH',
        url: `/${ctx.config.apiVersion}/user(${Number(id)})`,
        body: { has_been_sent_verification_email: true },
      },
      callOptions,
    );
  }

  return { register, verifyEmail, requestVerificationEmail };
}
