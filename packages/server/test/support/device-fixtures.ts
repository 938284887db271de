// Fixtures of the device tests: a user's fleet, a provisioning key, and releases with service images.
import { request, getRows, odata } from './odata-client.js';

/** A fleet created for a test user. */
export interface TestFleet {
  id: number;
  uuid: string;
  deviceTypeSlug: string;
}

async function created(reply: { status: number; text: string; json: unknown }, what: string) {
  if (reply.status !== 201 && reply.status !== 200)
    throw new Error(`${what} → ${reply.status} ${reply.text}`);
  return reply.json as Record<string, unknown>;
}

/**
 * Creates a fleet in the user's personal organization.
 * @param apiUrl the API base URL
 * @param token the user's session token
 * @param appName the fleet name
 * @param deviceTypeSlug the fleet's device type
 * @throws when a request fails
 * @example
 * const fleet = await createFleet(apiUrl, user.token, 'my-fleet');
 */
export async function createFleet(
  apiUrl: string,
  token: string,
  appName: string,
  deviceTypeSlug = 'raspberrypi4-64',
): Promise<TestFleet> {
  const [org] = await getRows<{ id: number }>(apiUrl, '/v7/organization?$select=id', token);
  const [deviceType] = await getRows<{ id: number }>(
    apiUrl,
    odata(`/v7/device_type?$select=id&$filter=slug eq '${deviceTypeSlug}'`),
  );
  const app = await created(
    await request(apiUrl, 'POST', '/v7/application', {
      token,
      body: { app_name: appName, organization: org.id, is_for__device_type: deviceType.id },
    }),
    'Creating the fleet',
  );
  return { id: Number(app.id), uuid: String(app.uuid), deviceTypeSlug };
}

/**
 * Creates a provisioning key of a fleet.
 * @param apiUrl the API base URL
 * @param token the user's session token
 * @param fleetId the fleet id
 * @throws when the request fails
 * @example
 * const key = await createProvisioningKey(apiUrl, user.token, fleet.id);
 */
export async function createProvisioningKey(
  apiUrl: string,
  token: string,
  fleetId: number,
): Promise<string> {
  const reply = await request(apiUrl, 'POST', '/api-key/v2/', {
    token,
    body: {
      actorType: 'application',
      actorTypeId: fleetId,
      roles: ['provisioning-api-key'],
      name: null,
      description: null,
      expiryDate: null,
    },
  });
  if (reply.status !== 200) throw new Error(`Provisioning key → ${reply.status} ${reply.text}`);
  return reply.json as string;
}

/** A successful release with one image per service. */
export interface TestRelease {
  id: number;
  commit: string;
  images: Record<string, number>;
  services: Record<string, number>;
}

/**
 * Creates a successful release of a fleet (it becomes the fleet's target release) with the given services.
 * @param apiUrl the API base URL
 * @param token the user's session token
 * @param fleetId the fleet id
 * @param serviceNames services of the release (created when missing)
 * @throws when a request fails
 * @example
 * const release = await createRelease(apiUrl, user.token, fleet.id, ['main']);
 */
export async function createRelease(
  apiUrl: string,
  token: string,
  fleetId: number,
  serviceNames: string[],
): Promise<TestRelease> {
  const commit = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join(
    '',
  );
  const now = new Date().toISOString();
  const composition = {
    services: Object.fromEntries(serviceNames.map((name) => [name, { restart: 'always' }])),
  };
  const release = await created(
    await request(apiUrl, 'POST', '/v7/release', {
      token,
      body: {
        belongs_to__application: fleetId,
        commit,
        composition,
        status: 'running',
        source: 'cloud',
        start_timestamp: now,
      },
    }),
    'Creating the release',
  );
  const images: Record<string, number> = {};
  const services: Record<string, number> = {};
  for (const name of serviceNames) {
    const [existing] = await getRows<{ id: number }>(
      apiUrl,
      odata(
        `/v7/service?$select=id&$filter=application eq ${fleetId} and service_name eq '${name}'`,
      ),
      token,
    );
    const serviceId =
      existing?.id ??
      Number(
        (
          await created(
            await request(apiUrl, 'POST', '/v7/service', {
              token,
              body: { application: fleetId, service_name: name },
            }),
            'Creating the service',
          )
        ).id,
      );
    services[name] = serviceId;
    const image = await created(
      await request(apiUrl, 'POST', '/v7/image', {
        token,
        body: {
          is_a_build_of__service: serviceId,
          start_timestamp: now,
          push_timestamp: now,
          status: 'success',
          is_stored_at__image_location: 'ignored',
        },
      }),
      'Creating the image',
    );
    images[name] = Number(image.id);
    await created(
      await request(apiUrl, 'POST', '/v7/release_image', {
        token,
        body: { image: image.id, is_part_of__release: release.id },
      }),
      'Linking the image',
    );
  }
  await created(
    await request(apiUrl, 'PATCH', `/v7/release(${String(release.id)})`, {
      token,
      body: { status: 'success' },
    }),
    'Finishing the release',
  );
  return { id: Number(release.id), commit, images, services };
}
