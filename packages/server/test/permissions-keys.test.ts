import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sbvrUtils } from '@balena/pinejs';
import { startTestServer, type TestServer } from '../src/testing/index.js';
import { createUser, type CreatedUser } from '../src/identity/index.js';
import { issueSessionToken } from '../src/identity/sessions.js';
import { findUserById } from '../src/identity/users.js';
import { request, type Reply } from './support/odata-client.js';

let server: TestServer;
let api: string;

const call = (method: string, path: string, token?: string, body?: unknown): Promise<Reply> =>
  request(api, method, path, { token, body });

const rows = (reply: Reply) => (reply.json as { d: Array<Record<string, unknown>> }).d;

let deviceTypeId: number;
let owner: CreatedUser;
let appId: number;
let otherAppId: number;
let provisioningKey: string;

async function newApp(user: CreatedUser, name: string): Promise<number> {
  const orgId = rows(await call('GET', '/v7/organization?$select=id', user.token))[0].id;
  const reply = await call('POST', '/v7/application', user.token, {
    app_name: name,
    organization: orgId,
    is_for__device_type: deviceTypeId,
  });
  expect(reply.status).toBe(201);
  return (reply.json as { id: number }).id;
}

async function register(key: string, application: number, uuid: string): Promise<Reply> {
  return await call('POST', '/device/register', key, {
    application,
    uuid,
    device_type: 'raspberrypi3',
  });
}

beforeAll(async () => {
  server = await startTestServer();
  api = server.apiUrl;
  deviceTypeId = rows(
    await call('GET', "/v7/device_type?$select=id&$filter=slug%20eq%20'raspberrypi3'"),
  )[0].id as number;
  owner = await createUser({ email: 'keys-owner@example.com', password: 'a-long-password' });
  appId = await newApp(owner, 'keysFleet');
  otherAppId = await newApp(owner, 'otherFleet');
  const key = await call('POST', '/api-key/v2/', owner.token, {
    actorType: 'application',
    actorTypeId: appId,
    roles: ['provisioning-api-key'],
    name: null,
    description: 'Created by SDK to register a device',
    expiryDate: new Date(Date.now() + 600_000).toISOString(),
  });
  expect(key.status).toBe(200);
  provisioningKey = key.json as string;
}, 90_000);
afterAll(async () => {
  await server?.close();
});

describe('application provisioning key', () => {
  it('identifies as the application and registers devices in its own fleet only', async () => {
    const whoami = await call('GET', '/actor/v1/whoami', provisioningKey);
    expect(whoami.json).toMatchObject({ actorType: 'application', actorTypeId: appId });
    const ok = await register(provisioningKey, appId, 'b'.repeat(32));
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ uuid: 'b'.repeat(32) });
    expect((ok.json as { api_key: string }).api_key).toMatch(/^[A-Za-z0-9]{32}$/);
    expect((await register(provisioningKey, otherAppId, 'c'.repeat(32))).status).toBe(401);
    expect((await register(provisioningKey, appId, 'b'.repeat(32))).status).toBe(409);
  });

  it('validates the registration body with the real texts', async () => {
    const bad = async (body: Record<string, unknown>) =>
      await call('POST', '/device/register', provisioningKey, body);
    expect((await bad({ uuid: 'd'.repeat(32), device_type: 'raspberrypi3' })).text).toBe(
      'Application ID must be a valid integer',
    );
    expect((await bad({ application: appId, uuid: 'd'.repeat(32) })).text).toBe(
      'Device type must be specified',
    );
    expect((await bad({ application: appId, device_type: 'raspberrypi3' })).text).toBe(
      'UUID must be specified',
    );
    expect(
      (await bad({ application: appId, uuid: 'd'.repeat(32), device_type: 'nope' })).status,
    ).toBe(404);
    expect((await bad({ application: appId, uuid: 'D', device_type: 'raspberrypi3' })).status).toBe(
      400,
    );
    const jwt = await call('POST', '/device/register', owner.token, {
      application: appId,
      uuid: 'e'.repeat(32),
      device_type: 'raspberrypi3',
    });
    expect(jwt.status).toBe(401);
    expect(jwt.json).toEqual({ error: 'API key required' });
  });

  it('cannot read devices, users or other fleets', async () => {
    expect((await call('GET', '/v7/device', provisioningKey)).status).toBe(401);
    expect((await call('GET', '/v7/user', provisioningKey)).status).toBe(401);
    const apps = rows(
      await call(
        'GET',
        '/v7/application?$select=id&$filter=is_public%20eq%20false',
        provisioningKey,
      ),
    );
    expect(apps).toEqual([{ id: appId }]);
  });

  it('stops working once expired', async () => {
    const expired = await call('POST', '/api-key/v1/', owner.token, {
      actorType: 'application',
      actorTypeId: appId,
      roles: ['provisioning-api-key'],
      expiryDate: new Date(Date.now() - 1000).toISOString(),
    });
    expect(expired.status).toBe(200);
    expect((await call('GET', '/actor/v1/whoami', expired.json as string)).status).toBe(401);
    expect((await register(expired.json as string, appId, 'f'.repeat(32))).status).toBe(401);
  });
});

