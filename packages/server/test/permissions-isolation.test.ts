import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sbvrUtils } from '@balena/pinejs';
import { startTestServer, type TestServer } from '../src/testing/index.js';
import { createUser, type CreatedUser } from '../src/identity/index.js';
import { request, type Reply } from './support/odata-client.js';

let server: TestServer;
let api: string;

const call = (method: string, path: string, token?: string, body?: unknown): Promise<Reply> =>
  request(api, method, path, { token, body });

const rows = (reply: Reply) => (reply.json as { d: Array<Record<string, unknown>> }).d;

interface Fleet {
  owner: CreatedUser;
  orgId: number;
  appId: number;
  deviceId: number;
  releaseId: number;
}

let deviceTypeId: number;
// The variable name field, as the real API spells it.
const ENV_VAR_NAME_FIELD = 'name';
let alice: Fleet;
let bob: Fleet;

async function makeFleet(email: string, appName: string): Promise<Fleet> {
  const owner = await createUser({ email, password: 'a-long-password' });
  const orgId = rows(await call('GET', '/v7/organization?$select=id', owner.token))[0].id as number;
  const app = await call('POST', '/v7/application', owner.token, {
    app_name: appName,
    organization: orgId,
    is_for__device_type: deviceTypeId,
  });
  expect(app.status).toBe(201);
  const appId = (app.json as { id: number }).id;
  const device = await call('POST', '/v7/device', owner.token, {
    belongs_to__application: appId,
    is_of__device_type: deviceTypeId,
  });
  expect(device.status).toBe(201);
  const release = await call('POST', '/v7/release', owner.token, {
    belongs_to__application: appId,
    commit: `c${appId}`,
    composition: {},
    status: 'success',
    source: 'cloud',
    start_timestamp: new Date().toISOString(),
  });
  expect(release.status).toBe(201);
  await call('POST', '/v7/device_tag', owner.token, {
    device: (device.json as { id: number }).id,
    tag_key: 'k',
    value: 'v',
  });
  const envVar = await call('POST', '/v7/application_environment_variable', owner.token, {
    application: appId,
    [ENV_VAR_NAME_FIELD]: 'SECRET',
    value: 's',
  });
  expect(envVar.status).toBe(201);
  return {
    owner,
    orgId,
    appId,
    deviceId: (device.json as { id: number }).id,
    releaseId: (release.json as { id: number }).id,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  api = server.apiUrl;
  const types = await call('GET', "/v7/device_type?$select=id&$filter=slug%20eq%20'raspberrypi3'");
  deviceTypeId = rows(types)[0].id as number;
  alice = await makeFleet('alice@example.com', 'aliceFleet');
  bob = await makeFleet('bob@example.com', 'bobFleet');
}, 90_000);
afterAll(async () => {
  await server?.close();
});

describe('isolation between two users (OData)', () => {
  it('each user reads only their own fleets and what hangs off them', async () => {
    for (const [me, other] of [
      [alice, bob],
      [bob, alice],
    ] as const) {
      const t = me.owner.token;
      const ownApps = rows(
        await call('GET', '/v7/application?$select=id&$filter=is_public%20eq%20false', t),
      );
      expect(ownApps.map((r) => r.id)).toEqual([me.appId]);
      expect(rows(await call('GET', `/v7/application(${other.appId})`, t))).toEqual([]);
      expect(rows(await call('GET', '/v7/device?$select=id', t)).map((r) => r.id)).toEqual([
        me.deviceId,
      ]);
      const releases = rows(
        await call(
          'GET',
          `/v7/release?$select=id&$filter=belongs_to__application%20eq%20${other.appId}`,
          t,
        ),
      );
      expect(releases).toEqual([]);
      expect(rows(await call('GET', '/v7/device_tag?$select=device', t))).toEqual([
        { device: { __id: me.deviceId } },
      ]);
      expect(
        rows(await call('GET', '/v7/application_environment_variable?$select=application', t)),
      ).toEqual([{ application: { __id: me.appId } }]);
      expect(rows(await call('GET', '/v7/organization?$select=id', t))).toEqual([{ id: me.orgId }]);
      const users = rows(await call('GET', '/v7/user?$select=id', t)).map((r) => r.id);
      expect(users).toContain(me.owner.id);
      expect(users).not.toContain(other.owner.id);
    }
  });

  it('writes to another user fleet change nothing or are refused', async () => {
    const t = bob.owner.token;
    expect(
      (await call('PATCH', `/v7/application(${alice.appId})`, t, { app_name: 'stolen' })).status,
    ).toBe(200);
    expect(
      (await call('PATCH', `/v7/device(${alice.deviceId})`, t, { device_name: 'stolen' })).status,
    ).toBe(200);
    expect((await call('DELETE', `/v7/release(${alice.releaseId})`, t)).status).toBe(200);
    expect((await call('DELETE', `/v7/device(${alice.deviceId})`, t)).status).toBe(200);
    const app = rows(
      await call('GET', `/v7/application(${alice.appId})?$select=app_name`, alice.owner.token),
    );
    expect(app).toEqual([{ app_name: 'aliceFleet' }]);
    const device = rows(
      await call('GET', `/v7/device(${alice.deviceId})?$select=device_name`, alice.owner.token),
    );
    expect(device[0].device_name).not.toBe('stolen');
    expect(
      rows(await call('GET', `/v7/release(${alice.releaseId})?$select=id`, alice.owner.token)),
    ).toHaveLength(1);

    const intrusions: Array<[string, Record<string, unknown>]> = [
      ['device', { belongs_to__application: alice.appId, is_of__device_type: deviceTypeId }],
      [
        'application',
        { app_name: 'intruder', organization: alice.orgId, is_for__device_type: deviceTypeId },
      ],
      ['device_tag', { device: alice.deviceId, tag_key: 'x', value: 'y' }],
      [
        'application_environment_variable',
        { application: alice.appId, [ENV_VAR_NAME_FIELD]: 'X', value: 'y' },
      ],
      [
        'release',
        {
          belongs_to__application: alice.appId,
          commit: 'evil',
          composition: {},
          status: 'success',
          source: 'cloud',
          start_timestamp: new Date().toISOString(),
        },
      ],
    ];
    for (const [resource, body] of intrusions) {
      const reply = await call('POST', `/v7/${resource}`, t, body);
      expect(reply.status, resource).toBe(401);
    }
  });

  it('refuses moving an own row into another user fleet', async () => {
    const moved = await call('PATCH', `/v7/device(${bob.deviceId})`, bob.owner.token, {
      belongs_to__application: alice.appId,
    });
    expect(moved.status).toBe(404);
    const newTag = await call('POST', '/v7/device_tag', bob.owner.token, {
      device: bob.deviceId,
      tag_key: 'moveme',
      value: '1',
    });
    const tag = (newTag.json as { id: number }).id;
    const movedTag = await call('PATCH', `/v7/device_tag(${tag})`, bob.owner.token, {
      device: alice.deviceId,
    });
    expect(movedTag.status).toBe(401);
    const device = rows(
      await call(
        'GET',
        `/v7/device(${bob.deviceId})?$select=belongs_to__application`,
        bob.owner.token,
      ),
    );
    expect(device).toEqual([{ belongs_to__application: { __id: bob.appId } }]);
    const app = await call('PATCH', `/v7/application(${bob.appId})`, bob.owner.token, {
      organization: alice.orgId,
    });
    expect(app.status).toBe(401);
  });
});

