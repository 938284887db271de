// Turns `Authorization: Bearer <jwt|api key>` (or `?apikey=`) into pinejs's request user / API key, so every OData
// request is checked by pinejs's permission machinery with the caller's permissions.
import type { NextFunction, Request, Response } from 'express';
import { permissions } from '@balena/pinejs';
import { hashApiKey } from './api-key-secret.js';
import { setIdentity, type ResolvedIdentity } from './context.js';
import { inReadTransaction, type Tx } from './db.js';
import { looksLikeJwt, verifySessionToken } from './session-token.js';
import { getSigningSecret } from './signing-secret.js';
import { findUserById } from './users.js';

/**
 * Extracts the presented credential: `?apikey=` first (as pinejs does), then `Authorization: Bearer`.
 * @param req the express request
 * @throws never
 * @example
 * const credential = presentedCredential(req);
 */
export function presentedCredential(req: Request): string | undefined {
  const fromQuery = req.query.apikey;
  if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery;
  const header = req.header('authorization');
  if (header == null) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

async function resolveSession(tx: Tx, token: string): Promise<ResolvedIdentity> {
  const session = await verifySessionToken(token, await getSigningSecret(tx));
  if (session == null) return { kind: 'anonymous' };
  const user = await findUserById(tx, session.id);
  if (user == null || user.jwtSecret !== session.jwt_secret) return { kind: 'revoked-session' };
  const userPermissions = await permissions.getUserPermissions(user.id, tx);
  return {
    kind: 'session',
    session,
    user,
    permissions: userPermissions,
    partial: session.twoFactorRequired === true,
  };
}

async function resolveApiKey(tx: Tx, key: string): Promise<ResolvedIdentity> {
  const hash = hashApiKey(key);
  try {
    const resolved = await permissions.checkApiKey(hash, tx);
    if (resolved == null) return { kind: 'anonymous' };
    return {
      kind: 'api-key',
      hash,
      actor: resolved.actor,
      permissions: resolved.permissions ?? [],
    };
  } catch (err) {
    // Unknown, deleted and expired keys are treated as anonymous callers.
    if (err instanceof permissions.PermissionError) return { kind: 'anonymous' };
    throw err;
  }
}

/**
 * Resolves a credential string to an identity (JWT session, API key, or anonymous).
 * @param credential the bearer value
 * @throws the database error when a lookup fails
 * @example
 * const identity = await resolveCredential('eyJ...');
 */
export async function resolveCredential(credential: string | undefined): Promise<ResolvedIdentity> {
  if (credential == null) return { kind: 'anonymous' };
  return await inReadTransaction((tx) =>
    looksLikeJwt(credential) ? resolveSession(tx, credential) : resolveApiKey(tx, credential),
  );
}

/**
 * Express middleware: resolves the caller and sets `req.user` (sessions) or `req.apiKey` (keys) for pinejs.
 *
 * Partial (2FA-pending) sessions stay anonymous for OData; revoked session tokens get 401 on every route.
 * @param req the express request
 * @param res the express response
 * @param next the next middleware
 * @throws never; lookup failures answer 500 through express
 * @example
 * app.use(actorResolutionMiddleware);
 */
export async function actorResolutionMiddleware(
  req: Request,
  res: Response,
  next: NextFunction,
): Promise<void> {
  try {
    const identity = await resolveCredential(presentedCredential(req));
    setIdentity(req, identity);
    // pinejs's own PREPARSE hook would look the plain `apikey` up again (we store only digests) and reject it.
    if (typeof req.query === 'object' && req.query != null)
      delete (req.query as Record<string, unknown>).apikey;
    if (identity.kind === 'revoked-session') {
      res.status(401).end();
      return;
    }
    if (identity.kind === 'session' && !identity.partial) {
      req.user = {
        id: identity.user.id,
        actor: identity.user.actor,
        permissions: identity.permissions,
      };
    } else if (identity.kind === 'api-key') {
      req.apiKey = { key: identity.hash, actor: identity.actor, permissions: identity.permissions };
    }
    next();
  } catch (err) {
    next(err);
  }
}
