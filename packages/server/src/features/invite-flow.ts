// The invite flow shared by application and organization invites: the POST body names the invitee by e-mail (swapped
// for an invitee row's id before pinejs parses it), the server fills the default role, the creator and an invitation
// token (both server-owned on updates), and `POST <route>/:invitationToken` lets the invited user join.
// No e-mail is sent locally: the token is returned to the inviter in the created invite (`invitation_token`).
import { randomBytes } from 'node:crypto';
import { hooks, sbvrUtils, type dbModule } from '@balena/pinejs';
import type { NextFunction, Request, Response, Router } from 'express';
import { RouteError, route } from '../identity/http.js';
import { API_ROOT, withTx } from '../rules/hook-utils.js';
import { callerActor, findUserByActor, type CallingUser } from './caller.js';
import { membershipRoleId, type MembershipParent } from './membership-sql.js';

type Tx = dbModule.Tx;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

/** An invite row found by its token: its id, the invited e-mail and the columns the kind's `join` reads. */
export type InviteByToken = Record<string, unknown> & { id: unknown; email: unknown };

/** What sets one kind of invite (application or organization) apart. */
export interface InviteKindSpec {
  /** Whose invites these are; resource, field and table names follow from it. */
  parent: MembershipParent;
  /** The role name used when the POST names none, e.g. `developer`. */
  defaultRole: string;
  /** The acceptance route, e.g. `/user/v1/invitation/:invitationToken`. */
  acceptRoute: string;
  /** Selects the invite with token `$1`: `id`, `email` and whatever `join` needs. */
  selectByToken: string;
  /** Makes the invited user a member; runs before the invite is deleted, in the same transaction. */
  join: (tx: Tx, user: CallingUser, invite: InviteByToken) => Promise<void>;
}

/** A kind of invite with the names derived from its parent. */
export interface InviteKind extends InviteKindSpec {
  /** The resource alias hooks are registered on, e.g. `application_invite`. */
  resource: string;
  /** The POST paths whose `invitee` may be an e-mail address. */
  postPaths: string[];
  /** The field naming the parent, e.g. `is_invited_to__application`. */
  parentField: string;
  /** The field naming the role, e.g. `application_membership_role`. */
  roleField: string;
  /** The invite table, quoted, e.g. `"invitee-is invited to-application"`. */
  table: string;
}

/**
 * Completes a kind of invite with the names that follow from its parent.
 * @param spec the parent, default role, acceptance route, token query and membership rule
 * @throws never
 * @example
 * const kind = inviteKind({ parent: 'organization', defaultRole: 'member', acceptRoute, selectByToken, join });
 */
export function inviteKind(spec: InviteKindSpec): InviteKind {
  const { parent } = spec;
  return {
    ...spec,
    resource: `${parent}_invite`,
    postPaths: [`/v7/${parent}_invite`, `/v7/invitee__is_invited_to__${parent}`],
    parentField: `is_invited_to__${parent}`,
    roleField: `${parent}_membership_role`,
    table: `"invitee-is invited to-${parent}"`,
  };
}

async function inviteeIdForEmail(tx: Tx, email: string): Promise<number> {
  const { rows } = await tx.executeSql(
    `SELECT "id" FROM "invitee" WHERE lower("email") = lower($1) ORDER BY "id" LIMIT 1`,
    [email],
  );
  if (rows.length > 0) return Number(rows[0].id);
  const inserted = await tx.executeSql(
    `INSERT INTO "invitee" ("email") VALUES ($1) RETURNING "id"`,
    [email],
  );
  return Number(inserted.rows[0].id);
}

