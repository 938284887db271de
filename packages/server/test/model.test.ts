// Model-level behaviour: computed device fields, variable key names, uniqueness, length rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions, sbvrUtils } from '@balena/pinejs';
import { startTestServer, type TestServer } from '../src/testing/index.js';
import { createUser } from '../src/identity/index.js';
import { getRows, odata, request } from './support/odata-client.js';

let server: TestServer;
let apiUrl: string;
let token: string;
let organizationId: number;
let deviceTypeId: number;
let fleetId: number;

const root = { req: permissions.root };

async function rootPatch(
  resource: string,
  id: number,
  body: Record<string, unknown>,
): Promise<void> {
  await sbvrUtils.api.v7.patch({ resource, id, body, passthrough: root });
}

async function createDevice(name: string): Promise<number> {
  const reply = await request(apiUrl, 'POST', '/v7/device', {
    token,
    body: { belongs_to__application: fleetId, is_of__device_type: deviceTypeId, device_name: name },
  });
  expect(reply.status).toBe(201);
  return (reply.json as { id: number }).id;
}

async function statusOf(
  id: number,
): Promise<{ overall_status: string; overall_progress: number | null }> {
  const [row] = await getRows<{ overall_status: string; overall_progress: number | null }>(
    apiUrl,
    `/v7/device(${id})?$select=overall_status,overall_progress`,
    token,
  );
  return row;
}

beforeAll(async () => {
  server = await startTestServer();
  apiUrl = server.apiUrl;
  token = (
    await createUser({
      email: 'model-owner@example.com',
      password: 'model-secret-1',
      username: 'model_owner',
    })
  ).token;
  const [organization] = (await sbvrUtils.api.v7.get({
    resource: 'organization',
    options: { $select: 'id', $filter: { handle: 'model_owner' } },
    passthrough: root,
  })) as Array<{ id: number }>;
  organizationId = organization.id;
  const [deviceType] = (await sbvrUtils.api.v7.get({
    resource: 'device_type',
    options: { $select: 'id', $filter: { slug: 'raspberrypi3' } },
    passthrough: root,
  })) as Array<{ id: number }>;
  deviceTypeId = deviceType.id;
  const reply = await request(apiUrl, 'POST', '/v7/application', {
    token,
    body: {
      app_name: 'model-fleet',
      organization: organizationId,
      is_for__device_type: deviceTypeId,
    },
  });
  expect(reply.status).toBe(201);
  fleetId = (reply.json as { id: number }).id;
});

afterAll(async () => {
  await server?.close();
});

describe('device overall status and progress', () => {
  it('follows heartbeat, VPN, provisioning and download state', async () => {
    const id = await createDevice('status-probe');
    await rootPatch('device', id, { is_active: true });
    expect(await statusOf(id)).toEqual({ overall_status: 'configuring', overall_progress: null });
    await rootPatch('device', id, { provisioning_progress: 40 });
    expect(await statusOf(id)).toEqual({ overall_status: 'configuring', overall_progress: 40 });
    await rootPatch('device', id, {
      provisioning_progress: null,
      last_connectivity_event: new Date().toISOString(),
    });
    expect(await statusOf(id)).toEqual({ overall_status: 'disconnected', overall_progress: null });
    await rootPatch('device', id, { api_heartbeat_state: 'online', is_connected_to_vpn: true });
    expect(await statusOf(id)).toEqual({ overall_status: 'operational', overall_progress: null });
    await rootPatch('device', id, { status: 'Downloading', download_progress: 30 });
    expect(await statusOf(id)).toEqual({ overall_status: 'updating', overall_progress: 30 });
    await rootPatch('device', id, {
      status: 'Idle',
      download_progress: null,
      api_heartbeat_state: 'timeout',
    });
    expect(await statusOf(id)).toEqual({
      overall_status: 'reduced-functionality',
      overall_progress: null,
    });
    // A device must be offline to be deactivated (business rule).
    await rootPatch('device', id, {
      api_heartbeat_state: 'offline',
      is_connected_to_vpn: false,
      is_online: false,
    });
    await rootPatch('device', id, { is_active: false });
    expect(await statusOf(id)).toEqual({ overall_status: 'inactive', overall_progress: null });
  });

  it('is filterable and sortable like a stored field', async () => {
    const rows = await getRows(
      apiUrl,
      odata(
        `/v7/device?$select=device_name&$filter=belongs_to__application eq ${fleetId} and overall_status eq 'inactive'&$orderby=overall_status asc`,
      ),
      token,
    );
    expect(rows.map((row) => row.device_name)).toContain('status-probe');
  });

  it('derives should_be_running__release from the pin, else the fleet target', async () => {
    const id = await createDevice('target-probe');
    const [row] = await getRows(
      apiUrl,
      `/v7/device(${id})?$select=should_be_running__release`,
      token,
    );
    expect(row).toEqual({ should_be_running__release: null });
  });
});

describe('variables', () => {
  it('names the key field of env and config variables `name`, unique per parent (409 "unique")', async () => {
    const body = { application: fleetId, name: 'MODEL_VAR', value: 'one' };
    const created = await request(apiUrl, 'POST', '/v7/application_environment_variable', {
      token,
      body,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'MODEL_VAR', value: 'one' });
    const duplicate = await request(apiUrl, 'POST', '/v7/application_environment_variable', {
      token,
      body,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json).toMatch(/unique/i);
    const rows = await getRows(
      apiUrl,
      odata(
        `/v7/application__has__env_var_name?$select=name,value&$filter=application eq ${fleetId} and name eq 'MODEL_VAR'`,
      ),
      token,
    );
    expect(rows).toEqual([{ name: 'MODEL_VAR', value: 'one' }]);
  });
});

describe('model rules', () => {
  it('rejects a short app name with the rule sentence', async () => {
    const reply = await request(apiUrl, 'POST', '/v7/application', {
      token,
      body: { app_name: 'Foo', organization: organizationId, is_for__device_type: deviceTypeId },
    });
    expect(reply.status).toBe(400);
    expect(reply.json).toBe(
      'It is necessary that each application has an app name that has a Length (Type) that is greater than or equal to 4 and is less than or equal to 100.',
    );
  });

  it('only lets a fleet target, or a device pin, a successful release of that fleet', async () => {
    const release = await request(apiUrl, 'POST', '/v7/release', {
      token,
      body: {
        belongs_to__application: fleetId,
        commit: 'abcdef0123456789abcdef0123456789',
        composition: {},
        status: 'running',
        source: 'cloud',
        start_timestamp: new Date().toISOString(),
      },
    });
    expect(release.status).toBe(201);
    const releaseId = (release.json as { id: number }).id;
    const target = await request(apiUrl, 'PATCH', `/v7/application(${fleetId})`, {
      token,
      body: { should_be_running__release: releaseId },
    });
    expect(target.status).toBe(400);
    expect(target.json).toMatch(
      /^It is necessary that each application that should be running a release/,
    );
    const deviceId = await createDevice('pin-probe');
    const pin = await request(apiUrl, 'PATCH', `/v7/device(${deviceId})`, {
      token,
      body: { is_pinned_on__release: releaseId },
    });
    expect(pin.status).toBe(400);
    expect(pin.json).toMatch(/^It is necessary that each device that is pinned on a release/);
  });

  it('rejects a value outside an enum', async () => {
    const id = await createDevice('enum-probe');
    const reply = await request(apiUrl, 'PATCH', `/v7/device(${id})`, {
      token,
      body: { update_status: 'exploded' },
    });
    expect(reply.status).toBe(400);
  });
});
