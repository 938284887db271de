// Application invites, on the shared invite flow (../invite-flow.ts): default role `developer`;
// `POST /user/v1/invitation/:token` turns the invite into an application membership (and an organization membership
// with role `member` when the user had none).
import type { dbModule } from '@balena/pinejs';
import type { CallingUser } from '../caller.js';
import { inviteKind, type InviteByToken, type InviteKind } from '../invite-flow.js';
import { addMembershipIfAbsent, membershipRoleId } from '../membership-sql.js';

async function joinApplication(
  tx: dbModule.Tx,
  user: CallingUser,
  invite: InviteByToken,
): Promise<void> {
  // A fleet member must belong to the fleet's organization: join it as `member` when not in it yet.
  const memberRoleId = await membershipRoleId(tx, 'organization', 'member');
  await addMembershipIfAbsent(
    tx,
    'organization',
    user.id,
    Number(invite.organization),
    memberRoleId,
  );
  await addMembershipIfAbsent(
    tx,
    'application',
    user.id,
    Number(invite.application),
    Number(invite.role),
  );
}

/** Application invites: their resource, default role, acceptance route and membership rule. */
export const APPLICATION_INVITES: InviteKind = inviteKind({
  parent: 'application',
  defaultRole: 'developer',
  acceptRoute: '/user/v1/invitation/:invitationToken',
  selectByToken: `SELECT i."id", i."is invited to-application" AS "application", a."organization",
            i."application membership role" AS "role", e."email"
     FROM "invitee-is invited to-application" i
     JOIN "invitee" e ON e."id" = i."invitee"
     JOIN "application" a ON a."id" = i."is invited to-application"
     WHERE i."invitation token" = $1`,
  join: joinApplication,
});