describe('device key', () => {
  it('reads and reports its own device only', async () => {
    const first = (await register(provisioningKey, appId, '1'.repeat(32))).json as {
      id: number;
      api_key: string;
    };
    const second = (await register(provisioningKey, appId, '2'.repeat(32))).json as {
      id: number;
      api_key: string;
    };
    const key = first.api_key;
    expect((await call('GET', '/actor/v1/whoami', key)).json).toMatchObject({
      actorType: 'device',
      actorTypeId: first.id,
    });
    expect(rows(await call('GET', '/v7/device?$select=id', key))).toEqual([{ id: first.id }]);
    expect((await call('PATCH', `/v7/device(${first.id})`, key, { is_online: true })).status).toBe(
      200,
    );
    expect(
      (await call('PATCH', `/v7/device(${second.id})`, key, { device_name: 'hijacked' })).status,
    ).toBe(200);
    const other = rows(
      await call('GET', `/v7/device(${second.id})?$select=device_name`, owner.token),
    );
    expect(other[0].device_name).not.toBe('hijacked');
    const own = rows(
      await call(
        'GET',
        `/v7/device(${first.id})?$select=is_online,last_connectivity_event`,
        owner.token,
      ),
    );
    expect(own[0].is_online).toBe(true);
    expect(own[0].last_connectivity_event).not.toBeNull();
    expect((await call('GET', '/v7/user', key)).status).toBe(401);
    expect(
      rows(await call('GET', '/v7/application?$select=id&$filter=is_public%20eq%20false', key)),
    ).toEqual([{ id: appId }]);
    const create = await call('POST', '/v7/application', key, {
      app_name: 'byDevice',
      organization: 1,
      is_for__device_type: deviceTypeId,
    });
    expect(create.status).toBe(401);
    expect(
      (await call('POST', '/v7/device_tag', key, { device: first.id, tag_key: 'own', value: '1' }))
        .status,
    ).toBe(201);
    expect(
      (
        await call('POST', '/v7/device_tag', key, {
          device: second.id,
          tag_key: 'other',
          value: '1',
        })
      ).status,
    ).toBe(401);
  });

  it('may be presented as ?apikey= as well', async () => {
    const device = (await register(provisioningKey, appId, '3'.repeat(32))).json as {
      api_key: string;
    };
    const res = await fetch(`${api}/actor/v1/whoami?apikey=${device.api_key}`);
    expect(res.status).toBe(200);
  });
});

describe('named user API key', () => {
  it('acts as its user but cannot mint tokens or user keys, and reads keys only', async () => {
    const created = await call('POST', '/api-key/user/full', owner.token, {
      name: 'cli',
      description: 'd',
      expiryDate: null,
    });
    expect(created.status).toBe(200);
    const key = created.json as string;
    expect((await call('GET', '/actor/v1/whoami', key)).json).toMatchObject({
      actorType: 'user',
      actorTypeId: owner.id,
    });
    expect(
      rows(await call('GET', '/v7/application?$select=id&$filter=is_public%20eq%20false', key))
        .length,
    ).toBe(2);
    expect(
      (await call('POST', '/api-key/user/full', key, { name: 'again', expiryDate: null })).status,
    ).toBe(401);
    const viaV2 = await call('POST', '/api-key/v2/', key, {
      actorType: 'user',
      actorTypeId: owner.id,
      roles: ['named-user-api-key'],
      name: 'x',
      expiryDate: null,
    });
    expect(viaV2.status).toBe(403);
    const provisioning = await call('POST', '/api-key/v2/', key, {
      actorType: 'application',
      actorTypeId: appId,
      roles: ['provisioning-api-key'],
      expiryDate: null,
    });
    expect(provisioning.status).toBe(200);
    const listed = rows(await call('GET', '/v7/api_key?$select=id,name', key));
    const own = listed.find((row) => row.name === 'cli');
    expect(own).toBeDefined();
    expect(
      (await call('PATCH', `/v7/api_key(${own?.id as number})`, key, { name: 'renamed' })).status,
    ).toBe(401);
  });

  it('is revoked immediately when its user deletes it', async () => {
    const key = (
      await call('POST', '/api-key/user/full', owner.token, { name: 'temp', expiryDate: null })
    ).json as string;
    const listed = rows(await call('GET', '/v7/api_key?$select=id,name', owner.token));
    const id = listed.find((row) => row.name === 'temp')?.id as number;
    expect(
      (await call('PATCH', `/v7/api_key(${id})`, owner.token, { name: 'temp2', description: 'x' }))
        .status,
    ).toBe(200);
    expect((await call('GET', '/actor/v1/whoami', key)).status).toBe(200);
    expect((await call('DELETE', `/v7/api_key(${id})`, owner.token)).status).toBe(200);
    expect((await call('GET', '/actor/v1/whoami', key)).status).toBe(401);
  });
});

