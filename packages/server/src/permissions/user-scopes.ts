// Row-level permission strings of signed-in users: fleets and everything hanging off them (by application role),
// organizations, memberships, teams and invites (by organization role), and the user's own account.
import {
  type ApplicationRole,
  DEVELOP_ROLES,
  OPERATE_ROLES,
  READ_ROLES,
  appAccess,
  nav,
  orgMember,
  permission,
} from './filters.js';

type Verb = 'read' | 'create' | 'update' | 'delete';
/** The write verbs, granted together with one filter. */
export const WRITE_VERBS: readonly Verb[] = ['create', 'update', 'delete'];

/** Builds a filter that walks `path` (navigation names) to an application, then applies `appFilter` there. */
export function along(
  path: readonly string[],
  p: string,
  appFilter: (appVar: string) => string,
  from = '',
): string {
  const [head, ...rest] = path;
  const v = `${p}${rest.length}`;
  const body = rest.length === 0 ? appFilter(v) : along(rest, p, appFilter, v);
  return `${nav(from, head)}/any(${v}:${body})`;
}

/** Application-scoped resources and the navigation path from each to its application. */
const APP_SCOPED: ReadonlyArray<{
  names: readonly string[];
  path: readonly string[];
  write: readonly ApplicationRole[];
}> = [
  { names: ['application_tag'], path: ['application'], write: OPERATE_ROLES },
  { names: ['application_environment_variable'], path: ['application'], write: OPERATE_ROLES },
  { names: ['application_config_variable'], path: ['application'], write: OPERATE_ROLES },
  { names: ['build_environment_variable'], path: ['application'], write: DEVELOP_ROLES },
  { names: ['application_domain_mapping'], path: ['application'], write: DEVELOP_ROLES },
  { names: ['service'], path: ['application'], write: DEVELOP_ROLES },
  { names: ['service_label'], path: ['service', 'application'], write: DEVELOP_ROLES },
  {
    names: ['service_environment_variable'],
    path: ['service', 'application'],
    write: OPERATE_ROLES,
  },
  { names: ['device'], path: ['belongs_to__application'], write: OPERATE_ROLES },
  { names: ['device_tag'], path: ['device', 'belongs_to__application'], write: OPERATE_ROLES },
  {
    names: ['device_environment_variable'],
    path: ['device', 'belongs_to__application'],
    write: OPERATE_ROLES,
  },
  {
    names: ['device_config_variable'],
    path: ['device', 'belongs_to__application'],
    write: OPERATE_ROLES,
  },
  {
    names: ['device_domain_mapping'],
    path: ['device', 'belongs_to__application'],
    write: OPERATE_ROLES,
  },
  { names: ['service_install'], path: ['device', 'belongs_to__application'], write: OPERATE_ROLES },
  { names: ['image_install'], path: ['device', 'belongs_to__application'], write: OPERATE_ROLES },
  {
    names: ['device_service_environment_variable'],
    path: ['service_install', 'device', 'belongs_to__application'],
    write: OPERATE_ROLES,
  },
  { names: ['device_history'], path: ['belongs_to__application'], write: [] },
  { names: ['release'], path: ['belongs_to__application'], write: DEVELOP_ROLES },
  { names: ['release_tag'], path: ['release', 'belongs_to__application'], write: DEVELOP_ROLES },
  { names: ['release_asset'], path: ['release', 'belongs_to__application'], write: DEVELOP_ROLES },
  {
    names: ['release_image'],
    path: ['is_part_of__release', 'belongs_to__application'],
    write: DEVELOP_ROLES,
  },
  {
    names: ['image_label'],
    path: ['release_image', 'is_part_of__release', 'belongs_to__application'],
    write: DEVELOP_ROLES,
  },
  {
    names: ['image_environment_variable'],
    path: ['release_image', 'is_part_of__release', 'belongs_to__application'],
    write: DEVELOP_ROLES,
  },
  { names: ['image'], path: ['is_a_build_of__service', 'application'], write: DEVELOP_ROLES },
];

/**
 * Read and write permissions of every application-scoped resource, by application role.
 * @throws never
 * @example
 * const names = appScopedPermissions();
 */
export function appScopedPermissions(): string[] {
  const result: string[] = [];
  for (const { names, path, write } of APP_SCOPED) {
    const read = along(path, 'r', (a) => appAccess(a, 'ra', READ_ROLES));
    for (const name of names) {
      result.push(permission(name, 'read', read));
      if (write.length > 0) {
        const filter = along(path, 'w', (a) => appAccess(a, 'wa', write));
        for (const verb of WRITE_VERBS) result.push(permission(name, verb, filter));
      }
    }
  }
  return result;
}

/**
 * Permissions on organizations, memberships, teams, invites and credit bundles, by organization role.
 * @throws never
 * @example
 * const names = organizationPermissions();
 */
