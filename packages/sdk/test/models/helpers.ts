// Fixtures for model tests against the real local API: a logged-in SDK for a fresh user, unique
// names, and fleets created straight through pine (so any model's tests can use them).
import { inject } from 'vitest';
import { createTestUser, type TestUser } from 'balena-local-api/testing';
import { getSdk, type BalenaSDK, type SdkOptions } from '../../src/index.js';

/** A fresh user and an SDK logged in as that user. */
export interface LoggedInUser {
  sdk: BalenaSDK;
  user: TestUser;
  apiUrl: string;
}

let nameCounter = 0;

/**
 * A name no other test in this run uses: `<prefix>_<pid><time><n>` (letters, digits, `_`).
 * @param prefix - what the name is for, e.g. `fleet`.
 * @example
 * const name = uniqueName('fleet'); // 'fleet_12345lq2x1'
 */
export function uniqueName(prefix: string): string {
  nameCounter += 1;
  return `${prefix}_${process.pid}${Date.now().toString(36)}${nameCounter}`;
}

/**
 * Registers a new user on the test run's local API (or another one) and returns an SDK logged in as it.
 * @param options - extra SDK options (`dataDirectory: false` is always set).
 * @param apiUrl - the API to use; the test run's shared local API by default.
 * @throws when the API is not reachable or registration fails.
 * @example
 * const { sdk, user } = await loginNewUser();
 */
export async function loginNewUser(
  options: Partial<SdkOptions> = {},
  apiUrl: string = inject('apiUrl'),
): Promise<LoggedInUser> {
  const user = await createTestUser(apiUrl);
  const sdk = getSdk({ ...options, apiUrl, dataDirectory: false });
  await sdk.auth.loginWithToken(user.token);
  return { sdk, user, apiUrl };
}

/** A fleet created for a test. */
export interface TestFleet {
  id: number;
  slug: string;
  uuid: string;
  app_name: string;
}

/**
 * Creates a fleet in the user's personal organization with a plain pine POST.
 * @param owner - the logged-in user.
 * @param fields - `app_name` (unique by default) and `deviceType` slug (default `raspberrypi3`).
 * @throws when the API rejects the fleet.
 * @example
 * const fleet = await createTestFleet(owner);
 */
export async function createTestFleet(
  owner: LoggedInUser,
  fields: { app_name?: string; deviceType?: string; organization?: number } = {},
): Promise<TestFleet> {
  const { sdk } = owner;
  const [deviceType] = await sdk.pine.get({
    resource: 'device_type',
    options: { $select: 'id', $filter: { slug: fields.deviceType ?? 'raspberrypi3' } },
  });
  const organization = fields.organization ?? (await personalOrganizationId(owner));
  const created = await sdk.pine.post({
    resource: 'application',
    body: {
      app_name: fields.app_name ?? uniqueName('fleet'),
      organization,
      is_for__device_type: deviceType.id,
    },
  });
  const fleet = await sdk.pine.get({
    resource: 'application',
    id: created.id,
    options: { $select: ['id', 'slug', 'uuid', 'app_name'] },
  });
  if (fleet === undefined) throw new Error(`fleet ${created.id} vanished`);
  return fleet;
}

/**
 * The id of the user's personal organization (handle = username).
 * @param owner - the logged-in user.
 * @throws when the organization is missing.
 * @example
 * const orgId = await personalOrganizationId(owner);
 */
export async function personalOrganizationId(owner: LoggedInUser): Promise<number> {
  const org = await owner.sdk.pine.get({
    resource: 'organization',
    id: { handle: owner.user.username },
    options: { $select: 'id' },
  });
  if (org === undefined) throw new Error(`no organization ${owner.user.username}`);
  return org.id;
}
