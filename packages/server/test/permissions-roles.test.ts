import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions, sbvrUtils } from '@balena/pinejs';
import { startTestServer, type TestServer } from '../src/testing/index.js';
import { createUser, type CreatedUser } from '../src/identity/index.js';
import { request, type Reply } from './support/odata-client.js';

let server: TestServer;
let api: string;

const call = (method: string, path: string, token?: string, body?: unknown): Promise<Reply> =>
  request(api, method, path, { token, body });

const rows = (reply: Reply) => (reply.json as { d: Array<Record<string, unknown>> }).d;
const rootApi = () => sbvrUtils.api.v7.clone({ passthrough: { req: permissions.root } });

async function roleId(resource: string, name: string): Promise<number> {
  const found = (await rootApi().get({
    resource,
    options: { $select: 'id', $filter: { name } },
  })) as Array<{ id: number }>;
  return found[0].id;
}

let owner: CreatedUser;
let orgId: number;
let appId: number;
let deviceId: number;
let deviceTypeId: number;

async function member(
  email: string,
  appRole?: 'developer' | 'operator' | 'observer',
): Promise<CreatedUser> {
  const user = await createUser({ email, password: 'a-long-password' });
  await rootApi().post({
    resource: 'organization_membership',
    body: {
      user: user.id,
      is_member_of__organization: orgId,
      organization_membership_role: await roleId('organization_membership_role', 'member'),
    },
  });
  if (appRole != null) {
    await rootApi().post({
      resource: 'user_application_membership',
      body: {
        user: user.id,
        is_member_of__application: appId,
        application_membership_role: await roleId('application_membership_role', appRole),
      },
    });
  }
  return user;
}

function release(commit: string) {
  return {
    belongs_to__application: appId,
    commit,
    composition: {},
    status: 'success',
    source: 'cloud',
    start_timestamp: new Date().toISOString(),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  api = server.apiUrl;
  deviceTypeId = rows(
    await call('GET', "/v7/device_type?$select=id&$filter=slug%20eq%20'raspberrypi3'"),
  )[0].id as number;
  owner = await createUser({ email: 'roles-owner@example.com', password: 'a-long-password' });
  orgId = rows(await call('GET', '/v7/organization?$select=id', owner.token))[0].id as number;
  const app = await call('POST', '/v7/application', owner.token, {
    app_name: 'rolesFleet',
    organization: orgId,
    is_for__device_type: deviceTypeId,
  });
  appId = (app.json as { id: number }).id;
  const device = await call('POST', '/v7/device', owner.token, {
    belongs_to__application: appId,
    is_of__device_type: deviceTypeId,
  });
  deviceId = (device.json as { id: number }).id;
}, 90_000);
afterAll(async () => {
  await server?.close();
});

describe('organization and application roles', () => {
  it('an organization member without an application role sees the organization but no fleets', async () => {
    const plain = await member('plain-member@example.com');
    expect(
      rows(await call('GET', '/v7/organization?$select=id', plain.token)).map((r) => r.id),
    ).toContain(orgId);
    expect(rows(await call('GET', `/v7/application(${appId})`, plain.token))).toEqual([]);
    const users = rows(await call('GET', '/v7/user?$select=id', plain.token)).map((r) => r.id);
    expect(users).toContain(owner.id);
    const create = await call('POST', '/v7/application', plain.token, {
      app_name: 'memberFleet',
      organization: orgId,
      is_for__device_type: deviceTypeId,
    });
    expect(create.status).toBe(401);
  });

  it('an observer reads the fleet but changes nothing', async () => {
    const observer = await member('observer@example.com', 'observer');
    expect(rows(await call('GET', `/v7/application(${appId})?$select=id`, observer.token))).toEqual(
      [{ id: appId }],
    );
    expect(rows(await call('GET', '/v7/device?$select=id', observer.token))).toEqual([
      { id: deviceId },
    ]);
    await call('PATCH', `/v7/device(${deviceId})`, observer.token, { note: 'observer was here' });
    expect(
      rows(await call('GET', `/v7/device(${deviceId})?$select=note`, owner.token))[0].note,
    ).toBeNull();
    const envVar = await call('POST', '/v7/device_environment_variable', observer.token, {
      device: deviceId,
      name: 'X',
      value: '1',
    });
    expect(envVar.status).toBe(401);
  });

  it('an operator manages devices and variables, not releases or the fleet itself', async () => {
    const operator = await member('operator@example.com', 'operator');
    expect(
      (await call('PATCH', `/v7/device(${deviceId})`, operator.token, { note: 'operated' })).status,
    ).toBe(200);
    expect(
      rows(await call('GET', `/v7/device(${deviceId})?$select=note`, owner.token))[0].note,
    ).toBe('operated');
    const envVar = await call('POST', '/v7/application_environment_variable', operator.token, {
      application: appId,
      name: 'OP',
      value: '1',
    });
    expect(envVar.status).toBe(201);
    expect((await call('POST', '/v7/release', operator.token, release('operator'))).status).toBe(
      401,
    );
    await call('PATCH', `/v7/application(${appId})`, operator.token, {
      app_name: 'renamedByOperator',
    });
    expect(
      rows(await call('GET', `/v7/application(${appId})?$select=app_name`, owner.token))[0]
        .app_name,
    ).toBe('rolesFleet');
    const key = await call('POST', '/api-key/v2/', operator.token, {
      actorType: 'application',
      actorTypeId: appId,
      roles: ['provisioning-api-key'],
      expiryDate: null,
    });
    expect(key.status).toBe(200);
  });

  it('a developer also creates releases', async () => {
    const developer = await member('developer@example.com', 'developer');
    expect((await call('POST', '/v7/release', developer.token, release('developer'))).status).toBe(
      201,
    );
  });
});
