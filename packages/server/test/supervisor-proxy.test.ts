import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../src/testing/index.js';
import { startSimulatedFleetDevice, type SimulatedDevice } from '../src/simulator/index.js';
import { getRows, odata, request, type Reply } from './support/odata-client.js';
import {
  createFleet,
  createRelease,
  type TestFleet,
  type TestRelease,
} from './support/device-fixtures.js';

let server: TestServer;
let apiUrl: string;
let owner: TestUser;
let stranger: TestUser;
let fleet: TestFleet;
let release: TestRelease;
let device: SimulatedDevice;
let second: SimulatedDevice;

const start = () =>
  startSimulatedFleetDevice({
    apiUrl,
    token: owner.token,
    applicationId: fleet.id,
    pollIntervalMs: 60_000,
  });

function proxy(path: string, body: unknown, token = owner.token): Promise<Reply> {
  return request(apiUrl, 'POST', `/supervisor${path}`, { token, body });
}

beforeAll(async () => {
  server = await startTestServer();
  apiUrl = server.apiUrl;
  owner = await server.createUser();
  stranger = await server.createUser();
  fleet = await createFleet(apiUrl, owner.token, 'proxied-fleet');
  release = await createRelease(apiUrl, owner.token, fleet.id, ['main']);
  device = await start();
  second = await start();
}, 90_000);

afterAll(async () => {
  await device?.stop();
  await second?.stop();
  await server?.close();
});

describe('supervisor proxy input', () => {
  it('needs credentials and at least one valid filter', async () => {
    expect((await proxy('/v1/blink', { uuid: device.uuid }, '')).status).toBe(401);
    expect(await proxy('/v1/blink', {})).toMatchObject({
      status: 400,
      text: 'At least one filter must be specified',
    });
    expect((await proxy('/v1/blink', { deviceId: 'x1' })).status).toBe(400);
    expect((await proxy('/v1/blink', { uuid: device.uuid, method: 'TRACE' })).status).toBe(400);
  });

  it('answers 404 No online device(s) found for devices the caller cannot see', async () => {
    expect(await proxy('/v1/blink', { uuid: device.uuid }, stranger.token)).toMatchObject({
      status: 404,
      text: 'No online device(s) found',
    });
    expect((await proxy('/v1/blink', { deviceId: 999_999 })).status).toBe(404);
  });
});

