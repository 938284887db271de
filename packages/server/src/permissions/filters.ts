import { sbvrUtils } from '@balena/pinejs';

// OData filter fragments for permission strings. Every fragment is evaluated by pinejs against the resource the
// permission is on; `@__ACTOR_ID` is bound by pinejs to the caller's actor id. Lambda variables get a prefix so
// fragments can nest without clashing.

/** The pinejs vocabulary (the model's apiRoot) the balena resources live in. */
export const VOCABULARY = 'v7';

/** Application membership roles (cloud), from most to least powerful. */
export type ApplicationRole = 'developer' | 'operator' | 'observer';

/** Roles allowed each kind of access to an application's resources. */
export const READ_ROLES: readonly ApplicationRole[] = ['developer', 'operator', 'observer'];
export const OPERATE_ROLES: readonly ApplicationRole[] = ['developer', 'operator'];
export const DEVELOP_ROLES: readonly ApplicationRole[] = ['developer'];

/**
 * Filter on a `user` row: it is the caller.
 * @param v the lambda variable naming the user row
 * @throws never
 * @example
 * isCaller('u'); // "u/actor eq @__ACTOR_ID"
 */
export function isCaller(v: string): string {
  return `${nav(v, 'actor')} eq @__ACTOR_ID`;
}

/**
 * Joins a lambda variable and a navigation name; an empty variable means the permission's own resource.
 * @param v the lambda variable, or '' for the resource itself
 * @param name the navigation or field name
 * @throws never
 * @example
 * nav('a', 'organization'); // 'a/organization'
 */
export function nav(v: string, name: string): string {
  return v === '' ? name : `${v}/${name}`;
}

/**
 * Filter on an `organization` row: the caller is a member (optionally only as administrator).
 * @param org the lambda variable naming the organization ('' for the resource itself)
 * @param p a unique lambda prefix
 * @param adminOnly whether only administrators qualify
 * @throws never
 * @example
 * orgMember('o', 'x', true);
 */
export function orgMember(org: string, p: string, adminOnly: boolean): string {
  const role = adminOnly
    ? ` and ${p}m/organization_membership_role/any(${p}r:${p}r/name eq 'administrator')`
    : '';
  return `${nav(org, 'organization_membership')}/any(${p}m:${p}m/user/any(${p}u:${isCaller(`${p}u`)})${role})`;
}

/**
 * Filter on an `application` row: the caller administers its organization, or is an application member or a member
 * of a team granted access, with one of the roles.
 * @param app the lambda variable naming the application ('' for the resource itself)
 * @param p a unique lambda prefix
 * @param roles the application membership roles that qualify
 * @throws never
 * @example
 * appAccess('a', 'x', DEVELOP_ROLES);
 */
export function appAccess(app: string, p: string, roles: readonly ApplicationRole[]): string {
  const roleList = roles.map((role) => `'${role}'`).join(',');
  const viaOrg = `${nav(app, 'organization')}/any(${p}o:${orgMember(`${p}o`, `${p}o`, true)})`;
  const viaMembership =
    `${nav(app, 'user_application_membership')}/any(${p}am:${p}am/user/any(${p}au:${isCaller(`${p}au`)})` +
    ` and ${p}am/application_membership_role/any(${p}ar:${p}ar/name in (${roleList})))`;
  // Team members get the access their team was granted on the fleet, with the role of that grant.
  const viaTeam =
    `${nav(app, 'team_application_access')}/any(${p}ta:${p}ta/team/any(${p}tt:${p}tt/team_membership/any(` +
    `${p}tm:${p}tm/user/any(${p}tu:${isCaller(`${p}tu`)})))` +
    ` and ${p}ta/application_membership_role/any(${p}tr:${p}tr/name in (${roleList})))`;
  return `(${viaOrg} or ${viaMembership} or ${viaTeam})`;
}

/**
 * Filter reaching an application through a navigation path, e.g. `belongs_to__application`.
 * @param path the navigation from the permission's resource to the application
 * @param p a unique lambda prefix
 * @param roles the application membership roles that qualify
 * @throws never
 * @example
 * viaApp('belongs_to__application', 'd', OPERATE_ROLES);
 */
export function viaApp(path: string, p: string, roles: readonly ApplicationRole[]): string {
  return `${path}/any(${p}a:${appAccess(`${p}a`, p, roles)})`;
}

/**
 * Filter reaching the caller's own device (device API keys) through a navigation path.
 * @param path the navigation from the resource to the device (empty for the device itself)
 * @param p a unique lambda prefix
 * @throws never
 * @example
 * ownDevice('device', 'k'); // "device/any(kd:kd/actor eq @__ACTOR_ID)"
 */
export function ownDevice(path: string, p: string): string {
  return path === '' ? 'actor eq @__ACTOR_ID' : `${path}/any(${p}d:${p}d/actor eq @__ACTOR_ID)`;
}

/**
 * Filter reaching the application of the caller's own device (device API keys).
 * @param path the navigation from the resource to the application
 * @param p a unique lambda prefix
 * @throws never
 * @example
 * ownDeviceApp('belongs_to__application', 'k');
 */
export function ownDeviceApp(path: string, p: string): string {
  return `${path}/any(${p}a:${p}a/owns__device/any(${p}d:${p}d/actor eq @__ACTOR_ID))`;
}

/**
 * Builds one permission string.
 * @param resource the v7 resource name
 * @param verb read/create/update/delete/all or an action name
 * @param filter an optional OData filter the rows must satisfy
 * @throws never
 * @example
 * permission('device', 'read', 'actor eq @__ACTOR_ID'); // 'balena.device.read?actor eq @__ACTOR_ID'
 */
export function permission(resource: string, verb: string, filter?: string): string {
  return `${VOCABULARY}.${canonicalResourceName(resource)}.${verb}${filter == null ? '' : `?${filter}`}`;
}

/**
 * The name pinejs checks permissions under: term-form synonyms (`device_tag`) resolve to the fact-type resource
 * (`device__has__tag_key`). Falls back to the given name while the model is not loaded.
 * @param resource a v7 resource name or synonym
 * @throws never
 * @example
 * canonicalResourceName('service_install'); // 'device__installs__service'
 */
export function canonicalResourceName(resource: string): string {
  try {
    const request = { vocabulary: VOCABULARY, resourceName: resource } as Parameters<
      typeof sbvrUtils.resolveSynonym
    >[0];
    const table = sbvrUtils.getAbstractSqlModel(request).tables[sbvrUtils.resolveSynonym(request)];
    // pinejs checks permissions under the table's own name, which can differ from the synonym-resolved key.
    return (table?.name ?? resource).replace(/-/g, '__').replace(/ /g, '_');
  } catch {
    return resource;
  }
}
