// Cascading deletes (api-spec §1.6): the model's foreign keys do not cascade, so deleting a parent first deletes
// its dependents, in the request's transaction, children before parents.
import { hooks, sbvrUtils } from '@balena/pinejs';
import { closeDeviceHistory } from './device-history.js';
import { API_ROOT, type HookArgs, type Tx } from './hook-utils.js';

/** One dependent table: rows whose `column` references the deleted parent ids. */
interface Dependent {
  table: string;
  column: string;
  /** dependents of this dependent, deleted first */
  children?: Dependent[];
  /** set the column to NULL instead of deleting the row */
  detach?: boolean;
}

const RELEASE_IMAGE_CHILDREN: Dependent[] = [
  { table: 'release image-has-label name', column: 'release image' },
  { table: 'release image-has-name', column: 'release image' },
];
const SERVICE_INSTALL_CHILDREN: Dependent[] = [
  { table: 'service install-has-name', column: 'service install' },
];
const IMAGE_CHILDREN: Dependent[] = [
  { table: 'device-installs-image', column: 'installs-image' },
  { table: 'image-is part of-release', column: 'image', children: RELEASE_IMAGE_CHILDREN },
];
const DEVICE_CHILDREN: Dependent[] = [
  { table: 'device-has-config var name', column: 'device' },
  { table: 'device-has-env var name', column: 'device' },
  { table: 'device-has-tag key', column: 'device' },
  { table: 'device-has-fqdn', column: 'device' },
  { table: 'device-installs-image', column: 'device' },
  { table: 'device-installs-service', column: 'device', children: SERVICE_INSTALL_CHILDREN },
  { table: 'device history', column: 'tracks-device', detach: true },
];
const RELEASE_CHILDREN: Dependent[] = [
  { table: 'release-has-tag key', column: 'release' },
  { table: 'release-has-asset key', column: 'release' },
  { table: 'device-installs-image', column: 'is provided by-release' },
  // History outlives the release it mentions, as it outlives the device.
  { table: 'device history', column: 'is running-release', detach: true },
  { table: 'device history', column: 'is pinned on-release', detach: true },
  {
    table: 'image-is part of-release',
    column: 'is part of-release',
    children: RELEASE_IMAGE_CHILDREN,
  },
];
const SERVICE_CHILDREN: Dependent[] = [
  { table: 'service-has-name', column: 'service' },
  { table: 'service-has-label name', column: 'service' },
  {
    table: 'device-installs-service',
    column: 'installs-service',
    children: SERVICE_INSTALL_CHILDREN,
  },
  { table: 'image', column: 'is a build of-service', children: IMAGE_CHILDREN },
];
const APPLICATION_CHILDREN: Dependent[] = [
  { table: 'device', column: 'belongs to-application', children: DEVICE_CHILDREN },
  { table: 'application-has-config var name', column: 'application' },
  { table: 'application-has-env var name', column: 'application' },
  { table: 'application-has-build var name', column: 'application' },
  { table: 'application-has-tag key', column: 'application' },
  { table: 'application-has-domain', column: 'application' },
  { table: 'user-is member of-application', column: 'is member of-application' },
  { table: 'invitee-is invited to-application', column: 'is invited to-application' },
  { table: 'team-grants access to-application', column: 'grants access to-application' },
  { table: 'device history', column: 'belongs to-application', detach: true },
  { table: 'application-can use-application-as host', column: 'application' },
  { table: 'application-can use-application-as host', column: 'can use-application' },
  { table: 'release', column: 'belongs to-application', children: RELEASE_CHILDREN },
  { table: 'application-has-service name', column: 'application', children: SERVICE_CHILDREN },
];

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function deleteDependents(
  tx: Tx,
  parentIds: number[],
  dependents: Dependent[],
): Promise<void> {
  if (parentIds.length === 0) return;
  for (const dependent of dependents) {
    const table = quote(dependent.table);
    const column = quote(dependent.column);
    if (dependent.detach === true) {
      await tx.executeSql(
        `UPDATE ${table} SET ${column} = NULL WHERE ${column} = ANY($1::integer[])`,
        [parentIds],
      );
      continue;
    }
    if (dependent.children != null) {
      const { rows } = await tx.executeSql(
        `SELECT "id" FROM ${table} WHERE ${column} = ANY($1::integer[])`,
        [parentIds],
      );
      const ids = rows.map((row) => Number(row.id));
      if (dependent.table === 'device') await closeDeviceHistory(tx, ids, undefined);
      await deleteDependents(tx, ids, dependent.children);
    }
    if (dependent.table === 'device') await deleteActorKeys(tx, 'device', column, parentIds);
    await tx.executeSql(`DELETE FROM ${table} WHERE ${column} = ANY($1::integer[])`, [parentIds]);
  }
}

/** Deletes the API keys (and their role links) of the actors of the rows about to be deleted. */
async function deleteActorKeys(
  tx: Tx,
  table: string,
  column: string,
  parentIds: number[],
): Promise<void> {
  const actors = `SELECT "actor" FROM ${quote(table)} WHERE ${column} = ANY($1::integer[])`;
  const keys = `SELECT "id" FROM "api key" WHERE "is of-actor" IN (${actors})`;
  await tx.executeSql(`DELETE FROM "api key-has-role" WHERE "api key" IN (${keys})`, [parentIds]);
  await tx.executeSql(`DELETE FROM "api key-has-permission" WHERE "api key" IN (${keys})`, [
    parentIds,
  ]);
  await tx.executeSql(`DELETE FROM "api key" WHERE "is of-actor" IN (${actors})`, [parentIds]);
}

function cascade(resource: string, table: string, dependents: Dependent[]) {
  hooks.addPureHook('DELETE', API_ROOT, resource, {
    PRERUN: async (args: HookArgs & { tx: Tx }) => {
      const ids = await sbvrUtils.getAffectedIds(args);
      if (table === 'device') {
        await closeDeviceHistory(args.tx, ids, args.req.user?.actor ?? args.req.apiKey?.actor);
      }
      await deleteDependents(args.tx, ids, dependents);
      if (table === 'application' || table === 'device')
        await deleteActorKeys(args.tx, table, '"id"', ids);
    },
  });
}

/**
 * Registers the cascading-delete hooks for applications, devices, releases, services, images, release images,
 * service installs and API keys.
 * @throws Error when the model lacks one of the resources
 * @example
 * registerCascadeRules();
 */
export function registerCascadeRules(): void {
  cascade('application', 'application', APPLICATION_CHILDREN);
  cascade('device', 'device', DEVICE_CHILDREN);
  cascade('release', 'release', RELEASE_CHILDREN);
  cascade('service', 'application-has-service name', SERVICE_CHILDREN);
  cascade('image', 'image', IMAGE_CHILDREN);
  cascade('release_image', 'image-is part of-release', RELEASE_IMAGE_CHILDREN);
  cascade('service_install', 'device-installs-service', SERVICE_INSTALL_CHILDREN);
  cascade('api_key', 'api key', [
    { table: 'api key-has-role', column: 'api key' },
    { table: 'api key-has-permission', column: 'api key' },
  ]);
}
