// Team access: members of a team granted access to a fleet get that grant's role on it, and nothing more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../src/testing/index.js';
import { getRows, request } from './support/odata-client.js';

let server: TestServer;
let api: string;
let owner: TestUser;
let orgId: number;
let appId: number;
let otherAppId: number;
let deviceId: number;

async function idOf(path: string, token?: string): Promise<number> {
  const found = await getRows<{ id: number }>(api, path, token);
  if (found.length !== 1) throw new Error(`${path} matched ${found.length} rows`);
  return found[0].id;
}

async function created(path: string, body: unknown): Promise<number> {
  const reply = await request(api, 'POST', path, { token: owner.token, body });
  if (reply.status !== 201) throw new Error(`POST ${path} → ${reply.status} ${reply.text}`);
  return (reply.json as { id: number }).id;
}

/** A new organization member in a new team, the team granted `role` on the fleet when given. */
async function teamMember(role?: 'developer' | 'operator' | 'observer'): Promise<TestUser> {
  const user = await server.createUser();
  const memberRole = await idOf(
    "/v7/organization_membership_role?$select=id&$filter=name%20eq%20'member'",
    owner.token,
  );
  await created('/v7/organization_membership', {
    user: user.id,
    is_member_of__organization: orgId,
    organization_membership_role: memberRole,
  });
  const teamId = await created('/v7/team', {
    belongs_to__organization: orgId,
    name: `team-${user.id}`,
  });
  await created('/v7/team_membership', { user: user.id, is_member_of__team: teamId });
  if (role != null) {
    const appRole = await idOf(
      `/v7/application_membership_role?$select=id&$filter=name%20eq%20'${role}'`,
      owner.token,
    );
    await created('/v7/team_application_access', {
      team: teamId,
      grants_access_to__application: appId,
      application_membership_role: appRole,
    });
  }
  return user;
}

beforeAll(async () => {
  server = await startTestServer();
  api = server.apiUrl;
  owner = await server.createUser();
  orgId = await idOf('/v7/organization?$select=id', owner.token);
  const deviceType = await idOf(
    "/v7/device_type?$select=id&$filter=slug%20eq%20'raspberrypi3'",
    owner.token,
  );
  const fleet = { organization: orgId, is_for__device_type: deviceType };
  appId = await created('/v7/application', { ...fleet, app_name: 'teamFleet' });
  otherAppId = await created('/v7/application', { ...fleet, app_name: 'notGrantedFleet' });
  deviceId = await created('/v7/device', {
    belongs_to__application: appId,
    is_of__device_type: deviceType,
  });
}, 90_000);

afterAll(async () => {
  await server?.close();
});

describe('team application access', () => {
  it('a team without a grant gives no fleet access', async () => {
    const user = await teamMember();
    expect(
      await getRows(api, '/v7/application?$select=id&$filter=is_public%20eq%20false', user.token),
    ).toEqual([]);
    expect(await getRows(api, '/v7/device?$select=id', user.token)).toEqual([]);
  });

  it('an observer team reads the granted fleet and its devices only, and changes nothing', async () => {
    const user = await teamMember('observer');
    const fleets = await getRows<{ id: number }>(
      api,
      '/v7/application?$select=id&$filter=is_public%20eq%20false',
      user.token,
    );
    expect(fleets.map((f) => f.id)).toEqual([appId]);
    expect(fleets.map((f) => f.id)).not.toContain(otherAppId);
    expect(await getRows(api, '/v7/device?$select=id', user.token)).toEqual([{ id: deviceId }]);
    const patch = await request(api, 'PATCH', `/v7/device(${deviceId})`, {
      token: user.token,
      body: { note: 'observer' },
    });
    expect([200, 401]).toContain(patch.status);
    const note = await getRows<{ note: string | null }>(
      api,
      `/v7/device(${deviceId})?$select=note`,
      owner.token,
    );
    expect(note[0].note).toBeNull();
  });

  it('an operator team manages the fleet devices but creates no releases', async () => {
    const user = await teamMember('operator');
    const patch = await request(api, 'PATCH', `/v7/device(${deviceId})`, {
      token: user.token,
      body: { note: 'team operator' },
    });
    expect(patch.status).toBe(200);
    const note = await getRows<{ note: string | null }>(
      api,
      `/v7/device(${deviceId})?$select=note`,
      owner.token,
    );
    expect(note[0].note).toBe('team operator');
    const release = await request(api, 'POST', '/v7/release', {
      token: user.token,
      body: {
        belongs_to__application: appId,
        commit: 'team-operator',
        composition: {},
        status: 'success',
        source: 'cloud',
        start_timestamp: new Date().toISOString(),
      },
    });
    expect(release.status).toBe(401);
  });
});
