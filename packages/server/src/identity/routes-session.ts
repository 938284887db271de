// POST /login_, GET /actor/v1/whoami, GET /user/v1/whoami, GET|POST /user/v1/refresh-token, POST /user/register.
import type { Router } from 'express';
import { AUTH_CREATE_TOKEN, AUTH_CREDENTIALS_LOGIN } from '../permissions/index.js';
import { permissions } from '@balena/pinejs';
import { getIdentity } from './context.js';
import {
  consumeEmailVerificationToken,
  issueEmailVerificationToken,
} from './email-verification.js';
import { inReadTransaction, inTransaction, type Tx } from './db.js';
import { RouteError, bodyOf, route, sendToken } from './http.js';
import { verifyPassword } from './password.js';
import { AttemptLimiter } from './rate-limit.js';
import { issueLoginToken, issueSessionToken, requireSession } from './sessions.js';
import { UserConflictError, findUserById, findUserByLogin, insertUser } from './users.js';

const loginLimiter = new AttemptLimiter({
  maxAttempts: 10,
  windowMs: 2 * 3600_000,
  blockMs: 3600_000,
});
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function actorDetails(tx: Tx, actor: number): Promise<Record<string, unknown> | undefined> {
  const user = await tx.executeSql(
    `SELECT "id", "username", "email" FROM "user" WHERE "actor" = $1`,
    [actor],
  );
  if (user.rows.length > 0) {
    const { id, username, email } = user.rows[0];
    return { id: actor, actorType: 'user', actorTypeId: id, username, email: email ?? null };
  }
  const app = await tx.executeSql(`SELECT "id", "slug" FROM "application" WHERE "actor" = $1`, [
    actor,
  ]);
  if (app.rows.length > 0)
    return {
      id: actor,
      actorType: 'application',
      actorTypeId: app.rows[0].id,
      slug: app.rows[0].slug,
    };
  const device = await tx.executeSql(`SELECT "id", "uuid" FROM "device" WHERE "actor" = $1`, [
    actor,
  ]);
  if (device.rows.length > 0) {
    return {
      id: actor,
      actorType: 'device',
      actorTypeId: device.rows[0].id,
      uuid: device.rows[0].uuid,
    };
  }
  return undefined;
}

/**
 * Mounts the session and account routes.
 * @param router the router the identity routes live on
 * @throws never
 * @example
 * installSessionRoutes(router);
 */
export function installSessionRoutes(router: Router): void {
  router.post(
    '/login_',
    route(async (req, res) => {
      const { username, password } = bodyOf(req);
      if (typeof username !== 'string' || typeof password !== 'string' || username === '')
        throw new RouteError(401);
      const limitKey = username.toLowerCase();
      const retryAfter = loginLimiter.retryAfterSeconds(limitKey);
      if (retryAfter > 0) {
        res
          .set('Retry-After', String(retryAfter))
          .status(429)
          .type('text/plain')
          .send('Too Many Requests');
        return;
      }
      const token = await inTransaction(async (tx) => {
        const user = await findUserByLogin(tx, username);
        if (user == null || !(await verifyPassword(password, user.password))) return undefined;
        const userPermissions = await permissions.getUserPermissions(user.id, tx);
        if (!userPermissions.includes(AUTH_CREDENTIALS_LOGIN)) return undefined;
        return await issueLoginToken(tx, user);
      });
      if (token == null) {
        loginLimiter.recordFailure(limitKey);
        throw new RouteError(401);
      }
      loginLimiter.reset(limitKey);
      sendToken(res, token);
    }),
  );

  router.get(
    '/actor/v1/whoami',
    route(async (req, res) => {
      const identity = getIdentity(req);
      let actor: number;
      if (identity.kind === 'session' && !identity.partial) actor = identity.user.actor;
      else if (identity.kind === 'api-key') actor = identity.actor;
      else throw new RouteError(401);
      const details = await inReadTransaction((tx) => actorDetails(tx, actor));
      if (details == null) throw new RouteError(401);
      res.status(200).json(details);
    }),
  );

  router.get(
    '/user/v1/whoami',
    route(async (req, res) => {
      const identity = getIdentity(req);
      const details =
        identity.kind === 'session' && !identity.partial
          ? { actorType: 'user', actorTypeId: identity.user.id }
          : identity.kind === 'api-key'
            ? await inReadTransaction((tx) => actorDetails(tx, identity.actor))
            : undefined;
      if (details?.actorType !== 'user') throw new RouteError(401);
      const user = await inReadTransaction((tx) => findUserById(tx, Number(details.actorTypeId)));
      if (user == null) throw new RouteError(401);
      res.status(200).json({ id: user.id, username: user.username, email: user.email });
    }),
  );

  const refreshToken = route(async (req, res) => {
    const {
      session,
      user,
      permissions: userPermissions,
    } = requireSession(req, { allowPartial: true });
    if (!userPermissions.includes(AUTH_CREATE_TOKEN)) throw new RouteError(401);
    const { password } = bodyOf(req);
    let authTime = session.authTime;
    if (password !== undefined) {
      if (typeof password !== 'string' || !(await verifyPassword(password, user.password)))
        throw new RouteError(401);
      authTime = Date.now();
    }
    const claims = {
      authTime,
      ...(session.twoFactorRequired === undefined
        ? {}
        : { twoFactorRequired: session.twoFactorRequired }),
    };
    sendToken(res, await inTransaction((tx) => issueSessionToken(tx, user, claims)));
  });
  router.get('/user/v1/refresh-token', refreshToken);
  router.post('/user/v1/refresh-token', refreshToken);

  router.post(
    '/user/register',
    route(async (req, res) => {
      const { email, password, username } = bodyOf(req);
      if (typeof email !== 'string' || !EMAIL_PATTERN.test(email))
        throw new RouteError(400, 'Invalid email');
      if (typeof password !== 'string' || password.length < 8) {
        throw new RouteError(400, 'Password must be at least 8 characters long');
      }
      if (username !== undefined && (typeof username !== 'string' || username === '')) {
        throw new RouteError(400, 'Invalid username');
      }
      const token = await inTransaction(async (tx) => {
        const user = await insertUser(tx, { email, password, username });
        await issueEmailVerificationToken(tx, user.id);
        return await issueSessionToken(tx, user, { authTime: Date.now() });
      }).catch((err: unknown) => {
        if (err instanceof UserConflictError) throw new RouteError(409, err.message);
        throw err;
      });
      res.status(201).type('text/plain').send(token);
    }),
  );

  router.post(
    '/user/v1/verify-email',
    route(async (req, res) => {
      const { verificationToken, email } = bodyOf(req);
      if (
        typeof verificationToken !== 'string' ||
        typeof email !== 'string' ||
        !EMAIL_PATTERN.test(email)
      ) {
        throw new RouteError(400, 'Invalid verification token');
      }
      const token = await inTransaction(async (tx) => {
        const user = await findUserByLogin(tx, email);
        if (user == null || !(await consumeEmailVerificationToken(tx, user.id, verificationToken)))
          return undefined;
        await tx.executeSql(
          `UPDATE "user profile" SET "is verified" = true WHERE "is of-user" = $1`,
          [user.id],
        );
        return await issueSessionToken(tx, user, { authTime: Date.now() });
      });
      if (token == null) throw new RouteError(401, 'Invalid verification token');
      sendToken(res, token);
    }),
  );
}
