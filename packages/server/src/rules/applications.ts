// Application rules: actor, uuid, defaults, name characters, slug maintenance, device-type architecture changes,
// and breaking the release reference before delete (api-spec §1.4 Applications).
import { hooks, sbvrUtils } from '@balena/pinejs';
import {
  API_ROOT,
  badRequest,
  check,
  createActor,
  fkId,
  withTx,
  type HookArgs,
  type Tx,
} from './hook-utils.js';
import { updateTrackedReleases } from './releases.js';
import { ensureFleetServiceInstalls } from './service-installs.js';
import { recomputeSlugs } from './slugs.js';
import {
  checkAppNameCharacters,
  checkApplicationUuid,
  generateApplicationUuid,
} from './validators.js';

async function defaultApplicationTypeId(tx: Tx): Promise<number | undefined> {
  const { rows } = await tx.executeSql(
    `SELECT "id" FROM "application type" WHERE "slug" = 'default'`,
  );
  return rows.length === 0 ? undefined : Number(rows[0].id);
}

async function cpuArchitectureOf(tx: Tx, deviceTypeId: number): Promise<number | undefined> {
  const { rows } = await tx.executeSql(
    `SELECT "is of-cpu architecture" AS arch FROM "device type" WHERE "id" = $1`,
    [deviceTypeId],
  );
  return rows.length === 0 ? undefined : Number(rows[0].arch);
}

async function prepareNewApplication({ request, tx }: HookArgs): Promise<void> {
  const { values } = request;
  if (values.uuid == null || values.uuid === '') values.uuid = generateApplicationUuid();
  else check(checkApplicationUuid(values.uuid));
  if ('app_name' in values) check(checkAppNameCharacters(values.app_name));
  values.should_track_latest_release = true;
  // The slug is always computed; a placeholder satisfies NOT NULL until POSTRUN writes the real one.
  values.slug = `pending/${values.uuid as string}`;
  delete values.should_be_running__release;
  await withTx(tx, async (t) => {
    values.actor = await createActor(t);
    if (values.application_type == null) {
      const typeId = await defaultApplicationTypeId(t);
      if (typeId != null) values.application_type = typeId;
    }
  });
}

async function checkDeviceTypeChange(args: HookArgs & { tx: Tx }): Promise<void> {
  const newType = fkId(args.request.values.is_for__device_type);
  if (newType == null) return;
  const newArch = await cpuArchitectureOf(args.tx, newType);
  const ids = await sbvrUtils.getAffectedIds(args);
  if (ids.length === 0) return;
  const { rows } = await args.tx.executeSql(
    `SELECT DISTINCT dt."is of-cpu architecture" AS arch FROM "application" a
     JOIN "device type" dt ON dt."id" = a."is for-device type" WHERE a."id" = ANY($1::integer[])`,
    [ids],
  );
  if (rows.some((row) => Number(row.arch) !== newArch)) {
    badRequest(
      'The new default device type should be of the same cpu architecture as the previous one.',
    );
  }
}

/**
 * Registers the application hooks.
 * @throws Error when the model lacks the application resource
 * @example
 * registerApplicationRules();
 */
export function registerApplicationRules(): void {
  hooks.addPureHook('POST', API_ROOT, 'application', {
    POSTPARSE: prepareNewApplication,
    POSTRUN: async ({ tx, result }) => {
      if (typeof result === 'number') await recomputeSlugs(tx, [result]);
    },
  });
  for (const method of ['PATCH', 'PUT'] as const) {
    hooks.addPureHook(method, API_ROOT, 'application', {
      POSTPARSE: ({ request }) => {
        const { values } = request;
        delete values.slug;
        delete values.actor;
        if ('app_name' in values) check(checkAppNameCharacters(values.app_name));
        if ('uuid' in values) check(checkApplicationUuid(values.uuid));
      },
      PRERUN: async (args) => {
        await checkDeviceTypeChange(args);
        const { values } = args.request;
        const tracked = [
          'app_name',
          'organization',
          'should_track_latest_release',
          'should_be_running__release',
        ];
        if (tracked.some((field) => field in values)) await sbvrUtils.getAffectedIds(args);
      },
      POSTRUN: async ({ request, tx }) => {
        if ('app_name' in request.values || 'organization' in request.values) {
          await recomputeSlugs(tx, request.affectedIds ?? []);
        }
        // Switching back to "track latest" without naming a release points the fleet at its latest release.
        if (
          request.values.should_track_latest_release === true &&
          !('should_be_running__release' in request.values)
        ) {
          await updateTrackedReleases(tx, request.affectedIds ?? []);
        }
        if ('should_be_running__release' in request.values) {
          await ensureFleetServiceInstalls(tx, request.affectedIds ?? []);
        }
      },
    });
  }
  hooks.addPureHook('DELETE', API_ROOT, 'application', {
    PRERUN: async (args) => {
      const ids = await sbvrUtils.getAffectedIds(args);
      if (ids.length === 0) return;
      await args.tx.executeSql(
        `UPDATE "application" SET "should be running-release" = NULL WHERE "id" = ANY($1::integer[])`,
        [ids],
      );
    },
  });
}
