// The permission sets of every actor kind. Users get row-level filters that follow organization and application
// membership (cloud scoping, api-spec §3.4 and §3.6), so a user never reaches another user's fleets.
import {
  DEVELOP_ROLES,
  OPERATE_ROLES,
  READ_ROLES,
  appAccess,
  orgMember,
  ownDevice,
  ownDeviceApp,
  permission,
} from './filters.js';
import {
  along,
  appScopedPermissions,
  organizationPermissions,
  ownAccountPermissions,
} from './user-scopes.js';

/** Role names, as the real API spells them. */
export const ROLE_DEFAULT_USER = 'default-user';
export const ROLE_NAMED_USER_API_KEY = 'named-user-api-key';
export const ROLE_PROVISIONING_API_KEY = 'provisioning-api-key';
export const ROLE_DEVICE_API_KEY = 'device-api-key';

/** Non-OData capabilities checked by the identity routes. */
export const AUTH_CREATE_TOKEN = 'auth.create_token';
export const AUTH_CREDENTIALS_LOGIN = 'auth.credentials_login';

type Verb = 'read' | 'create' | 'update' | 'delete';

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