describe('key creation validation', () => {
  it('requires a name and a fresh session for /api-key/user/full', async () => {
    expect(
      (await call('POST', '/api-key/user/full', owner.token, { expiryDate: null })).status,
    ).toBe(400);
    expect(
      (
        await call('POST', '/api-key/user/full', owner.token, {
          name: 'n',
          expiryDate: 'not a date',
        })
      ).text,
    ).toBe('Key expiry date should be a valid date');
    const user = await sbvrUtils.db.readTransaction((tx) => findUserById(tx, owner.id));
    const stale = await sbvrUtils.db.transaction((tx) =>
      issueSessionToken(tx, user!, { authTime: Date.now() - 21 * 60 * 1000 }),
    );
    const reply = await call('POST', '/api-key/user/full', stale, {
      name: 'late',
      expiryDate: null,
    });
    expect(reply.status).toBe(401);
    expect(reply.text).toBe('Fresh authentication token required');
    expect((await call('POST', '/api-key/user/full', undefined, { name: 'anon' })).status).toBe(
      401,
    );
  });

  it('validates /api-key/v2 bodies', async () => {
    const v2 = async (body: Record<string, unknown>) =>
      await call('POST', '/api-key/v2/', owner.token, body);
    const base = {
      actorType: 'application',
      actorTypeId: appId,
      roles: ['provisioning-api-key'],
      expiryDate: null,
    };
    expect((await v2({ ...base, roles: ['a', 'b'] })).text).toBe(
      'API Keys currently only support a single role',
    );
    expect((await v2({ ...base, roles: ['nope'] })).status).toBe(404);
    expect((await v2({ ...base, roles: ['nope'] })).text).toBe("Role 'nope' not found");
    const { expiryDate: _omitted, ...withoutExpiry } = base;
    expect((await v2(withoutExpiry)).text).toBe('Key expiry date should be a valid date');
    expect((await v2({ ...base, actorType: 'team' })).status).toBe(400);
    expect((await v2({ ...base, actorTypeId: 'x' })).status).toBe(400);
    expect(
      (
        await v2({
          ...base,
          actorType: 'user',
          actorTypeId: owner.id,
          roles: ['named-user-api-key'],
        })
      ).text,
    ).toBe("API keys with the 'named-user-api-key' role require a name");
    expect((await call('POST', '/api-key/device/abc/device-key', owner.token, {})).text).toBe(
      'Device id must be a number',
    );
  });
});

describe('api key queries', () => {
  it("filters and counts keys by a name containing 'key', never returning the digest", async () => {
    const created = await call('POST', '/api-key/user/full', owner.token, {
      name: 'a-key',
      expiryDate: null,
    });
    expect(created.status).toBe(200);
    const byName = await call('GET', "/v7/api_key?$filter=name%20eq%20'a-key'", owner.token);
    expect(byName.status).toBe(200);
    expect(rows(byName).map((row) => row.name)).toEqual(['a-key']);
    expect(rows(byName)[0]).not.toHaveProperty('key');
    const counted = await call(
      'GET',
      "/v7/api_key/$count?$filter=name%20eq%20'a-key'",
      owner.token,
    );
    expect(counted.json).toEqual({ d: 1 });
    const byDigest = await call('GET', "/v7/api_key?$filter=key%20eq%20'x'", owner.token);
    expect(byDigest.status).toBe(400);
  });
});
