import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../src/testing/index.js';
import { getRows, odata, request } from './support/odata-client.js';
import {
  createFleet,
  createProvisioningKey,
  createRelease,
  type TestFleet,
  type TestRelease,
} from './support/device-fixtures.js';

let server: TestServer;
let apiUrl: string;
let owner: TestUser;
let stranger: TestUser;
let fleet: TestFleet;
let emptyFleet: TestFleet;
let oldRelease: TestRelease;
let release: TestRelease;
let device: { id: number; uuid: string; api_key: string };
let otherDevice: { id: number; uuid: string; api_key: string };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- target state documents are walked by key in assertions
type Dict = Record<string, any>;

async function register(key: string, fleetId: number) {
  const uuid = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join(
    '',
  );
  const reply = await request(apiUrl, 'POST', '/device/register', {
    token: key,
    body: { application: fleetId, uuid, device_type: 'raspberrypi4-64' },
  });
  expect(reply.status).toBe(201);
  return reply.json as { id: number; uuid: string; api_key: string };
}

async function post(path: string, body: unknown) {
  const reply = await request(apiUrl, 'POST', path, { token: owner.token, body });
  expect(reply.status, `${path} ${reply.text}`).toBe(201);
  return reply.json as { id: number };
}

async function state(path: string, token: string) {
  const reply = await request(apiUrl, 'GET', path, { token });
  return { status: reply.status, json: reply.json as Dict };
}

