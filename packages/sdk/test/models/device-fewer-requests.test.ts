// Requests the SDK leaves out because it already has the answer: registrations reuse a fleet's
// short-lived provisioning key, and writes of device tags and variables by uuid skip the id lookup
// once the SDK knows the device's id. Each stays correct when what it remembers has gone stale.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from './helpers.js';
import { countingSdk } from './device-fixtures.js';

let owner: LoggedInUser;
let fleet: TestFleet;

beforeAll(async () => {
  owner = await loginNewUser();
  fleet = await createTestFleet(owner);
});

const lookupOf = (uuid: string) => ({
  method: 'GET',
  url: expect.stringContaining(`(uuid='${uuid}')`),
});
const isPost = (resource: string) => ({
  method: 'POST',
  url: expect.stringContaining(`/v7/${resource}`),
});

describe('device ids known by uuid', () => {
  it('register: the fleet is looked up once, and its provisioning key made once for many devices', async () => {
    const { sdk, sent } = await countingSdk(owner);
    await sdk.auth.getUserInfo();
    sent.length = 0;
    const paths = () => sent.map((request) => `${request.method} ${request.url.split('?')[0]}`);
    await sdk.models.device.register(fleet.id, sdk.models.device.generateUniqueKey());
    expect(paths()).toEqual([
      `GET ${owner.apiUrl}/v7/application(${fleet.id})`,
      `POST ${owner.apiUrl}/api-key/v2/`,
      `POST ${owner.apiUrl}/device/register`,
    ]);
    sent.length = 0;
    const uuids = [1, 2, 3].map(() => sdk.models.device.generateUniqueKey());
    await Promise.all(uuids.map((uuid) => sdk.models.device.register(fleet.id, uuid)));
    expect(paths().filter((path) => path.includes('/api-key/'))).toEqual([]);
    expect(paths().filter((path) => path.endsWith('/device/register'))).toHaveLength(3);
  });

  it('register: concurrent first registrations share one new key', async () => {
    const { sdk, sent } = await countingSdk(owner);
    const uuids = [1, 2, 3, 4].map(() => sdk.models.device.generateUniqueKey());
    await Promise.all(uuids.map((uuid) => sdk.models.device.register(fleet.id, uuid)));
    expect(sent.filter((request) => request.url.includes('/api-key/v2/'))).toHaveLength(1);
  });

  it('register: a revoked key is replaced and the registration goes through', async () => {
    const { sdk } = await countingSdk(owner);
    await sdk.models.device.register(fleet.id, sdk.models.device.generateUniqueKey());
    const keys = await owner.sdk.models.apiKey.getProvisioningApiKeysByApplication(fleet.id);
    await Promise.all(keys.map((key) => owner.sdk.models.apiKey.revoke(key.id)));
    const uuid = sdk.models.device.generateUniqueKey();
    const info = await sdk.models.device.register(fleet.id, uuid);
    expect(await owner.sdk.models.device.get(info.id, { $select: 'uuid' })).toEqual({ uuid });
    const after = await owner.sdk.models.apiKey.getProvisioningApiKeysByApplication(fleet.id);
    expect(after).toHaveLength(1);
  });

  it('register: keys are not reused once the credentials change', async () => {
    const { sdk, sent } = await countingSdk(owner);
    await sdk.models.device.register(fleet.id, sdk.models.device.generateUniqueKey());
    await sdk.auth.loginWithToken(owner.user.token);
    sent.length = 0;
    await sdk.models.device.register(fleet.id, sdk.models.device.generateUniqueKey());
    expect(sent.filter((request) => request.url.includes('/api-key/v2/'))).toHaveLength(1);
  });

  it('a device registered by this SDK: envVar.set and tags.set send only the write', async () => {
    const { sdk, sent } = await countingSdk(owner);
    const uuid = sdk.models.device.generateUniqueKey();
    const { id } = await sdk.models.device.register(fleet.id, uuid);
    sent.length = 0;
    await sdk.models.device.envVar.set(uuid, 'MODE', 'fast');
    await sdk.models.device.tags.set(uuid, 'rack', 'r1');
    expect(sent).toEqual([isPost('device_environment_variable'), isPost('device_tag')]);
    expect(await owner.sdk.models.device.envVar.get(id, 'MODE')).toBe('fast');
    expect(await owner.sdk.models.device.tags.getAllByDevice(id, { $select: 'value' })).toEqual([
      { value: 'r1' },
    ]);
  });

  it('a uuid seen for the first time is looked up once, then remembered', async () => {
    const uuid = owner.sdk.models.device.generateUniqueKey();
    await owner.sdk.models.device.register(fleet.id, uuid);
    const { sdk, sent } = await countingSdk(owner);
    await sdk.models.device.configVar.set(uuid, 'BALENA_A', '1');
    await sdk.models.device.configVar.set(uuid, 'BALENA_B', '2');
    expect(sent).toEqual([
      lookupOf(uuid),
      isPost('device_config_variable'),
      isPost('device_config_variable'),
    ]);
  });

  it('a device deleted and registered again under the same uuid gets the write', async () => {
    const { sdk, sent } = await countingSdk(owner);
    const uuid = sdk.models.device.generateUniqueKey();
    const first = await sdk.models.device.register(fleet.id, uuid);
    await owner.sdk.models.device.remove(first.id);
    const second = await owner.sdk.models.device.register(fleet.id, uuid);
    expect(second.id).not.toBe(first.id);
    sent.length = 0;

    await sdk.models.device.envVar.set(uuid, 'AFTER', 'yes');
    expect(sent).toEqual([
      isPost('device_environment_variable'),
      lookupOf(uuid),
      isPost('device_environment_variable'),
    ]);
    expect(await owner.sdk.models.device.envVar.get(second.id, 'AFTER')).toBe('yes');
  });

  it('a deleted device: BalenaDeviceNotFound, as for a uuid never seen', async () => {
    const { sdk } = await countingSdk(owner);
    const uuid = sdk.models.device.generateUniqueKey();
    const { id } = await sdk.models.device.register(fleet.id, uuid);
    await owner.sdk.models.device.remove(id);
    await expect(sdk.models.device.tags.set(uuid, 'k', 'v')).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
    const fresh = await countingSdk(owner);
    await expect(fresh.sdk.models.device.tags.set(uuid, 'k', 'v')).rejects.toMatchObject({
      code: 'BalenaDeviceNotFound',
    });
  });

  it('forgets the ids when the credentials change', async () => {
    const { sdk, sent } = await countingSdk(owner);
    const uuid = sdk.models.device.generateUniqueKey();
    await sdk.models.device.register(fleet.id, uuid);
    await sdk.auth.loginWithToken(owner.user.token);
    sent.length = 0;
    await sdk.models.device.envVar.set(uuid, 'AGAIN', '1');
    expect(sent).toEqual([lookupOf(uuid), isPost('device_environment_variable')]);
  });
});
