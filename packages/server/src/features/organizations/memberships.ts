// Organization membership rules: every organization keeps at least one administrator, and deleting an organization
// removes what only exists for it (memberships and their tags, teams, invites, credit bundles).
import { errors, hooks, sbvrUtils, type dbModule } from '@balena/pinejs';
import { API_ROOT, type HookArgs } from '../../rules/hook-utils.js';

type Tx = dbModule.Tx;

const LAST_ADMINISTRATOR =
  'It is necessary that each organization that is active, includes at least one organization membership that has an organization membership role that has a name (Auth) that is equal to "administrator"';

const MEMBERSHIP_TABLE = '"user-is member of-organization"';

const organizationsOfRequest = new WeakMap<object, number[]>();

async function organizationsOfMemberships(tx: Tx, membershipIds: number[]): Promise<number[]> {
  const organizations = new Set<number>();
  for (const id of membershipIds) {
    const { rows } = await tx.executeSql(
      `SELECT "is member of-organization" AS "organization" FROM ${MEMBERSHIP_TABLE} WHERE "id" = $1`,
      [id],
    );
    for (const row of rows) organizations.add(Number(row.organization));
  }
  return [...organizations];
}

async function checkAdministratorsRemain(tx: Tx, organizations: number[]): Promise<void> {
  for (const organization of organizations) {
    const { rows } = await tx.executeSql(
      `SELECT 1 FROM ${MEMBERSHIP_TABLE} m
       JOIN "organization membership role" r ON r."id" = m."organization membership role"
       WHERE m."is member of-organization" = $1 AND r."name" = 'administrator'`,
      [organization],
    );
    if (rows.length === 0) throw new errors.BadRequestError(LAST_ADMINISTRATOR);
  }
}

const ORGANIZATION_DEPENDENTS: ReadonlyArray<{ sql: string }> = [
  {
    sql: `DELETE FROM "organization membership-has-tag key" WHERE "organization membership" IN (
            SELECT "id" FROM ${MEMBERSHIP_TABLE} WHERE "is member of-organization" = $1)`,
  },
  { sql: `DELETE FROM ${MEMBERSHIP_TABLE} WHERE "is member of-organization" = $1` },
  {
    sql: `DELETE FROM "user-is member of-team" WHERE "is member of-team" IN (
            SELECT "id" FROM "team" WHERE "belongs to-organization" = $1)`,
  },
  {
    sql: `DELETE FROM "team-grants access to-application" WHERE "team" IN (
            SELECT "id" FROM "team" WHERE "belongs to-organization" = $1)`,
  },
  { sql: `DELETE FROM "team" WHERE "belongs to-organization" = $1` },
  {
    sql: `DELETE FROM "invitee-is invited to-organization" WHERE "is invited to-organization" = $1`,
  },
  { sql: `DELETE FROM "credit bundle" WHERE "belongs to-organization" = $1` },
  {
    sql: `UPDATE "user" SET "has legacy link to-organization" = NULL WHERE "has legacy link to-organization" = $1`,
  },
  // The organization row itself goes here too: the DELETE pinejs runs afterwards re-applies the caller's
  // permission filter, which no longer matches once the administrator memberships are gone.
  { sql: `DELETE FROM "organization" WHERE "id" = $1` },
];

/**
 * Registers the organization membership rules and the organization delete cascade.
 * @throws Error when the model lacks the organization resources
 * @example
 * registerMembershipHooks();
 */
export function registerMembershipHooks(): void {
  for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
    hooks.addPureHook(method, API_ROOT, 'organization_membership', {
      PRERUN: async (args: HookArgs & { tx: Tx }) => {
        const ids = await sbvrUtils.getAffectedIds(args);
        organizationsOfRequest.set(args.request, await organizationsOfMemberships(args.tx, ids));
      },
      POSTRUN: async (args: HookArgs & { tx: Tx }) => {
        await checkAdministratorsRemain(args.tx, organizationsOfRequest.get(args.request) ?? []);
      },
    });
  }
  hooks.addPureHook('DELETE', API_ROOT, 'organization', {
    PRERUN: async (args: HookArgs & { tx: Tx }) => {
      for (const organization of await sbvrUtils.getAffectedIds(args)) {
        for (const { sql } of ORGANIZATION_DEPENDENTS)
          await args.tx.executeSql(sql, [organization]);
      }
    },
  });
}
