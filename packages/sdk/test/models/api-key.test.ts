// models.apiKey against the real local API: named user keys, and the keys of fleets and devices.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSdk } from '../../src/index.js';
import { createTestFleet, loginNewUser, uniqueName, type LoggedInUser } from './helpers.js';

let alice: LoggedInUser;
let bob: LoggedInUser;

const MISSING_ID = 999_999_999;
const invalid = { code: 'BalenaInvalidParameterError' };

beforeAll(async () => {
  [alice, bob] = await Promise.all([loginNewUser(), loginNewUser()]);
});

/** An SDK that authenticates with the given API key. */
async function sdkWithKey(key: string) {
  const sdk = getSdk({ apiUrl: alice.apiUrl, dataDirectory: false });
  await sdk.auth.loginWithToken(key);
  return sdk;
}

describe('apiKey.create', () => {
  it('creates a working named key for the logged-in user', async () => {
    const key = await alice.sdk.models.apiKey.create({
      name: uniqueName('ci'),
      expiryDate: null,
      description: 'for CI',
    });
    expect(key).toMatch(/^[A-Za-z0-9]{32}$/);
    const keyed = await sdkWithKey(key);
    expect(await keyed.auth.getActorId()).toBe(alice.user.actorId);
  });

  it('rejects a missing expiry date or name before any request', async () => {
    const { apiKey } = alice.sdk.models;
    await expect(
      apiKey.create({ name: 'x' } as unknown as Parameters<typeof apiKey.create>[0]),
    ).rejects.toMatchObject(invalid);
    await expect(apiKey.create({ name: 'x', expiryDate: 'not a date' })).rejects.toMatchObject(
      invalid,
    );
    await expect(apiKey.create({ name: '', expiryDate: null })).rejects.toMatchObject(invalid);
  });

  it('reports any refusal as not logged in', async () => {
    const anonymous = getSdk({ apiUrl: alice.apiUrl, dataDirectory: false });
    await expect(
      anonymous.models.apiKey.create({ name: 'x', expiryDate: null }),
    ).rejects.toMatchObject({ code: 'BalenaNotLoggedIn' });
  });
});

describe('apiKey listings', () => {
  it('lists own keys ordered by name, and only named ones as named user keys', async () => {
    const owner = await loginNewUser();
    const { apiKey } = owner.sdk.models;
    await apiKey.create({ name: 'beta', expiryDate: null });
    await apiKey.create({ name: 'alpha', expiryDate: '2099-01-01T00:00:00.000Z' });
    const all = await apiKey.getAll({ $select: ['name', 'expiry_date'] });
    expect(all).toEqual([
      { name: 'alpha', expiry_date: '2099-01-01T00:00:00.000Z' },
      { name: 'beta', expiry_date: null },
    ]);
    const named = await apiKey.getAllNamedUserApiKeys({ $select: 'name' });
    expect(named.map((row) => row.name)).toEqual(['alpha', 'beta']);
    const seen: string[] = [];
    for await (const row of apiKey.iterateAll({ $select: 'name' }, { pageSize: 1 })) {
      seen.push(String(row.name));
    }
    expect(seen).toEqual(['alpha', 'beta']);
    expect(await apiKey.countAll()).toBe(2);
    expect(await apiKey.countAll({ $filter: { name: 'alpha' } })).toBe(1);
    expect(await bob.sdk.models.apiKey.getAll({ $filter: { name: 'alpha' } })).toEqual([]);
  });

  it('lists the provisioning keys of a fleet', async () => {
    const fleet = await createTestFleet(alice);
    await alice.sdk.request.send({
      method: 'POST',
      url: '/api-key/v2/',
      body: {
        actorType: 'application',
        actorTypeId: fleet.id,
        roles: ['provisioning-api-key'],
        name: 'provisioning',
        expiryDate: null,
      },
    });
    const keys = await alice.sdk.models.apiKey.getProvisioningApiKeysByApplication(fleet.slug, {
      $select: 'name',
    });
    expect(keys).toEqual([{ name: 'provisioning' }]);
    expect(
      await alice.sdk.models.apiKey.getProvisioningApiKeysByApplication(fleet.id),
    ).toHaveLength(1);
    await expect(
      bob.sdk.models.apiKey.getProvisioningApiKeysByApplication(fleet.id),
    ).rejects.toMatchObject({ code: 'BalenaApplicationNotFound' });
    await expect(
      alice.sdk.models.apiKey.getProvisioningApiKeysByApplication(''),
    ).rejects.toMatchObject(invalid);
  });

  it('lists the device keys of a device', async () => {
    const fleet = await createTestFleet(alice);
    const [deviceType] = await alice.sdk.pine.get({
      resource: 'device_type',
      options: { $select: 'id', $filter: { slug: 'raspberrypi3' } },
    });
    const uuid = randomBytes(16).toString('hex');
    const device = await alice.sdk.pine.post({
      resource: 'device',
      body: { belongs_to__application: fleet.id, is_of__device_type: deviceType.id, uuid },
    });
    await alice.sdk.request.send({
      method: 'POST',
      url: `/api-key/device/${device.id}/device-key`,
      body: { name: 'device key' },
    });
    const keys = await alice.sdk.models.apiKey.getDeviceApiKeysByDevice(uuid, { $select: 'name' });
    expect(keys).toEqual([{ name: 'device key' }]);
    expect(await alice.sdk.models.apiKey.getDeviceApiKeysByDevice(device.id)).toHaveLength(1);
    await expect(
      alice.sdk.models.apiKey.getDeviceApiKeysByDevice(randomBytes(16).toString('hex')),
    ).rejects.toMatchObject({ code: 'BalenaDeviceNotFound' });
    await expect(alice.sdk.models.apiKey.getDeviceApiKeysByDevice('abc')).rejects.toMatchObject(
      invalid,
    );
  });
});

