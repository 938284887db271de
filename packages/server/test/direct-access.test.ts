// The direct-access fact (`application.is_directly_accessible_by__user`) as each kind of member reads it: organization
// administrators, application members and team members see their own fleets there, and never another user's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../src/testing/index.js';
import { getRows, odata, request } from './support/odata-client.js';

let server: TestServer;
let api: string;
let owner: TestUser;
let outsider: TestUser;
let orgId: number;
let teamFleetId: number;
let memberFleetId: number;
let outsiderFleetId: number;

async function idOf(path: string, token: string): Promise<number> {
  const found = await getRows<{ id: number }>(api, odata(path), token);
  if (found.length !== 1) throw new Error(`${path} matched ${found.length} rows`);
  return found[0].id;
}

async function created(path: string, token: string, body: unknown): Promise<number> {
  const reply = await request(api, 'POST', path, { token, body });
  if (reply.status !== 201) throw new Error(`POST ${path} → ${reply.status} ${reply.text}`);
  return (reply.json as { id: number }).id;
}

async function newFleet(user: TestUser, organization: number, name: string): Promise<number> {
  const deviceType = await idOf(
    "/v7/device_type?$select=id&$filter=slug eq 'raspberrypi3'",
    user.token,
  );
  return created('/v7/application', user.token, {
    organization,
    is_for__device_type: deviceType,
    app_name: name,
  });
}

async function roleId(resource: string, name: string): Promise<number> {
  return idOf(`/v7/${resource}?$select=id&$filter=name eq '${name}'`, owner.token);
}

/** Ids of the fleets the user reads through the direct-access navigation, with the given lambda filter. */
async function directFleets(user: TestUser, lambda = 'dau:1 eq 1'): Promise<number[]> {
  const path = `/v7/application?$select=id&$orderby=id asc&$filter=is_directly_accessible_by__user/any(${lambda})`;
  const rows = await getRows<{ id: number }>(api, odata(path), user.token);
  return rows.map((row) => row.id);
}

/** A new user in the owner's organization (role `member`), optionally in a team granted `role` on the team fleet. */
async function organizationMember(
  teamRole?: 'developer' | 'operator' | 'observer',
): Promise<TestUser> {
  const user = await server.createUser();
  await created('/v7/organization_membership', owner.token, {
    user: user.id,
    is_member_of__organization: orgId,
    organization_membership_role: await roleId('organization_membership_role', 'member'),
  });
  if (teamRole != null) {
    const teamId = await created('/v7/team', owner.token, {
      belongs_to__organization: orgId,
      name: `direct-${user.id}`,
    });
    await created('/v7/team_membership', owner.token, {
      user: user.id,
      is_member_of__team: teamId,
    });
    await created('/v7/team_application_access', owner.token, {
      team: teamId,
      grants_access_to__application: teamFleetId,
      application_membership_role: await roleId('application_membership_role', teamRole),
    });
  }
  return user;
}

beforeAll(async () => {
  server = await startTestServer();
  api = server.apiUrl;
  owner = await server.createUser();
  outsider = await server.createUser();
  orgId = await idOf('/v7/organization?$select=id', owner.token);
  teamFleetId = await newFleet(owner, orgId, 'directTeamFleet');
  memberFleetId = await newFleet(owner, orgId, 'directMemberFleet');
  const outsiderOrg = await idOf('/v7/organization?$select=id', outsider.token);
  outsiderFleetId = await newFleet(outsider, outsiderOrg, 'outsiderFleet');
}, 90_000);

afterAll(async () => {
  await server?.close();
});

describe('directly accessible fleets', () => {
  it('a team member sees the fleet the team was granted', async () => {
    const member = await organizationMember('observer');
    expect(await directFleets(member)).toEqual([teamFleetId]);
    expect(await directFleets(member, `u:u/user eq ${member.id}`)).toEqual([teamFleetId]);
    const count = await request(
      api,
      'GET',
      odata('/v7/application/$count?$filter=is_directly_accessible_by__user/any(dau:1 eq 1)'),
      { token: member.token },
    );
    expect(count.json).toEqual({ d: 1 });
  });

  it('an application member sees the fleet they belong to', async () => {
    const member = await organizationMember();
    await created('/v7/user_application_membership', owner.token, {
      user: member.id,
      is_member_of__application: memberFleetId,
      application_membership_role: await roleId('application_membership_role', 'developer'),
    });
    expect(await directFleets(member)).toEqual([memberFleetId]);
    expect(await directFleets(member, `u:u/user eq ${member.id}`)).toEqual([memberFleetId]);
  });

  it('an organization administrator sees every fleet of the organization', async () => {
    expect(await directFleets(owner)).toEqual([teamFleetId, memberFleetId]);
    expect(await directFleets(owner, `u:u/user eq ${owner.id}`)).toEqual([
      teamFleetId,
      memberFleetId,
    ]);
  });

  it('an organization member without a team grant or membership sees none', async () => {
    const member = await organizationMember();
    expect(await directFleets(member)).toEqual([]);
  });

  it("never counts another user's access, even on a fleet the caller can read", async () => {
    const member = await organizationMember('developer');
    expect(await directFleets(outsider)).toEqual([outsiderFleetId]);
    expect(await directFleets(outsider, `u:u/user eq ${owner.id}`)).toEqual([]);
    expect(await directFleets(member, `u:u/user eq ${owner.id}`)).toEqual([]);
    expect(await directFleets(owner, `u:u/user eq ${outsider.id}`)).toEqual([]);
    // A public fleet is readable by everyone and directly accessible to its administrators, not to readers.
    const madePublic = await request(api, 'PATCH', `/v7/application(${outsiderFleetId})`, {
      token: outsider.token,
      body: { is_public: true },
    });
    expect(madePublic.status).toBe(200);
    const readable = await getRows<{ id: number }>(
      api,
      odata(`/v7/application?$select=id&$filter=id eq ${outsiderFleetId}`),
      owner.token,
    );
    expect(readable).toEqual([{ id: outsiderFleetId }]);
    expect(await directFleets(owner)).toEqual([teamFleetId, memberFleetId]);
    expect(await directFleets(member)).toEqual([teamFleetId]);
    expect(await directFleets(outsider)).toEqual([outsiderFleetId]);
  });

  it('has no row id a user id could match by coincidence', async () => {
    const member = await organizationMember('operator');
    const everyId = [teamFleetId, memberFleetId, outsiderFleetId, member.id, owner.id];
    for (const id of everyId) {
      expect(await directFleets(member, `u:u/id eq ${id}`)).toEqual([]);
    }
  });

  it("lists only the caller's own rows when read as a resource", async () => {
    const member = await organizationMember('observer');
    const rows = await getRows<{
      user: { __id: number };
      has_direct_access_to__application: { __id: number };
    }>(
      api,
      odata(
        '/v7/user__has_direct_access_to__application?$select=user,has_direct_access_to__application',
      ),
      member.token,
    );
    expect(rows).toEqual([
      { user: { __id: member.id }, has_direct_access_to__application: { __id: teamFleetId } },
    ]);
    // Anonymous callers have no rows of their own: pinejs refuses the navigation instead of matching nothing.
    const anonymous = await request(
      api,
      'GET',
      odata('/v7/application?$select=id&$filter=is_directly_accessible_by__user/any(dau:1 eq 1)'),
    );
    expect(anonymous.status).toBe(401);
  });
});
