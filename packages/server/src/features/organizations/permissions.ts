// Permissions for the organization resources the base role sets leave out: invites, team memberships, team
// application access, credit bundles and the feature catalogue. Members read; administrators write.
import { orgMember, permission } from '../../permissions/filters.js';

const WRITE_VERBS = ['create', 'update', 'delete'] as const;

function readAndWrite(resource: string, readFilter: string, writeFilter: string): string[] {
  return [
    permission(resource, 'read', readFilter),
    ...WRITE_VERBS.map((verb) => permission(resource, verb, writeFilter)),
  ];
}

function viaOrganization(navigation: string, p: string, adminOnly: boolean): string {
  return `${navigation}/any(${p}o:${orgMember(`${p}o`, p, adminOnly)})`;
}

function viaTeam(navigation: string, p: string, adminOnly: boolean): string {
  return `${navigation}/any(${p}t:${viaOrganization(`${p}t/belongs_to__organization`, p, adminOnly)})`;
}

/**
 * The permissions a signed-in user (session or named API key) needs for organization invites, teams and credits.
 * @throws never
 * @example
 * await grantRolePermissions(tx, 'default-user', organizationFeaturePermissions());
 */
export function organizationFeaturePermissions(): string[] {
  const ownRow = 'user/any(ou:ou/actor eq @__ACTOR_ID)';
  return [
    ...readAndWrite(
      'organization_invite',
      viaOrganization('is_invited_to__organization', 'iv', true),
      viaOrganization('is_invited_to__organization', 'iw', true),
    ),
    permission(
      'invitee',
      'read',
      `organization_invite/any(ii:${viaOrganization('ii/is_invited_to__organization', 'ir', true)})`,
    ),
    ...readAndWrite(
      'team_membership',
      `${ownRow} or ${viaTeam('is_member_of__team', 'mr', false)}`,
      viaTeam('is_member_of__team', 'mw', true),
    ),
    ...readAndWrite(
      'team_application_access',
      viaTeam('team', 'ar', false),
      viaTeam('team', 'aw', true),
    ),
    permission('credit_bundle', 'create', viaOrganization('belongs_to__organization', 'cw', true)),
    permission('feature', 'read'),
  ];
}