describe('apiKey.update / revoke', () => {
  it('changes name, description and expiry date', async () => {
    const { apiKey } = alice.sdk.models;
    const name = uniqueName('upd');
    await apiKey.create({ name, expiryDate: null });
    const [row] = await apiKey.getAll({ $select: 'id', $filter: { name } });
    await apiKey.update(row.id, {
      name: `${name}_2`,
      description: 'changed',
      expiryDate: '2098-05-06T07:08:09.000Z',
    });
    expect(
      await apiKey.getAll({
        $select: ['name', 'description', 'expiry_date'],
        $filter: { id: row.id },
      }),
    ).toEqual([
      { name: `${name}_2`, description: 'changed', expiry_date: '2098-05-06T07:08:09.000Z' },
    ]);
    await apiKey.update(row.id, { expiryDate: null });
    const [after] = await apiKey.getAll({ $select: 'expiry_date', $filter: { id: row.id } });
    expect(after.expiry_date).toBeNull();
  });

  it('revokes a key, which stops working at once', async () => {
    const name = uniqueName('revoked');
    const key = await alice.sdk.models.apiKey.create({ name, expiryDate: null });
    const keyed = await sdkWithKey(key);
    expect(await keyed.auth.isLoggedIn()).toBe(true);
    const [row] = await alice.sdk.models.apiKey.getAll({ $select: 'id', $filter: { name } });
    await alice.sdk.models.apiKey.revoke(row.id);
    expect(await keyed.auth.isLoggedIn()).toBe(false);
    expect(await alice.sdk.models.apiKey.getAll({ $filter: { name } })).toEqual([]);
  });

  it('leaves everything unchanged for a missing or foreign key, as the API hides them', async () => {
    const name = uniqueName('foreign');
    await alice.sdk.models.apiKey.create({ name, expiryDate: null });
    const [row] = await alice.sdk.models.apiKey.getAll({ $select: 'id', $filter: { name } });
    await bob.sdk.models.apiKey.update(row.id, { name: 'stolen' });
    await bob.sdk.models.apiKey.revoke(row.id);
    await bob.sdk.models.apiKey.revoke(MISSING_ID);
    expect(
      await alice.sdk.models.apiKey.getAll({ $select: 'name', $filter: { id: row.id } }),
    ).toEqual([{ name }]);
  });

  it('rejects invalid input before any request', async () => {
    const { apiKey } = alice.sdk.models;
    await expect(apiKey.update(0, { name: 'x' })).rejects.toMatchObject(invalid);
    await expect(apiKey.update(1, {})).rejects.toMatchObject(invalid);
    await expect(apiKey.update(1, { name: '' })).rejects.toMatchObject(invalid);
    await expect(apiKey.update(1, { name: null as unknown as string })).rejects.toMatchObject(
      invalid,
    );
    await expect(apiKey.update(1, { expiryDate: 'soon' })).rejects.toMatchObject(invalid);
    await expect(apiKey.revoke('1' as unknown as number)).rejects.toMatchObject(invalid);
  });
});
