// The permission sets of every actor kind. Users get row-level filters that follow organization and application
// membership (cloud scoping, api-spec §3.4 and §3.6), so a user never reaches another user's fleets.
import {
  type ApplicationRole,
  DEVELOP_ROLES,
  OPERATE_ROLES,
  READ_ROLES,
  appAccess,
  nav,
  orgMember,
  ownDevice,
  ownDeviceApp,
  permission,
} from './filters.js';

/** Role names, as the real API spells them. */
export const ROLE_DEFAULT_USER = 'default-user';
export const ROLE_NAMED_USER_API_KEY = 'named-user-api-key';
export const ROLE_PROVISIONING_API_KEY = 'provisioning-api-key';
export const ROLE_DEVICE_API_KEY = 'device-api-key';

/** Non-OData capabilities checked by the identity routes. */
export const AUTH_CREATE_TOKEN = 'auth.create_token';
export const AUTH_CREDENTIALS_LOGIN = 'auth.credentials_login';

type Verb = 'read' | 'create' | 'update' | 'delete';
const WRITE_VERBS: readonly Verb[] = ['create', 'update', 'delete'];

/** Builds a filter that walks `path` (navigation names) to an application, then applies `appFilter` there. */
function along(
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

/** Hardware catalogue and lookup tables every signed-in actor may read. */
const REFERENCE_RESOURCES = [
  'cpu_architecture',
  'device_type',
  'device_type_alias',
  'device_family',
  'device_manufacturer',
  'application_type',
  'organization_membership_role',
  'application_membership_role',
  'service_instance',
];

function appScopedPermissions(): string[] {
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

function organizationPermissions(): string[] {
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

function ownAccountPermissions(): string[] {
  const sharesOrg = `organization_membership/any(sm:sm/is_member_of__organization/any(so:${orgMember('so', 's', false)}))`;
  return [
    permission('user', 'read', `actor eq @__ACTOR_ID or ${sharesOrg}`),
    permission('actor', 'read', 'id eq @__ACTOR_ID'),
    permission('user_profile', 'read', 'is_of__user/any(pu:pu/actor eq @__ACTOR_ID)'),
    permission('user_profile', 'update', 'is_of__user/any(pu:pu/actor eq @__ACTOR_ID)'),
    ...['user_public_key', 'user__has__public_key'].flatMap((name) =>
      ['read', ...WRITE_VERBS].map((verb) =>
        permission(name, verb, 'user/any(ku:ku/actor eq @__ACTOR_ID)'),
      ),
    ),
  ];
}

function apiKeyPermissions(canWrite: boolean): string[] {
  const managedActor =
    `is_of__actor/any(ka:ka/id eq @__ACTOR_ID` +
    ` or ka/is_of__application/any(kapp:${appAccess('kapp', 'kp', DEVELOP_ROLES)})` +
    ` or ka/is_of__device/any(kdev:kdev/belongs_to__application/any(kda:${appAccess('kda', 'kd', OPERATE_ROLES)})))`;
  const verbs: Verb[] = canWrite ? ['read', 'update', 'delete'] : ['read'];
  return verbs.map((verb) => permission('api_key', verb, managedActor));
}

function userBasePermissions(): string[] {
  return [
    permission('application', 'create', `organization/any(co:${orgMember('co', 'c', true)})`),
    permission('application', 'read', appAccess('', 'a', READ_ROLES)),
    permission('application', 'update', appAccess('', 'a', DEVELOP_ROLES)),
    permission('application', 'delete', appAccess('', 'a', DEVELOP_ROLES)),
    permission('application', 'create-provisioning-api-key', appAccess('', 'pk', OPERATE_ROLES)),
    permission(
      'device',
      'create-device-api-key',
      along(['belongs_to__application'], 'dk', (a) => appAccess(a, 'dka', OPERATE_ROLES)),
    ),
    ...appScopedPermissions(),
    ...organizationPermissions(),
    ...ownAccountPermissions(),
    ...REFERENCE_RESOURCES.map((name) => permission(name, 'read')),
  ];
}

/**
 * The permissions of a signed-in user session (role `default-user`).
 * @throws never
 * @example
 * const names = defaultUserPermissions();
 */
export function defaultUserPermissions(): string[] {
  return [
    ...userBasePermissions(),
    ...apiKeyPermissions(true),
    AUTH_CREATE_TOKEN,
    AUTH_CREDENTIALS_LOGIN,
  ];
}

/**
 * The permissions of a named user API key: like a session, but it cannot mint tokens or user keys, and it may only
 * read API keys.
 * @throws never
 * @example
 * const names = namedUserApiKeyPermissions();
 */
export function namedUserApiKeyPermissions(): string[] {
  return [...userBasePermissions(), ...apiKeyPermissions(false)];
}

/**
 * The permissions of an application provisioning key: create devices in its own fleet and read that fleet.
 * @throws never
 * @example
 * const names = provisioningApiKeyPermissions();
 */
export function provisioningApiKeyPermissions(): string[] {
  return [
    permission('application', 'read', 'actor eq @__ACTOR_ID'),
    permission('device', 'create', 'belongs_to__application/any(pa:pa/actor eq @__ACTOR_ID)'),
    ...REFERENCE_RESOURCES.map((name) => permission(name, 'read')),
  ];
}

/**
 * The permissions of a device API key: read and report its own state, its fleet's configuration and releases.
 * @throws never
 * @example
 * const names = deviceApiKeyPermissions();
 */
export function deviceApiKeyPermissions(): string[] {
  const own = (path: string) => ownDevice(path, 'k');
  const all = (name: string, filter: string) =>
    (['read', 'create', 'update', 'delete'] as const).map((verb) => permission(name, verb, filter));
  return [
    permission('device', 'read', own('')),
    permission('device', 'update', own('')),
    permission('application', 'read', 'owns__device/any(kd:kd/actor eq @__ACTOR_ID)'),
    ...[
      'application_tag',
      'application_environment_variable',
      'application_config_variable',
      'service',
    ].map((name) => permission(name, 'read', ownDeviceApp('application', 'k'))),
    permission('release', 'read', ownDeviceApp('belongs_to__application', 'k')),
    permission(
      'release_tag',
      'read',
      `release/any(kr:kr/${ownDeviceApp('belongs_to__application', 'k')})`,
    ),
    permission(
      'release_image',
      'read',
      `is_part_of__release/any(kr:kr/${ownDeviceApp('belongs_to__application', 'k')})`,
    ),
    permission(
      'image',
      'read',
      `is_a_build_of__service/any(ks:ks/${ownDeviceApp('application', 'k')})`,
    ),
    ...all('device_tag', own('device')),
    ...all('device_environment_variable', own('device')),
    ...(['read', 'create', 'update'] as const).map((verb) =>
      permission('device_config_variable', verb, own('device')),
    ),
    ...(['read', 'create', 'update', 'delete'] as const).map((verb) =>
      permission('service_install', verb, own('device')),
    ),
    ...(['read', 'create', 'update'] as const).map((verb) =>
      permission('image_install', verb, own('device')),
    ),
    ...all('device_service_environment_variable', `service_install/any(ksi:ksi/${own('device')})`),
    ...REFERENCE_RESOURCES.map((name) => permission(name, 'read')),
  ];
}

/**
 * The permissions of anonymous callers (merged by pinejs into every actor's set): the public hardware catalogue
 * and public fleets with their releases. Guest permissions may not use `@__ACTOR_ID`.
 * @throws never
 * @example
 * const names = guestPermissions();
 */
export function guestPermissions(): string[] {
  const publicApp = (path: string) => `${path}/any(ga:ga/is_public eq true)`;
  const publicRelease = (path: string) =>
    `${path}/any(gr:gr/${publicApp('belongs_to__application')})`;
  return [
    permission('device_type', 'read', 'is_private eq false'),
    ...[
      'cpu_architecture',
      'device_type_alias',
      'device_family',
      'device_manufacturer',
      'application_type',
    ].map((name) => permission(name, 'read')),
    permission('application', 'read', 'is_public eq true'),
    permission('application_tag', 'read', publicApp('application')),
    permission('service', 'read', publicApp('application')),
    permission('release', 'read', publicApp('belongs_to__application')),
    permission('release_tag', 'read', publicRelease('release')),
    permission('release_asset', 'read', publicRelease('release')),
    permission('release_image', 'read', publicRelease('is_part_of__release')),
    permission('image', 'read', `is_a_build_of__service/any(gs:gs/${publicApp('application')})`),
  ];
}

/** Every role this server defines, with its permission names. */
export function rolePermissions(): Record<string, string[]> {
  return {
    [ROLE_DEFAULT_USER]: defaultUserPermissions(),
    [ROLE_NAMED_USER_API_KEY]: namedUserApiKeyPermissions(),
    [ROLE_PROVISIONING_API_KEY]: provisioningApiKeyPermissions(),
    [ROLE_DEVICE_API_KEY]: deviceApiKeyPermissions(),
  };
}
