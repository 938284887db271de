// Application invites: the POST body names the invitee by e-mail; the server fills the invitee row, the default role
// (`developer`), the creator and an invitation token. `POST /user/v1/invitation/:token` turns the invite into an
// application membership (and an organization membership with role `member` when the user had none).
// No e-mail is sent locally: the token is returned to the inviter in the created invite (`invitation_token`).
import { randomBytes } from 'node:crypto';
import { hooks, sbvrUtils, type dbModule } from '@balena/pinejs';
import type { NextFunction, Request, Response, Router } from 'express';
import { RouteError, route } from '../../identity/http.js';
import { API_ROOT, withTx } from '../../rules/hook-utils.js';
import { callerActor, findUserByActor } from '../caller.js';
import { applicationRoleId } from './memberships.js';

type Tx = dbModule.Tx;

const INVITE_TABLE = '"invitee-is invited to-application"';
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

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

function newInvitationToken(applicationId: unknown): string {
  // Shaped like the cloud's tokens: base64url JSON `{resource, name, token}` that clients may decode.
  const payload = {
    resource: 'application',
    name: String(applicationId),
    token: randomBytes(24).toString('hex'),
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/**
 * Installs the middleware that swaps an invitee e-mail in an application invite POST body for the invitee's id
 * (creating the invitee row); pinejs rejects a string foreign key before any hook runs. 400 `Invalid email` for a
 * malformed address.
 * @param router the router mounted before pinejs's `/v7` routes
 * @throws never
 * @example
 * installApplicationInviteeByEmail(router);
 */
export function installApplicationInviteeByEmail(router: Router): void {
  router.post(
    ['/v7/application_invite', '/v7/invitee__is_invited_to__application'],
    (req: Request, res: Response, next: NextFunction) => {
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
    },
  );
}

/**
 * Registers the application-invite hooks (default `developer` role, creator, token; both server-owned on updates).
 * @throws Error when the model lacks the application invite resource
 * @example
 * registerApplicationInviteHooks();
 */
export function registerApplicationInviteHooks(): void {
  hooks.addPureHook('POST', API_ROOT, 'application_invite', {
    POSTPARSE: async ({ req, request, tx }) => {
      const { values } = request;
      await withTx(tx, async (t) => {
        values.application_membership_role ??= await applicationRoleId(t, 'developer');
        const actor = req.user?.actor ?? req.apiKey?.actor;
        const creator = await findUserByActor(t, actor ?? undefined);
        if (creator != null) values.is_created_by__user = creator.id;
      });
      values.invitation_token = newInvitationToken(values.is_invited_to__application);
    },
  });
  for (const method of ['PATCH', 'PUT'] as const) {
    hooks.addPureHook(method, API_ROOT, 'application_invite', {
      POSTPARSE: ({ request }) => {
        delete request.values.invitation_token;
        delete request.values.is_created_by__user;
      },
    });
  }
}

async function acceptInvitation(tx: Tx, token: string, actor: number): Promise<void> {
  const user = await findUserByActor(tx, actor);
  if (user == null) throw new RouteError(401);
  const { rows } = await tx.executeSql(
    `SELECT i."id", i."is invited to-application" AS "application", a."organization",
            i."application membership role" AS "role", e."email"
     FROM ${INVITE_TABLE} i
     JOIN "invitee" e ON e."id" = i."invitee"
     JOIN "application" a ON a."id" = i."is invited to-application"
     WHERE i."invitation token" = $1`,
    [token],
  );
  if (rows.length === 0) throw new RouteError(404, 'Invitation not found');
  const invite = rows[0];
  if (String(invite.email).toLowerCase() !== (user.email ?? '').toLowerCase())
    throw new RouteError(403, 'This invitation was sent to a different email address');
  await tx.executeSql(
    `INSERT INTO "user-is member of-organization" ("user", "is member of-organization", "organization membership role")
     SELECT $1::integer, $2::integer, r."id" FROM "organization membership role" r
     WHERE r."name" = 'member' AND NOT EXISTS (
       SELECT 1 FROM "user-is member of-organization" WHERE "user" = $1::integer AND "is member of-organization" = $2::integer)`,
    [user.id, Number(invite.organization)],
  );
  await tx.executeSql(
    `INSERT INTO "user-is member of-application" ("user", "is member of-application", "application membership role")
     SELECT $1::integer, $2::integer, $3::integer WHERE NOT EXISTS (
       SELECT 1 FROM "user-is member of-application" WHERE "user" = $1::integer AND "is member of-application" = $2::integer)`,
    [user.id, Number(invite.application), Number(invite.role)],
  );
  await tx.executeSql(`DELETE FROM ${INVITE_TABLE} WHERE "id" = $1`, [Number(invite.id)]);
}

/**
 * Installs `POST /user/v1/invitation/:invitationToken`: the logged-in user whose e-mail was invited joins the fleet.
 * Answers 401 without a user credential, 404 for an unknown token, 403 when the e-mail differs, 200 otherwise.
 * @param router the router the feature routes are mounted on
 * @throws never
 * @example
 * installApplicationInviteAcceptance(router);
 */
export function installApplicationInviteAcceptance(router: Router): void {
  router.post(
    '/user/v1/invitation/:invitationToken',
    route(async (req, res) => {
      const actor = callerActor(req);
      if (actor == null) throw new RouteError(401);
      await sbvrUtils.db.transaction((tx) =>
        acceptInvitation(tx, String(req.params.invitationToken), actor),
      );
      res.status(200).end();
    }),
  );
}