function newInvitationToken(resource: string, parentId: unknown): string {
  // Shaped like the cloud's tokens: base64url JSON `{resource, name, token}` that clients may decode.
  const payload = { resource, name: String(parentId), token: randomBytes(24).toString('hex') };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/**
 * Installs the middleware that swaps an invitee e-mail in an invite POST body for the invitee's id (creating the
 * invitee row); pinejs rejects a string foreign key while parsing, before any resource hook runs. Answers 400
 * `Invalid email` for a malformed address.
 * @param router the router mounted before pinejs's `/v7` routes
 * @param kind the invite kind (its POST paths)
 * @throws never
 * @example
 * installInviteeByEmail(router, APPLICATION_INVITES);
 */
export function installInviteeByEmail(router: Router, kind: Pick<InviteKind, 'postPaths'>): void {
  router.post(kind.postPaths, (req: Request, res: Response, next: NextFunction) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || !('invitee' in body)) return next();
    const { invitee } = body;
    if (typeof invitee !== 'string') return next();
    const email = invitee.trim();
    if (!EMAIL_PATTERN.test(email)) {
      res.status(400).json('Invalid email');
      return;
    }
    sbvrUtils.db
      .transaction((tx) => inviteeIdForEmail(tx, email))
      .then((id) => {
        Object.assign(body, { invitee: id });
        next();
      }, next);
  });
}

/**
 * Registers the invite hooks of a kind: default role, creator and token on POST; token and creator are the
 * server's to set, so PATCH and PUT drop them.
 * @param kind the invite kind
 * @throws Error when the model lacks the kind's resource
 * @example
 * registerInviteHooks(ORGANIZATION_INVITES);
 */
export function registerInviteHooks(kind: InviteKind): void {
  hooks.addPureHook('POST', API_ROOT, kind.resource, {
    POSTPARSE: async ({ req, request, tx }) => {
      const { values } = request;
      await withTx(tx, async (t) => {
        values[kind.roleField] ??= await membershipRoleId(t, kind.parent, kind.defaultRole);
        const actor = req.user?.actor ?? req.apiKey?.actor;
        const creator = await findUserByActor(t, actor ?? undefined);
        if (creator != null) values.is_created_by__user = creator.id;
      });
      values.invitation_token = newInvitationToken(kind.parent, values[kind.parentField]);
    },
  });
  for (const method of ['PATCH', 'PUT'] as const) {
    hooks.addPureHook(method, API_ROOT, kind.resource, {
      POSTPARSE: ({ request }) => {
        delete request.values.invitation_token;
        delete request.values.is_created_by__user;
      },
    });
  }
}

async function acceptInvitation(
  tx: Tx,
  kind: InviteKind,
  token: string,
  actor: number,
): Promise<void> {
  const user = await findUserByActor(tx, actor);
  if (user == null) throw new RouteError(401);
  const { rows } = await tx.executeSql(kind.selectByToken, [token]);
  if (rows.length === 0) throw new RouteError(404, 'Invitation not found');
  const invite = rows[0] as InviteByToken;
  if (String(invite.email).toLowerCase() !== (user.email ?? '').toLowerCase())
    throw new RouteError(403, 'This invitation was sent to a different email address');
  await kind.join(tx, user, invite);
  await tx.executeSql(`DELETE FROM ${kind.table} WHERE "id" = $1`, [Number(invite.id)]);
}

/**
 * Installs the acceptance route of a kind: the logged-in user whose e-mail was invited joins, and the invite is
 * deleted. Answers 401 without a user credential, 404 for an unknown token, 403 when the e-mail differs, 200
 * otherwise.
 * @param router the router the feature routes are mounted on
 * @param kind the invite kind
 * @throws never
 * @example
 * installInviteAcceptance(router, APPLICATION_INVITES);
 */
export function installInviteAcceptance(router: Router, kind: InviteKind): void {
  router.post(
    kind.acceptRoute,
    route(async (req, res) => {
      const actor = callerActor(req);
      if (actor == null) throw new RouteError(401);
      await sbvrUtils.db.transaction((tx) =>
        acceptInvitation(tx, kind, String(req.params.invitationToken), actor),
      );
      res.status(200).end();
    }),
  );
}
