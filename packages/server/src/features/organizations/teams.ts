// Team rules: memberships are created by username and only for members of the team's organization; a team can only
// be granted access to applications of its own organization; team names are unique within an organization; deleting
// a team removes its memberships and application accesses.
import { errors, hooks, sbvrUtils, type dbModule } from '@balena/pinejs';
import { API_ROOT, fkId, withTx } from '../../rules/hook-utils.js';
import { swapUsernameForUser } from '../membership-sql.js';

type Tx = dbModule.Tx;

const NOT_ORG_MEMBER =
  'It is necessary that each user (Auth) that is member of a team that belongs to an organization, is member of the organization.';
const APP_OUTSIDE_ORG =
  'It is necessary that each team that grants access to an application, belongs to the organization of the application.';

async function teamOrganization(tx: Tx, teamId: number): Promise<number | undefined> {
  const { rows } = await tx.executeSql(
    `SELECT "belongs to-organization" AS "organization" FROM "team" WHERE "id" = $1`,
    [teamId],
  );
  return rows.length === 0 ? undefined : Number(rows[0].organization);
}

async function checkUserInTeamOrganization(tx: Tx, userId: number, teamId: number): Promise<void> {
  const organization = await teamOrganization(tx, teamId);
  // An unknown or invisible team is left to the permission check (401), as for any other parent.
  if (organization == null) return;
  const { rows } = await tx.executeSql(
    `SELECT 1 FROM "user-is member of-organization" WHERE "user" = $1 AND "is member of-organization" = $2`,
    [userId, organization],
  );
  if (rows.length === 0) throw new errors.BadRequestError(NOT_ORG_MEMBER);
}

async function checkApplicationInTeamOrganization(
  tx: Tx,
  teamId: number,
  applicationId: number,
): Promise<void> {
  const organization = await teamOrganization(tx, teamId);
  if (organization == null) return;
  const { rows } = await tx.executeSql(`SELECT "organization" FROM "application" WHERE "id" = $1`, [
    applicationId,
  ]);
  if (rows.length > 0 && Number(rows[0].organization) !== organization)
    throw new errors.BadRequestError(APP_OUTSIDE_ORG);
}

async function checkUniqueTeamName(
  tx: Tx,
  name: unknown,
  organization: number | undefined,
  exceptTeam?: number,
) {
  if (typeof name !== 'string' || organization == null) return;
  const { rows } = await tx.executeSql(
    `SELECT 1 FROM "team" WHERE "belongs to-organization" = $1 AND "name" = $2 AND "id" <> $3`,
    [organization, name, exceptTeam ?? -1],
  );
  if (rows.length > 0)
    throw new errors.ConflictError('"name" and "belongs_to__organization" must be unique.');
}

/**
 * Registers the team, team membership and team application access hooks.
 * @throws Error when the model lacks the team resources
 * @example
 * registerTeamHooks();
 */
export function registerTeamHooks(): void {
  hooks.addPureHook('POST', API_ROOT, 'team', {
    POSTPARSE: async ({ request, tx }) => {
      const { values } = request;
      await withTx(tx, (t) =>
        checkUniqueTeamName(t, values.name, fkId(values.belongs_to__organization)),
      );
    },
  });
  hooks.addPureHook('PATCH', API_ROOT, 'team', {
    PRERUN: async (args) => {
      const { name } = args.request.values;
      if (typeof name !== 'string') return;
      for (const teamId of await sbvrUtils.getAffectedIds(args)) {
        await checkUniqueTeamName(args.tx, name, await teamOrganization(args.tx, teamId), teamId);
      }
    },
  });
  hooks.addPureHook('DELETE', API_ROOT, 'team', {
    PRERUN: async (args) => {
      for (const teamId of await sbvrUtils.getAffectedIds(args)) {
        await args.tx.executeSql(
          `DELETE FROM "user-is member of-team" WHERE "is member of-team" = $1`,
          [teamId],
        );
        await args.tx.executeSql(
          `DELETE FROM "team-grants access to-application" WHERE "team" = $1`,
          [teamId],
        );
      }
    },
  });
  hooks.addPureHook('POST', API_ROOT, 'team_membership', {
    POSTPARSE: async ({ request, tx }) => {
      const { values } = request;
      await withTx(tx, async (t) => {
        await swapUsernameForUser(t, values);
        const userId = fkId(values.user);
        const teamId = fkId(values.is_member_of__team);
        if (userId != null && teamId != null) await checkUserInTeamOrganization(t, userId, teamId);
      });
    },
  });
  hooks.addPureHook('POST', API_ROOT, 'team_application_access', {
    POSTPARSE: async ({ request, tx }) => {
      const { values } = request;
      const teamId = fkId(values.team);
      const applicationId = fkId(values.grants_access_to__application);
      if (teamId == null || applicationId == null) return;
      await withTx(tx, (t) => checkApplicationInTeamOrganization(t, teamId, applicationId));
    },
  });
}
