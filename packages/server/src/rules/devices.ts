// Device rules: actor, uuid and name generation/validation, activity and event timestamps, OS variant derivation
// and pin reset on fleet moves (api-spec §1.4 Devices).
import { errors, hooks, sbvrUtils } from '@balena/pinejs';
import { canAccess } from '../permissions/can-access.js';
import { HISTORY_TRACKED_FIELDS, closeDeviceHistory, openDeviceHistory } from './device-history.js';
import { checkOsTargets, trackReportedVersions } from './device-os-releases.js';
import { checkOsVersionRange } from './os-version-range.js';
import { ensureServiceInstalls, resetMovedDevices } from './service-installs.js';
import {
  API_ROOT,
  badRequest,
  check,
  createActor,
  fkId,
  isExternalCaller,
  withTx,
  type HookArgs,
  type Tx,
} from './hook-utils.js';
import {
  checkDeviceName,
  checkDeviceUuid,
  generateDeviceName,
  generateDeviceUuid,
} from './validators.js';

/** Applies the write side effects shared by POST and PATCH (timestamps, activity, OS variant). */
function applyWriteEffects(values: Record<string, unknown>): void {
  const now = new Date();
  if ('is_connected_to_vpn' in values) {
    values.is_online = values.is_connected_to_vpn;
    values.last_vpn_event = now;
  }
  if ('is_online' in values) {
    values.last_connectivity_event = now;
    // A device becomes active on its first connectivity (the cloud's "inactive" state ends there).
    if (values.is_online === true && !('is_active' in values)) values.is_active = true;
  }
  if ('update_status' in values) values.last_update_status_event = now;
  if (typeof values.os_version === 'string' && !('os_variant' in values)) {
    const variant = /\((prod|dev)\)\s*$/.exec(values.os_version);
    if (variant != null) values.os_variant = variant[1];
  }
  if ('device_name' in values) check(checkDeviceName(values.device_name));
}

async function prepareNewDevice({ request, tx }: HookArgs): Promise<void> {
  const { values } = request;
  if (values.uuid == null || values.uuid === '') values.uuid = generateDeviceUuid();
  else check(checkDeviceUuid(values.uuid));
  if (values.device_name == null || values.device_name === '')
    values.device_name = generateDeviceName();
  delete values.should_be_running__release;
  applyWriteEffects(values);
  values.actor = await withTx(tx, (t) => createActor(t));
}

function prepareDeviceUpdate({ request }: HookArgs): void {
  const { values } = request;
  delete values.actor;
  delete values.should_be_running__release;
  if ('uuid' in values) check(checkDeviceUuid(values.uuid));
  if ('belongs_to__application' in values && !('is_pinned_on__release' in values))
    values.is_pinned_on__release = null;
  if ('is_of__device_type' in values && !('should_be_operated_by__release' in values)) {
    values.should_be_operated_by__release = null;
  }
  applyWriteEffects(values);
}

const TARGET_FIELDS = ['belongs_to__application', 'is_pinned_on__release'];
const REPORTED_FIELDS = ['os_version', 'os_variant', 'supervisor_version'];
const OS_FIELDS = [
  ...REPORTED_FIELDS,
  'should_be_operated_by__release',
  'should_be_managed_by__release',
];

/** The acting actor of a request, for history rows (none for pinejs's root user). */
function actorOf(req: HookArgs['req']): number | undefined {
  const actor = req.user?.actor ?? req.apiKey?.actor;
  return actor == null || actor === 0 ? undefined : actor;
}

/** Moving devices into a fleet the caller cannot see answers 404, as the real API does. */
async function refuseInaccessibleTarget(args: HookArgs & { tx: Tx }): Promise<void> {
  const target = fkId(args.request.values.belongs_to__application);
  if (target == null || !isExternalCaller(args)) return;
  const subject = { user: args.req.user, apiKey: args.req.apiKey };
  if (!(await canAccess(subject, args.tx, 'application', target, 'read'))) {
    throw new errors.NotFoundError("Application doesn't exist or you have no access to it.");
  }
}

/** Deactivating (`is_active: false`) is refused while any affected device is online. */
async function refuseDeactivatingOnline(args: HookArgs & { tx: Tx }): Promise<void> {
  if (args.request.values.is_active !== false) return;
  const ids = await sbvrUtils.getAffectedIds(args);
  if (ids.length === 0) return;
  const { rows } = await args.tx.executeSql(
    `SELECT 1 FROM "device" WHERE "id" = ANY($1::integer[]) AND ("is online" = true OR "api heartbeat state" = 'online') LIMIT 1`,
    [ids],
  );
  if (rows.length > 0) badRequest('Devices must be offline in order to be deactivated.');
}

/**
 * Registers the device hooks.
 * @throws Error when the model lacks the device resource
 * @example
 * registerDeviceRules();
 */
export function registerDeviceRules(): void {
  hooks.addPureHook('POST', API_ROOT, 'device', {
    POSTPARSE: prepareNewDevice,
    PRERUN: async ({ request, tx }) => {
      await checkOsTargets(tx, request.values, []);
    },
    POSTRUN: async ({ req, tx, result }) => {
      if (typeof result !== 'number') return;
      await checkOsVersionRange(tx, [result]);
      await ensureServiceInstalls(tx, [result]);
      await trackReportedVersions(tx, [result]);
      await openDeviceHistory(tx, [result], actorOf(req));
    },
  });
  for (const method of ['PATCH', 'PUT'] as const) {
    hooks.addPureHook(method, API_ROOT, 'device', {
      POSTPARSE: prepareDeviceUpdate,
      PRERUN: async (args) => {
        await refuseDeactivatingOnline(args);
        await refuseInaccessibleTarget(args);
        const watched = [...TARGET_FIELDS, ...HISTORY_TRACKED_FIELDS, ...OS_FIELDS];
        if (watched.some((field) => field in args.request.values)) {
          await checkOsTargets(args.tx, args.request.values, await sbvrUtils.getAffectedIds(args));
        }
      },
      POSTRUN: async ({ req, request, tx }) => {
        const ids = request.affectedIds ?? [];
        if ('belongs_to__application' in request.values) await resetMovedDevices(tx, ids);
        if (TARGET_FIELDS.some((field) => field in request.values)) {
          await ensureServiceInstalls(tx, ids);
        }
        if (REPORTED_FIELDS.some((field) => field in request.values)) {
          await trackReportedVersions(tx, ids);
        }
        if ('belongs_to__application' in request.values) {
          await checkOsVersionRange(tx, ids);
        }
        if (HISTORY_TRACKED_FIELDS.some((field) => field in request.values)) {
          await closeDeviceHistory(tx, ids, actorOf(req));
          await openDeviceHistory(tx, ids, actorOf(req));
        }
      },
    });
  }
}
