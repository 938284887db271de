// Simulated devices for the demo account (`balena-local --demo [--devices N]`): each demo fleet gets a first release,
// the demo fleets' devices come online and run it, and more devices are registered in the first demo fleet until N
// run. Runs in the server's own process.
import { sbvrUtils } from '@balena/pinejs';
import { createApiKey } from '../identity/api-keys.js';
import { rootApi } from '../identity/db.js';
import { ROLE_DEVICE_API_KEY, ROLE_PROVISIONING_API_KEY } from '../permissions/index.js';
import type { SimulatedDevice } from './simulated-device.js';
import { ensureDemoRelease } from './demo-release.js';
import { startSimulatedDevice } from './start.js';

/** Options of {@link startDemoDevices}. */
export interface DemoDeviceOptions {
  /** Base URL of the running API. */
  apiUrl: string;
  /** The organization handle of the demo account. */
  organizationHandle: string;
  /** At least this many devices run (new ones are registered in the first demo fleet). */
  minimumDevices?: number;
  /** Poll interval of the simulated devices; default 10 s. */
  pollIntervalMs?: number;
  /** How often each device logs; default 15 s (0 = never). */
  logIntervalMs?: number;
}

interface DemoFleet {
  id: number;
  actor: number;
  deviceType: string;
  devices: Array<{ uuid: string; actor: number }>;
}

const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

type Row = Record<string, unknown>;

function first(value: unknown): Row | undefined {
  return Array.isArray(value) ? (value[0] as Row | undefined) : undefined;
}

function idOf(value: unknown): number {
  return typeof value === 'object' && value != null ? Number((value as Row).__id) : Number(value);
}

/**
 * Starts simulated devices for the demo account's fleets.
 * @param options the API URL, the demo organization and how many devices should run
 * @returns the running devices (stop them before closing the server)
 * @throws when the demo fleets cannot be read or a device cannot start
 * @example
 * const devices = await startDemoDevices({ apiUrl: server.url, organizationHandle: 'demo', minimumDevices: 5 });
 */
export async function startDemoDevices(options: DemoDeviceOptions): Promise<SimulatedDevice[]> {
  const expiryDate = new Date(Date.now() + KEY_LIFETIME_MS);
  const plan = await sbvrUtils.db.transaction(async (tx) => {
    const apps = (await rootApi(tx).get({
      resource: 'application',
      options: {
        $select: ['id', 'actor', 'app_name'],
        $filter: {
          organization: {
            $any: { $alias: 'o', $expr: { o: { handle: options.organizationHandle } } },
          },
        },
        $expand: {
          is_for__device_type: { $select: 'slug' },
          owns__device: { $select: ['uuid', 'actor'], $orderby: { id: 'asc' } },
        },
        $orderby: { id: 'asc' },
      },
    })) as Row[];
    const fleets: DemoFleet[] = apps.map((app) => ({
      id: Number(app.id),
      actor: idOf(app.actor),
      deviceType: String(first(app.is_for__device_type)?.slug),
      devices: (app.owns__device as Row[]).map((d) => ({
        uuid: String(d.uuid),
        actor: idOf(d.actor),
      })),
    }));
    for (const app of apps)
      await ensureDemoRelease(tx, { id: Number(app.id), name: String(app.app_name) });
    const existing: Array<{ uuid: string; apiKey: string }> = [];
    for (const fleet of fleets) {
      for (const device of fleet.devices) {
        const apiKey = await createApiKey(tx, device.actor, ROLE_DEVICE_API_KEY, {
          name: null,
          description: 'Demo device simulator',
          expiryDate,
        });
        existing.push({ uuid: device.uuid, apiKey });
      }
    }
    const missing = Math.max(0, (options.minimumDevices ?? 0) - existing.length);
    const target = fleets[0];
    const provisioningKey =
      missing > 0 && target != null
        ? await createApiKey(tx, target.actor, ROLE_PROVISIONING_API_KEY, {
            name: null,
            description: 'Demo device simulator',
            expiryDate,
          })
        : undefined;
    return { existing, missing, target, provisioningKey };
  });
  const pollIntervalMs = options.pollIntervalMs ?? 10_000;
  const logIntervalMs = options.logIntervalMs ?? 15_000;
  const devices: SimulatedDevice[] = [];
  for (const { uuid, apiKey } of plan.existing) {
    devices.push(
      await startSimulatedDevice({
        apiUrl: options.apiUrl,
        uuid,
        deviceApiKey: apiKey,
        pollIntervalMs,
        logIntervalMs,
      }),
    );
  }
  if (plan.provisioningKey != null && plan.target != null) {
    for (let i = 0; i < plan.missing; i += 1) {
      devices.push(
        await startSimulatedDevice({
          apiUrl: options.apiUrl,
          provisioningKey: plan.provisioningKey,
          applicationId: plan.target.id,
          deviceType: plan.target.deviceType,
          pollIntervalMs,
          logIntervalMs,
        }),
      );
    }
  }
  return devices;
}