describe('commands relayed to a simulated device', () => {
  it('ping, blink and the supervisor status', async () => {
    expect(
      await proxy('/ping', { method: 'GET', deviceId: device.id, appId: fleet.id }),
    ).toMatchObject({ status: 200, text: 'OK' });
    expect((await proxy('/v1/blink', { uuid: device.uuid })).status).toBe(200);
    expect((await device.waitForCommand('/v1/blink')).method).toBe('POST');
    const state = await proxy('/v1/device', { uuid: device.uuid, method: 'GET' });
    expect(state.status).toBe(200);
    expect(state.json).toMatchObject({
      api_port: 48484,
      os_version: 'balenaOS 6.0.13',
      supervisor_version: '16.7.2',
      update_pending: false,
      commit: release.commit,
    });
  });

  it('reboot carries its data, and a held update lock answers 423 unless forced', async () => {
    expect(
      await proxy('/v1/reboot', { deviceId: device.id, data: { force: false } }),
    ).toMatchObject({
      status: 202,
      json: { Data: 'OK', Error: null },
    });
    expect((await device.waitForCommand('/v1/reboot')).body).toEqual({ force: false });
    device.holdUpdateLock();
    try {
      const locked = await proxy('/v1/shutdown', {
        deviceId: device.id,
        appId: fleet.id,
        data: { force: false },
      });
      expect(locked.status).toBe(423);
      for (const path of ['/v1/purge', '/v1/restart', '/v1/reboot']) {
        const reply = await proxy(path, {
          deviceId: device.id,
          appId: fleet.id,
          data: { appId: fleet.id },
        });
        expect(reply.status, path).toBe(423);
      }
      const forced = await proxy('/v1/reboot', { deviceId: device.id, data: { force: true } });
      expect(forced.status).toBe(202);
    } finally {
      device.releaseUpdateLock();
    }
    expect(device.online).toBe(true);
  });

  it('stop-service and start-service change the reported service status', async () => {
    const imageId = release.images.main;
    const path = `/v2/applications/${fleet.id}/stop-service`;
    const stopped = await proxy(path, {
      deviceId: device.id,
      appId: fleet.id,
      data: { appId: fleet.id, imageId },
    });
    expect(stopped.status).toBe(200);
    await device.waitForCommand(path);
    const statusOf = async () =>
      (
        await getRows<{ status: string }>(
          apiUrl,
          odata(
            `/v7/image_install?$select=status&$filter=device eq ${device.id} and installs__image eq ${imageId}`,
          ),
          owner.token,
        )
      )[0]?.status;
    await expectEventually(async () => expect(await statusOf()).toBe('exited'));
    const startPath = `/v2/applications/${fleet.id}/start-service`;
    await proxy(startPath, {
      deviceId: device.id,
      appId: fleet.id,
      data: { appId: fleet.id, imageId },
    });
    await expectEventually(async () => expect(await statusOf()).toBe('Running'));
  });

  it('a fleet-wide call answers 207 with one reply per device', async () => {
    const reply = await proxy('/v1/blink', { appId: fleet.id });
    expect(reply.status).toBe(207);
    expect(reply.json).toEqual([
      { statusCode: 200, body: 'OK' },
      { statusCode: 200, body: 'OK' },
    ]);
  });

  it('shutdown takes the device offline', async () => {
    const reply = await proxy('/v1/shutdown', {
      deviceId: second.id,
      appId: fleet.id,
      data: { force: false },
    });
    expect(reply.status).toBe(202);
    // The device reports its disconnect after answering; then the API no longer finds it online.
    await expectEventually(async () =>
      expect((await proxy('/ping', { method: 'GET', deviceId: second.id })).status).toBe(404),
    );
    expect(second.online).toBe(false);
  });

  it('answers 502 when the device cannot be reached', async () => {
    const tunnel = await request(apiUrl, 'PUT', `/local/v1/devices/${device.uuid}/tunnel`, {
      token: device.apiKey,
      body: { address: 'http://127.0.0.1:1', secret: 'x'.repeat(24) },
    });
    expect(tunnel.status).toBe(204);
    try {
      expect((await proxy('/ping', { method: 'GET', deviceId: device.id })).status).toBe(502);
    } finally {
      await device.pollNow();
    }
    expect((await proxy('/ping', { method: 'GET', deviceId: device.id })).status).toBe(200);
  });

  it('accepts tunnels only from the device itself and only on loopback', async () => {
    const path = `/local/v1/devices/${device.uuid}/tunnel`;
    const body = { address: 'http://127.0.0.1:9', secret: 'y'.repeat(24) };
    expect((await request(apiUrl, 'PUT', path, { token: owner.token, body })).status).toBe(401);
    expect((await request(apiUrl, 'PUT', path, { token: second.apiKey, body })).status).toBe(401);
    const remote = { ...body, address: 'http://10.0.0.1:80' };
    expect(
      (await request(apiUrl, 'PUT', path, { token: device.apiKey, body: remote })).status,
    ).toBe(400);
  });
});

describe('supervisor proxy permissions', () => {
  it('relays reads for a fleet observer but answers 403 to its writes', async () => {
    const roleId = async (resource: string, name: string) =>
      (
        await getRows<{ id: number }>(
          apiUrl,
          odata(`/v7/${resource}?$select=id&$filter=name eq '${name}'`),
          owner.token,
        )
      )[0].id;
    const [org] = await getRows<{ id: number }>(apiUrl, '/v7/organization?$select=id', owner.token);
    const member = await request(apiUrl, 'POST', '/v7/organization_membership', {
      token: owner.token,
      body: {
        user: stranger.id,
        is_member_of__organization: org.id,
        organization_membership_role: await roleId('organization_membership_role', 'member'),
      },
    });
    expect(member.status, member.text).toBe(201);
    const observer = await request(apiUrl, 'POST', '/v7/user_application_membership', {
      token: owner.token,
      body: {
        user: stranger.id,
        is_member_of__application: fleet.id,
        application_membership_role: await roleId('application_membership_role', 'observer'),
      },
    });
    expect(observer.status, observer.text).toBe(201);
    expect(
      (await proxy('/ping', { method: 'GET', deviceId: device.id }, stranger.token)).status,
    ).toBe(200);
    expect((await proxy('/v1/blink', { deviceId: device.id }, stranger.token)).status).toBe(403);
  });
});

/** Polls an assertion until it passes or 10 s elapse (device effects run after the reply). */
async function expectEventually(assertion: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
