// The demo account `npm start` offers: a user with a personal organization and a few fleets.
import * as pine from '@balena/pinejs';
import { createUser, UserConflictError } from '../identity/index.js';
import type { Tx } from './sql.js';

/** Credentials of the demo account. */
export const DEMO_ACCOUNT = {
  email: 'demo@balena-local.test',
  username: 'demo',
  password: 'balena-demo-password',
} as const;

const DEMO_FLEETS = [
  {
    appName: 'living-room-displays',
    deviceType: 'raspberrypi4-64',
    devices: ['kitchen-display', 'hallway-display'],
  },
  { appName: 'greenhouse-sensors', deviceType: 'raspberrypi3', devices: ['tomato-bed'] },
  { appName: 'edge-gateways', deviceType: 'intel-nuc', devices: [] },
] as const;

/**
 * Creates the demo user and its fleets and devices unless the demo user already exists.
 * @param tx the open transaction.
 * @returns whether anything was created.
 * @throws when the user, a fleet or a device cannot be created.
 * @example
 * await pine.sbvrUtils.db.transaction((tx) => seedDemoAccount(tx));
 */
export async function seedDemoAccount(tx: Tx): Promise<boolean> {
  try {
    await createUser({ ...DEMO_ACCOUNT }, { tx });
  } catch (err) {
    if (err instanceof UserConflictError) return false;
    throw err;
  }
  const api = pine.sbvrUtils.api.v7;
  const passthrough = { tx, req: pine.permissions.root };
  const [organization] = (await api.get({
    resource: 'organization',
    options: { $select: 'id', $filter: { handle: DEMO_ACCOUNT.username } },
    passthrough,
  })) as Array<{ id: number }>;
  for (const fleet of DEMO_FLEETS) {
    const [deviceType] = (await api.get({
      resource: 'device_type',
      options: { $select: 'id', $filter: { slug: fleet.deviceType } },
      passthrough,
    })) as Array<{ id: number }>;
    const application = (await api.post({
      resource: 'application',
      body: {
        app_name: fleet.appName,
        organization: organization.id,
        is_for__device_type: deviceType.id,
      },
      passthrough,
    })) as { id: number };
    for (const deviceName of fleet.devices) {
      await api.post({
        resource: 'device',
        body: {
          belongs_to__application: application.id,
          is_of__device_type: deviceType.id,
          device_name: deviceName,
        },
        passthrough,
      });
    }
  }
  return true;
}
