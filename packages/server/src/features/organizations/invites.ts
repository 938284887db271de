// Organization invites, on the shared invite flow (../invite-flow.ts): default role `member`;
// `POST /org/v1/invitation/:token` turns the invite into an organization membership with the invite's role.
import type { dbModule } from '@balena/pinejs';
import type { CallingUser } from '../caller.js';
import { inviteKind, type InviteByToken, type InviteKind } from '../invite-flow.js';
import { addMembershipIfAbsent } from '../membership-sql.js';

async function joinOrganization(
  tx: dbModule.Tx,
  user: CallingUser,
  invite: InviteByToken,
): Promise<void> {
  const organizationId = Number(invite.organization);
  await addMembershipIfAbsent(tx, 'organization', user.id, organizationId, Number(invite.role));
}

/** Organization invites: their resource, default role, acceptance route and membership rule. */
export const ORGANIZATION_INVITES: InviteKind = inviteKind({
  parent: 'organization',
  defaultRole: 'member',
  acceptRoute: '/org/v1/invitation/:invitationToken',
  selectByToken: `SELECT i."id", i."is invited to-organization" AS "organization",
            i."organization membership role" AS "role", e."email"
     FROM "invitee-is invited to-organization" i JOIN "invitee" e ON e."id" = i."invitee"
     WHERE i."invitation token" = $1`,
  join: joinOrganization,
});