export function organizationPermissions(): string[] {
  const memberOfOrg = (nav: string, p: string, admin: boolean) =>
    `${nav}/any(${p}x:${orgMember(`${p}x`, p, admin)})`;
  const memberOfAppOrg = (p: string, admin: boolean) =>
    `application/any(${p}y:${memberOfOrg(`${p}y/organization`, p, admin)})`;
  const ownRows = 'user/any(ou:ou/actor eq @__ACTOR_ID)';
  return [
    permission('organization', 'create'),
    permission('organization', 'read', orgMember('', 'o', false)),
    permission('organization', 'update', orgMember('', 'o', true)),
    permission('organization', 'delete', orgMember('', 'o', true)),
    permission(
      'organization_membership',
      'read',
      memberOfOrg('is_member_of__organization', 'm', false),
    ),
    ...WRITE_VERBS.map((verb) =>
      permission(
        'organization_membership',
        verb,
        memberOfOrg('is_member_of__organization', 'm', true),
      ),
    ),
    permission(
      'organization_membership_tag',
      'read',
      `organization_membership/any(t:t/${memberOfOrg('is_member_of__organization', 'm', false)})`,
    ),
    ...WRITE_VERBS.map((verb) =>
      permission(
        'organization_membership_tag',
        verb,
        `organization_membership/any(t:t/${memberOfOrg('is_member_of__organization', 'm', true)})`,
      ),
    ),
    permission('user_application_membership', 'read', `${ownRows} or ${memberOfAppOrg('g', true)}`),
    ...WRITE_VERBS.map((verb) =>
      permission('user_application_membership', verb, memberOfAppOrg('g', true)),
    ),
    permission('team', 'read', memberOfOrg('belongs_to__organization', 't', false)),
    ...WRITE_VERBS.map((verb) =>
      permission('team', verb, memberOfOrg('belongs_to__organization', 't', true)),
    ),
    permission('credit_bundle', 'read', memberOfOrg('belongs_to__organization', 'c', false)),
    permission('credit_bundle', 'create', memberOfOrg('belongs_to__organization', 'c', true)),
    permission(
      'team_membership',
      'read',
      `is_member_of__team/any(tt:tt/${memberOfOrg('belongs_to__organization', 'tm', false)})`,
    ),
    ...WRITE_VERBS.map((verb) =>
      permission(
        'team_membership',
        verb,
        `is_member_of__team/any(tt:tt/${memberOfOrg('belongs_to__organization', 'tm', true)})`,
      ),
    ),
    permission(
      'team_application_access',
      'read',
      `team/any(tt:tt/${memberOfOrg('belongs_to__organization', 'ta', false)})`,
    ),
    ...WRITE_VERBS.map((verb) =>
      permission(
        'team_application_access',
        verb,
        `team/any(tt:tt/${memberOfOrg('belongs_to__organization', 'ta', true)})`,
      ),
    ),
    ...['read', ...WRITE_VERBS].map((verb) =>
      permission(
        'organization_invite',
        verb,
        memberOfOrg('is_invited_to__organization', 'oi', true),
      ),
    ),
    ...['read', ...WRITE_VERBS].map((verb) =>
      permission(
        'application_invite',
        verb,
        `is_invited_to__application/any(ia:ia/${memberOfOrg('organization', 'ai', true)})`,
      ),
    ),
    permission('invitee', 'create'),
    permission(
      'invitee',
      'read',
      `organization_invite/any(io:io/${memberOfOrg('is_invited_to__organization', 'iv', true)})` +
        ` or application_invite/any(ip:ip/is_invited_to__application/any(ia:ia/${memberOfOrg('organization', 'iw', true)}))`,
    ),
    permission('feature', 'read'),
  ];
}

/**
 * Permissions on the caller's own account: profile, SSH keys, actor, direct fleet access, and users sharing an
 * organization.
 * @throws never
 * @example
 * const names = ownAccountPermissions();
 */
export function ownAccountPermissions(): string[] {
  const sharesOrg = `organization_membership/any(sm:sm/is_member_of__organization/any(so:${orgMember('so', 's', false)}))`;
  return [
    permission('user', 'read', `actor eq @__ACTOR_ID or ${sharesOrg}`),
    permission('actor', 'read', 'id eq @__ACTOR_ID'),
    // Only the caller's own rows, so `is_directly_accessible_by__user/any(...)` never counts someone else's access.
    permission(
      'user__has_direct_access_to__application',
      'read',
      'user/any(du:du/actor eq @__ACTOR_ID)',
    ),
    permission('user_profile', 'read', 'is_of__user/any(pu:pu/actor eq @__ACTOR_ID)'),
    permission('user_profile', 'update', 'is_of__user/any(pu:pu/actor eq @__ACTOR_ID)'),
    ...['user_public_key', 'user__has__public_key'].flatMap((name) =>
      ['read', ...WRITE_VERBS].map((verb) =>
        permission(name, verb, 'user/any(ku:ku/actor eq @__ACTOR_ID)'),
      ),
    ),
  ];
}