beforeAll(async () => {
  server = await startTestServer();
  apiUrl = server.apiUrl;
  owner = await server.createUser();
  stranger = await server.createUser();
  fleet = await createFleet(apiUrl, owner.token, 'target-state-fleet');
  emptyFleet = await createFleet(apiUrl, owner.token, 'empty-fleet');
  oldRelease = await createRelease(apiUrl, owner.token, fleet.id, ['main']);
  release = await createRelease(apiUrl, owner.token, fleet.id, ['main', 'proxy']);
  const key = await createProvisioningKey(apiUrl, owner.token, fleet.id);
  device = await register(key, fleet.id);
  otherDevice = await register(key, fleet.id);
  const setVariables = async (path: string, parent: object, variables: Record<string, string>) => {
    for (const [name, value] of Object.entries(variables))
      await post(path, { ...parent, name, value });
  };
  await setVariables(
    '/v7/application_config_variable',
    { application: fleet.id },
    {
      RESIN_SUPERVISOR_POLL_INTERVAL: '1000',
      BALENA_UI_THEME: 'dark',
      RESIN_HOST_LOG_TO_DISPLAY: '1',
      BALENA_HOST_SPLASH: 'fleet',
    },
  );
  await setVariables(
    '/v7/device_config_variable',
    { device: device.id },
    { BALENA_HOST_SPLASH: 'device' },
  );
  await setVariables(
    '/v7/application_environment_variable',
    { application: fleet.id },
    { LEVEL: 'fleet', FLEET_ONLY: 'yes' },
  );
  await setVariables(
    '/v7/service_environment_variable',
    { service: release.services.main },
    { LEVEL: 'service' },
  );
  await setVariables('/v7/device_environment_variable', { device: device.id }, { LEVEL: 'device' });
  await post('/v7/service_label', {
    service: release.services.main,
    label_name: 'io.balena.features.dbus',
    value: '1',
  });
  const [install] = await getRows<{ id: number }>(
    apiUrl,
    odata(
      `/v7/service_install?$select=id&$filter=device eq ${device.id} and installs__service eq ${release.services.proxy}`,
    ),
    owner.token,
  );
  await post('/v7/device_service_environment_variable', {
    service_install: install.id,
    name: 'LEVEL',
    value: 'device-service',
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('GET /device/v3/:uuid/state', () => {
  it('gives the device its config, fleet release, services, environment and labels', async () => {
    const { status, json } = await state(`/device/v3/${device.uuid}/state`, device.api_key);
    expect(status).toBe(200);
    const own = json[device.uuid];
    expect(own.name).toEqual(expect.any(String));
    expect(own.config).toEqual({
      RESIN_SUPERVISOR_NATIVE_LOGGER: 'true',
      RESIN_SUPERVISOR_POLL_INTERVAL: '900000',
      BALENA_HOST_SPLASH: 'device',
    });
    const app = own.apps[fleet.uuid];
    expect(app).toMatchObject({ id: fleet.id, name: 'target-state-fleet', class: 'fleet' });
    expect(Object.keys(app.releases)).toEqual([release.commit]);
    const { id, services, volumes, networks } = app.releases[release.commit];
    expect({ id, volumes, networks }).toEqual({ id: release.id, volumes: {}, networks: {} });
    expect(services.main).toMatchObject({
      id: release.services.main,
      image_id: release.images.main,
      environment: { LEVEL: 'device', FLEET_ONLY: 'yes' },
      labels: { 'io.balena.features.dbus': '1' },
      composition: { restart: 'always' },
    });
    expect(services.main.image).toMatch(/^[^/]+\/v2\/[0-9a-f]{32}$/);
    expect(services.proxy.environment).toEqual({ LEVEL: 'device-service', FLEET_ONLY: 'yes' });
  });

  it('follows a device pin, and is readable by the owner but not by another device or user', async () => {
    const pin = await request(apiUrl, 'PATCH', `/v7/device(${otherDevice.id})`, {
      token: owner.token,
      body: { is_pinned_on__release: oldRelease.id },
    });
    expect(pin.status).toBe(200);
    const { status, json } = await state(`/device/v3/${otherDevice.uuid}/state`, owner.token);
    expect(status).toBe(200);
    expect(Object.keys(json[otherDevice.uuid].apps[fleet.uuid].releases)).toEqual([
      oldRelease.commit,
    ]);
    expect((await state(`/device/v3/${otherDevice.uuid}/state`, device.api_key)).status).toBe(401);
    expect((await state(`/device/v3/${otherDevice.uuid}/state`, stranger.token)).status).toBe(401);
    expect((await request(apiUrl, 'GET', `/device/v3/${otherDevice.uuid}/state`)).status).toBe(401);
  });
});

describe('supervisor and host OS releases', () => {
  it('appear as their own apps in v3 once the device is managed by a supervisor release', async () => {
    const [supervisor] = await getRows<Dict>(
      apiUrl,
      odata(
        `/v7/release?$select=id,commit&$expand=belongs_to__application($select=uuid,app_name)` +
          `&$filter=raw_version eq '14.11.12' and belongs_to__application/any(a:a/slug eq 'balena_os/aarch64-supervisor')`,
      ),
      owner.token,
    );
    expect(supervisor).toBeDefined();
    const pin = await request(apiUrl, 'PATCH', `/v7/device(${device.id})`, {
      token: owner.token,
      body: { should_be_managed_by__release: supervisor.id },
    });
    expect(pin.status, pin.text).toBe(200);
    const { json } = await state(`/device/v3/${device.uuid}/state`, device.api_key);
    const [app] = supervisor.belongs_to__application;
    expect(json[device.uuid].apps[app.uuid]).toEqual({
      id: expect.any(Number),
      name: app.app_name,
      class: 'app',
      releases: {
        [supervisor.commit]: { id: supervisor.id, services: {}, volumes: {}, networks: {} },
      },
    });
    expect(json[device.uuid].apps[fleet.uuid].releases[release.commit]).toBeDefined();
  });
});

describe('host OS releases', () => {
  it('appear as a host app in v3 once the device is operated by a host OS release', async () => {
    const [hostApp] = await getRows<Dict>(
      apiUrl,
      odata(
        `/v7/application?$select=id,uuid,app_name&$filter=is_host eq true and is_for__device_type/any(dt:dt/slug eq 'raspberrypi4-64')` +
          `&$expand=owns__release($select=id,commit;$filter=status eq 'success';$orderby=id desc;$top=1)`,
      ),
      owner.token,
    );
    const [hostRelease] = hostApp.owns__release;
    const pin = await request(apiUrl, 'PATCH', `/v7/device(${device.id})`, {
      token: owner.token,
      body: { should_be_operated_by__release: hostRelease.id },
    });
    expect(pin.status, pin.text).toBe(200);
    const { json } = await state(`/device/v3/${device.uuid}/state`, device.api_key);
    expect(json[device.uuid].apps[hostApp.uuid]).toMatchObject({
      id: hostApp.id,
      name: hostApp.app_name,
      is_host: true,
      releases: { [hostRelease.commit]: { id: hostRelease.id } },
    });
  });
});

describe('GET /device/v2/:uuid/state', () => {
  it('gives the legacy shape keyed by fleet and service ids', async () => {
    const { status, json } = await state(`/device/v2/${device.uuid}/state`, device.api_key);
    expect(status).toBe(200);
    expect(json.dependent).toEqual({ apps: {}, devices: {} });
    const app = json.local.apps[String(fleet.id)];
    expect(app).toMatchObject({
      name: 'target-state-fleet',
      commit: release.commit,
      releaseId: release.id,
    });
    expect(app.services[String(release.services.main)]).toMatchObject({
      imageId: release.images.main,
      serviceName: 'main',
      running: true,
      restart: 'always',
      environment: { LEVEL: 'device', FLEET_ONLY: 'yes' },
    });
    expect(json.local.config.RESIN_SUPERVISOR_NATIVE_LOGGER).toBe('true');
  });
});

describe('GET /device/v3/fleet/:appUuid/state', () => {
  it('gives the target release, or the release asked for, with fleet-level variables only', async () => {
    const target = await state(`/device/v3/fleet/${fleet.uuid}/state/?releaseUuid=`, owner.token);
    expect(target.status).toBe(200);
    const doc = target.json[fleet.uuid];
    expect(doc.name).toBe('target-state-fleet');
    expect(doc.config.BALENA_HOST_SPLASH).toBe('fleet');
    const releases = doc.apps[fleet.uuid].releases;
    expect(Object.keys(releases)).toEqual([release.commit]);
    expect(releases[release.commit].services.main.environment).toEqual({
      LEVEL: 'service',
      FLEET_ONLY: 'yes',
    });
    const old = await state(
      `/device/v3/fleet/${fleet.uuid}/state/?releaseUuid=${oldRelease.commit}`,
      owner.token,
    );
    expect(Object.keys(old.json[fleet.uuid].apps[fleet.uuid].releases)).toEqual([
      oldRelease.commit,
    ]);
  });

  it('answers 401 for an unknown release, another user or a fleet nobody can see', async () => {
    const unknown = '0'.repeat(32);
    expect(
      (await state(`/device/v3/fleet/${fleet.uuid}/state/?releaseUuid=${unknown}`, owner.token))
        .status,
    ).toBe(401);
    expect((await state(`/device/v3/fleet/${fleet.uuid}/state/`, stranger.token)).status).toBe(401);
    expect((await state(`/device/v3/fleet/${unknown}/state/`, owner.token)).status).toBe(401);
  });

  it('leaves out releases for a fleet without one', async () => {
    const { json } = await state(`/device/v3/fleet/${emptyFleet.uuid}/state/`, owner.token);
    expect(json[emptyFleet.uuid].apps[emptyFleet.uuid]).toEqual({
      id: emptyFleet.id,
      name: 'empty-fleet',
      class: 'fleet',
    });
  });
});

describe('heartbeat', () => {
  it('a poll by the device puts it online and activates it; a read by its owner does not', async () => {
    const fresh = await register(
      await createProvisioningKey(apiUrl, owner.token, fleet.id),
      fleet.id,
    );
    const read = async () =>
      (
        await getRows<Dict>(
          apiUrl,
          odata(
            `/v7/device(${fresh.id})?$select=api_heartbeat_state,is_active,overall_status,changed_api_heartbeat_state_on__date`,
          ),
          owner.token,
        )
      )[0];
    expect(await read()).toMatchObject({
      api_heartbeat_state: 'unknown',
      is_active: false,
      overall_status: 'inactive',
    });
    await state(`/device/v3/${fresh.uuid}/state`, owner.token);
    expect((await read()).api_heartbeat_state).toBe('unknown');
    await state(`/device/v3/${fresh.uuid}/state`, fresh.api_key);
    const online = await read();
    expect(online).toMatchObject({ api_heartbeat_state: 'online', is_active: true });
    expect(online.changed_api_heartbeat_state_on__date).not.toBeNull();
    // HB online without a VPN connection: reduced functionality, as the real API computes it.
    expect(online.overall_status).toBe('reduced-functionality');
  });

  it('turns timeout, then offline, when the device stops polling', async () => {
    const fresh = await register(
      await createProvisioningKey(apiUrl, owner.token, fleet.id),
      fleet.id,
    );
    // The announced poll interval of a connected device drives its heartbeat.
    const tunnel = await request(apiUrl, 'PUT', `/local/v1/devices/${fresh.uuid}/tunnel`, {
      token: fresh.api_key,
      body: { address: 'http://127.0.0.1:9', secret: 'z'.repeat(24), pollIntervalMs: 2000 },
    });
    expect(tunnel.status).toBe(204);
    await state(`/device/v3/${fresh.uuid}/state`, fresh.api_key);
    const seen: string[] = [];
    const deadline = Date.now() + 15_000;
    while (!seen.includes('offline') && Date.now() < deadline) {
      const [row] = await getRows<{ api_heartbeat_state: string }>(
        apiUrl,
        `/v7/device(${fresh.id})?$select=api_heartbeat_state`,
        owner.token,
      );
      if (seen.at(-1) !== row.api_heartbeat_state) seen.push(row.api_heartbeat_state);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(seen).toEqual(['online', 'timeout', 'offline']);
  });
});
