// Two-factor authentication with TOTP: GET /auth/totp/setup, POST /auth/totp/verify, POST /auth/totp/disable.
import type { Router } from 'express';
import { inTransaction } from './db.js';
import { RouteError, bodyOf, route, sendToken } from './http.js';
import { verifyPassword } from './password.js';
import { deleteSecret, readSecret, writeSecret } from './secret-store.js';
import { issueSessionToken, requireSession, totpSecretName } from './sessions.js';
import { generateTotpSecret, verifyTotpCode } from './totp.js';

const pendingSecretName = (userId: number) => `totp-pending:${userId}`;

/**
 * Mounts the TOTP routes. Setup stores a pending secret; a correct code enables it (or passes the login challenge)
 * and answers a token with `twoFactorRequired: false`.
 * @param router the router the identity routes live on
 * @throws never
 * @example
 * installTotpRoutes(router);
 */
export function installTotpRoutes(router: Router): void {
  router.get(
    '/auth/totp/setup',
    route(async (req, res) => {
      const { user } = requireSession(req);
      const secret = generateTotpSecret();
      await inTransaction((tx) => writeSecret(tx, pendingSecretName(user.id), secret));
      res.status(200).type('text/plain').send(secret);
    }),
  );

  router.post(
    '/auth/totp/verify',
    route(async (req, res) => {
      const { user, session } = requireSession(req, { allowPartial: true });
      const { code } = bodyOf(req);
      const token = await inTransaction(async (tx) => {
        const enabled = await readSecret(tx, totpSecretName(user.id));
        const pending = await readSecret(tx, pendingSecretName(user.id));
        if (enabled != null && verifyTotpCode(enabled, code)) {
          return await issueSessionToken(tx, user, {
            authTime: session.authTime,
            twoFactorRequired: false,
          });
        }
        // A pending secret may only be confirmed by a fully signed-in user, never from a 2FA challenge.
        if (
          pending != null &&
          session.twoFactorRequired !== true &&
          verifyTotpCode(pending, code)
        ) {
          await writeSecret(tx, totpSecretName(user.id), pending);
          await deleteSecret(tx, pendingSecretName(user.id));
          return await issueSessionToken(tx, user, {
            authTime: session.authTime,
            twoFactorRequired: false,
          });
        }
        return undefined;
      });
      if (token == null) throw new RouteError(401);
      sendToken(res, token);
    }),
  );

  router.post(
    '/auth/totp/disable',
    route(async (req, res) => {
      const { user, session } = requireSession(req);
      const { password } = bodyOf(req);
      if (typeof password !== 'string' || !(await verifyPassword(password, user.password)))
        throw new RouteError(401);
      const token = await inTransaction(async (tx) => {
        await deleteSecret(tx, totpSecretName(user.id));
        await deleteSecret(tx, pendingSecretName(user.id));
        return await issueSessionToken(tx, user, { authTime: session.authTime });
      });
      sendToken(res, token);
    }),
  );
}
