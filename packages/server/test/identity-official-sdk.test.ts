// The official balena-sdk (as a devDependency alias) must work against the identity routes unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSdk } from 'official-balena-sdk';
import { startTestServer, type TestServer } from '../src/testing/index.js';
import { createUser } from '../src/identity/index.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

function newSdk() {
  return getSdk({ apiUrl: server.apiUrl, dataDirectory: false, isBrowser: false } as Parameters<
    typeof getSdk
  >[0]);
}

describe('official balena-sdk against the identity routes', () => {
  it('logs in, reports who is logged in, and manages named API keys', async () => {
    const user = await createUser({ email: 'official@example.com', password: 'official-password' });
    const balena = newSdk();
    await expect(
      balena.auth.login({ email: 'official@example.com', password: 'wrong' }),
    ).rejects.toMatchObject({
      code: 'BalenaInvalidLoginCredentials',
    });
    await balena.auth.login({ email: 'official@example.com', password: 'official-password' });
    expect(await balena.auth.isLoggedIn()).toBe(true);
    expect(await balena.auth.getUserInfo()).toEqual({
      id: user.id,
      actor: user.actor,
      email: 'official@example.com',
      username: user.username,
    });
    expect(await balena.auth.twoFactor.isEnabled()).toBe(false);
    expect(await balena.auth.twoFactor.isPassed()).toBe(true);

    const key = await balena.models.apiKey.create({
      name: 'sdk-key',
      expiryDate: null,
      description: 'made by the SDK',
    });
    expect(key).toMatch(/^[A-Za-z0-9]{32}$/);
    const named = await balena.models.apiKey.getAllNamedUserApiKeys();
    expect(named.map((k) => k.name)).toEqual(['sdk-key']);
    await balena.models.apiKey.update(named[0].id, { name: 'renamed-key' });
    expect((await balena.models.apiKey.getAll()).map((k) => k.name)).toContain('renamed-key');

    const viaKey = newSdk();
    await viaKey.auth.loginWithToken(key);
    expect((await viaKey.auth.whoami())?.actorType).toBe('user');
    await balena.models.apiKey.revoke(named[0].id);
    expect(await viaKey.auth.isLoggedIn()).toBe(false);

    await balena.auth.logout();
    expect(await balena.auth.isLoggedIn()).toBe(false);
  });

  it('creates a fleet, a provisioning key and registers a device with the SDK flow', async () => {
    await createUser({ email: 'official2@example.com', password: 'official-password' });
    const balena = newSdk();
    await balena.auth.login({ email: 'official2@example.com', password: 'official-password' });
    const [org] = await balena.models.organization.getAll({ $select: ['id', 'handle'] });
    const app = await balena.models.application.create({
      name: 'SdkFleet',
      organization: org.id,
      deviceType: 'raspberrypi3',
    });
    expect(app.slug).toBe(`${org.handle}/sdkfleet`);
    const provisioningKey = await balena.models.application.generateProvisioningKey({
      slugOrUuidOrId: app.id,
      keyExpiryDate: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(provisioningKey).toMatch(/^[A-Za-z0-9]{32}$/);
    const uuid = balena.models.device.generateUniqueKey();
    const registered = await balena.models.device.register(app.id, uuid);
    expect(registered).toMatchObject({ uuid });
    expect(registered.api_key).toMatch(/^[A-Za-z0-9]{32}$/);
    const device = await balena.models.device.get(uuid, { $select: ['id', 'uuid'] });
    expect(device.uuid).toBe(uuid);
    const deviceKey = await balena.models.device.generateDeviceKey(uuid);
    expect(deviceKey).toHaveLength(32);
    expect((await balena.models.apiKey.getDeviceApiKeysByDevice(uuid)).length).toBe(2);
    expect(
      (await balena.models.apiKey.getProvisioningApiKeysByApplication(app.id)).length,
    ).toBeGreaterThanOrEqual(2);
  });
});
