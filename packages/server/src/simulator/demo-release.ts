// A first release for each demo fleet that has none, so the simulated demo devices run services the dashboard and
// the SDK can show (service installs, image installs, overall status).
import type { dbModule } from '@balena/pinejs';
import { rootApi } from '../identity/db.js';
import { randomHex } from './random.js';

/** Service names of the demo releases, by fleet name; other fleets get one `main` service. */
const DEMO_SERVICES: Record<string, string[]> = {
  'living-room-displays': ['kiosk', 'media-player'],
  'greenhouse-sensors': ['sensor-reader'],
  'edge-gateways': ['gateway'],
};

/**
 * Creates a successful release (its services, one image each) for a fleet without any release; it becomes the
 * fleet's target release.
 * @param tx the open transaction
 * @param fleet the fleet id and name
 * @returns whether a release was created
 * @throws the pine error when a row cannot be created
 * @example
 * await ensureDemoRelease(tx, { id: 3, name: 'greenhouse-sensors' });
 */
export async function ensureDemoRelease(
  tx: dbModule.Tx,
  fleet: { id: number; name: string },
): Promise<boolean> {
  const api = rootApi(tx);
  const existing = (await api.get({
    resource: 'release',
    options: { $select: 'id', $top: 1, $filter: { belongs_to__application: fleet.id } },
  })) as unknown[];
  if (existing.length > 0) return false;
  const names = DEMO_SERVICES[fleet.name] ?? ['main'];
  const now = new Date();
  const release = (await api.post({
    resource: 'release',
    body: {
      belongs_to__application: fleet.id,
      commit: randomHex(16),
      composition: {
        services: Object.fromEntries(names.map((name) => [name, { restart: 'always' }])),
      },
      status: 'running',
      source: 'local',
      start_timestamp: now,
    },
  })) as { id: number };
  for (const name of names) {
    const service = (await api.post({
      resource: 'service',
      body: { application: fleet.id, service_name: name },
    })) as { id: number };
    const image = (await api.post({
      resource: 'image',
      body: {
        is_a_build_of__service: service.id,
        start_timestamp: now,
        push_timestamp: now,
        status: 'success',
        is_stored_at__image_location: 'generated-by-the-api',
      },
    })) as { id: number };
    await api.post({
      resource: 'release_image',
      body: { image: image.id, is_part_of__release: release.id },
      options: { returnResource: false },
    });
  }
  await api.patch({
    resource: 'release',
    id: release.id,
    body: { status: 'success', end_timestamp: now },
  });
  return true;
}
