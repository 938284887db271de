// PATCH /v7/user(<id>) with only `has_been_sent_verification_email`: the SDK's requestVerificationEmail. A local
// server sends no mail; it issues a fresh verification token and answers 200, as the real API accepts the write.
import type { Router } from 'express';
import { getIdentity } from './context.js';
import { inTransaction } from './db.js';
import { issueEmailVerificationToken } from './email-verification.js';
import { bodyOf } from './http.js';

const USER_BY_ID = /^\/v7\/user\((\d+)\)\/?$/;

/**
 * Mounts the verification-e-mail request handler in front of pinejs; every other user write falls through to it.
 * @param router the router the identity routes live on
 * @throws never
 * @example
 * installUserProfileRoutes(router);
 */
export function installUserProfileRoutes(router: Router): void {
  router.patch(USER_BY_ID, (req, res, next) => {
    const body = bodyOf(req);
    const keys = Object.keys(body);
    const identity = getIdentity(req);
    const userId = Number(USER_BY_ID.exec(req.path)?.[1]);
    const isOwnSession =
      identity.kind === 'session' && !identity.partial && identity.user.id === userId;
    if (keys.length !== 1 || keys[0] !== 'has_been_sent_verification_email' || !isOwnSession) {
      // Not the verification request: pinejs handles (and permission-checks) the write.
      next();
      return;
    }
    const work =
      body.has_been_sent_verification_email === true
        ? inTransaction((tx) => issueEmailVerificationToken(tx, userId))
        : Promise.resolve('');
    work.then(
      () => res.status(200).end(),
      (err: unknown) => next(err),
    );
  });
}
