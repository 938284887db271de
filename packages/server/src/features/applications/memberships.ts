// Application memberships: created by `username` (instead of `user`), default role `developer`, and only for members
// of the application's organization.
import { errors, hooks, type dbModule } from '@balena/pinejs';
import { API_ROOT, fkId, withTx } from '../../rules/hook-utils.js';
import { membershipRoleId, swapUsernameForUser } from '../membership-sql.js';

type Tx = dbModule.Tx;

/** The rule text the API answers when the user is not a member of the fleet's organization. */
export const NOT_ORGANIZATION_MEMBER =
  'It is necessary that each user (Auth) that is member of an application that has an organization, is member of the organization';

/**
 * Whether a user is a member of the organization owning an application (true when the application is unknown: the
 * permission check answers for it).
 * @param tx the open transaction
 * @param userId the user id
 * @param applicationId the application id
 * @throws the database error when the query fails
 * @example
 * if (!(await isMemberOfApplicationOrganization(tx, 3, 7))) throw new errors.BadRequestError(NOT_ORGANIZATION_MEMBER);
 */
export async function isMemberOfApplicationOrganization(
  tx: Tx,
  userId: number,
  applicationId: number,
): Promise<boolean> {
  const { rows } = await tx.executeSql(
    `SELECT a."id", m."id" AS "membership" FROM "application" a
     LEFT JOIN "user-is member of-organization" m
       ON m."is member of-organization" = a."organization" AND m."user" = $1
     WHERE a."id" = $2`,
    [userId, applicationId],
  );
  return rows.length === 0 || rows.some((row) => row.membership != null);
}

/**
 * Registers the application membership hooks (username, default role, organization membership rule).
 * @throws Error when the model lacks the membership resource
 * @example
 * registerApplicationMembershipHooks();
 */
export function registerApplicationMembershipHooks(): void {
  hooks.addPureHook('POST', API_ROOT, 'user_application_membership', {
    POSTPARSE: async ({ request, tx }) => {
      const { values } = request;
      await withTx(tx, async (t) => {
        await swapUsernameForUser(t, values);
        values.application_membership_role ??= await membershipRoleId(
          t,
          'application',
          'developer',
        );
        const userId = fkId(values.user);
        const applicationId = fkId(values.is_member_of__application);
        if (userId == null || applicationId == null) return;
        if (!(await isMemberOfApplicationOrganization(t, userId, applicationId)))
          throw new errors.BadRequestError(NOT_ORGANIZATION_MEMBER);
      });
    },
  });
}
