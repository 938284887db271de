// What actor resolution learned about a request's credentials, kept beside the request (not on pinejs's fields).
import type { Request } from 'express';
import type { VerifiedSession } from './session-token.js';
import type { UserRecord } from './users.js';

/** The credential a request presented, once checked. */
export type ResolvedIdentity =
  | { kind: 'anonymous' }
  /** a valid session JWT whose user still exists and whose jwt_secret still matches */
  | {
      kind: 'session';
      session: VerifiedSession;
      user: UserRecord;
      permissions: string[];
      partial: boolean;
    }
  /** a JWT that was signed by us but has been revoked (jwt_secret changed): 401 everywhere */
  | { kind: 'revoked-session' }
  /** a valid, unexpired API key; `hash` is what the database stores */
  | { kind: 'api-key'; hash: string; actor: number; permissions: string[] };

const identities = new WeakMap<Request, ResolvedIdentity>();

/**
 * Records the resolved identity of a request.
 * @param req the express request
 * @param identity what its credentials resolved to
 * @throws never
 * @example
 * setIdentity(req, { kind: 'anonymous' });
 */
export function setIdentity(req: Request, identity: ResolvedIdentity): void {
  identities.set(req, identity);
}

/**
 * Returns the resolved identity of a request (anonymous when none was recorded).
 * @param req the express request
 * @throws never
 * @example
 * if (getIdentity(req).kind === 'session') { ... }
 */
export function getIdentity(req: Request): ResolvedIdentity {
  return identities.get(req) ?? { kind: 'anonymous' };
}