describe('isolation through custom routes', () => {
  it('refuses provisioning and device keys for another user fleet with 403', async () => {
    const t = bob.owner.token;
    const provisioning = await call('POST', '/api-key/v2/', t, {
      actorType: 'application',
      actorTypeId: alice.appId,
      roles: ['provisioning-api-key'],
      expiryDate: null,
    });
    expect(provisioning.status).toBe(403);
    expect((await call('POST', `/api-key/device/${alice.deviceId}/device-key`, t, {})).status).toBe(
      403,
    );
    expect(
      (await call('POST', `/api-key/application/${alice.appId}/provisioning`, t, {})).status,
    ).toBe(403);
  });

  it('keeps API keys visible only to their owners, without key material', async () => {
    const key = await call(
      'POST',
      `/api-key/device/${alice.deviceId}/device-key`,
      alice.owner.token,
      { name: 'dk' },
    );
    expect(key.status).toBe(200);
    expect(key.json).toMatch(/^[A-Za-z0-9]{32}$/);
    const mine = rows(await call('GET', '/v7/api_key?$orderby=name%20asc', alice.owner.token));
    expect(mine.map((r) => r.name)).toContain('dk');
    for (const row of mine) expect(row).not.toHaveProperty('key');
    const theirs = rows(await call('GET', '/v7/api_key', bob.owner.token));
    expect(theirs.map((r) => r.name)).not.toContain('dk');
    const id = mine.find((r) => r.name === 'dk')?.id as number;
    expect((await call('DELETE', `/v7/api_key(${id})`, bob.owner.token)).status).toBe(200);
    expect((await call('GET', '/actor/v1/whoami', key.json as string)).status).toBe(200);
  });
});

describe('guest (anonymous) access', () => {
  it('reads public device types only, nothing private', async () => {
    expect(rows(await call('GET', '/v7/device_type?$select=slug')).length).toBeGreaterThan(3);
    expect((await call('GET', '/v7/user')).status).toBe(401);
    expect((await call('GET', '/v7/api_key')).status).toBe(401);
    expect((await call('GET', '/v7/organization')).status).toBe(401);
    expect(rows(await call('GET', `/v7/application?$filter=id%20eq%20${alice.appId}`))).toEqual([]);
    expect((await call('GET', '/v7/device')).status).toBe(401);
  });
});

describe('every permission filter compiles', () => {
  it('answers every v7 resource for every actor kind without a server error', async () => {
    const model = sbvrUtils.getAbstractSqlModel({ vocabulary: 'v7' } as Parameters<
      typeof sbvrUtils.getAbstractSqlModel
    >[0]);
    const resources = Object.values(model.tables).map((table) =>
      table.name.replace(/-/g, '__').replace(/ /g, '_'),
    );
    const provisioning = await call('POST', '/api-key/v2/', alice.owner.token, {
      actorType: 'application',
      actorTypeId: alice.appId,
      roles: ['provisioning-api-key'],
      expiryDate: null,
    });
    const deviceKey = await call(
      'POST',
      `/api-key/device/${alice.deviceId}/device-key`,
      alice.owner.token,
      {},
    );
    const userKey = await call('POST', '/api-key/user/full', alice.owner.token, {
      name: 'all',
      expiryDate: null,
    });
    const credentials = [
      undefined,
      alice.owner.token,
      provisioning.json,
      deviceKey.json,
      userKey.json,
    ] as Array<string | undefined>;
    expect(resources.length).toBeGreaterThan(40);
    for (const credential of credentials) {
      for (const resource of resources) {
        const reply = await call('GET', `/v7/${resource}?$top=1`, credential);
        expect([200, 401], `${resource}: ${reply.text}`).toContain(reply.status);
      }
    }
  });
});
