// Organization features at the HTTP level: invites by e-mail and their acceptance, what members (not administrators)
// may do with invites, teams and credits, credit bundle pricing, billing access and the organization delete cascade.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../src/testing/index.js';
import { getRows, request } from './support/odata-client.js';

let server: TestServer;
let api: string;
let admin: TestUser;
let member: TestUser;
let outsider: TestUser;
let orgId: number;

async function post(path: string, token: string, body: unknown) {
  return request(api, 'POST', path, { token, body });
}

beforeAll(async () => {
  server = await startTestServer();
  api = server.apiUrl;
  [admin, member, outsider] = await Promise.all([
    server.createUser(),
    server.createUser(),
    server.createUser(),
  ]);
  const created = await post('/v7/organization', admin.token, { name: 'Features Org' });
  orgId = (created.json as { id: number }).id;
  const invite = await post('/v7/organization_invite', admin.token, {
    invitee: member.email.toUpperCase(),
    is_invited_to__organization: orgId,
  });
  const token = (invite.json as { invitation_token: string }).invitation_token;
  const accepted = await request(api, 'POST', `/org/v1/invitation/${token}`, {
    token: member.token,
  });
  expect(accepted.status).toBe(200);
});

afterAll(() => server.close());

describe('organization invites', () => {
  it('fills role, creator and a decodable token; finds the invitee case-insensitively', async () => {
    const reply = await post('/v7/invitee__is_invited_to__organization', admin.token, {
      invitee: 'Someone@Example.com',
      is_invited_to__organization: orgId,
    });
    expect(reply.status).toBe(201);
    const invite = reply.json as Record<string, unknown>;
    expect(invite.is_created_by__user).toEqual({ __id: admin.id });
    const [role] = await getRows<{ id: number }>(
      api,
      "/v7/organization_membership_role?$select=id&$filter=name eq 'member'",
      admin.token,
    );
    expect(invite.organization_membership_role).toEqual({ __id: role.id });
    const payload = JSON.parse(
      Buffer.from(String(invite.invitation_token), 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(payload).toMatchObject({ resource: 'organization' });
    expect(typeof payload.token).toBe('string');
    const again = await post('/v7/organization_invite', admin.token, {
      invitee: 'someone@example.com',
      is_invited_to__organization: orgId,
    });
    expect(again.status).toBe(409);
  });

  it('answers 400 for a malformed e-mail, 401 to members and outsiders, and hides invites from them', async () => {
    expect(
      (
        await post('/v7/organization_invite', admin.token, {
          invitee: 'nope',
          is_invited_to__organization: orgId,
        })
      ).text,
    ).toBe('"Invalid email"');
    for (const user of [member, outsider]) {
      const reply = await post('/v7/organization_invite', user.token, {
        invitee: 'x@example.com',
        is_invited_to__organization: orgId,
      });
      expect(reply.status).toBe(401);
      expect(await getRows(api, '/v7/organization_invite', user.token)).toEqual([]);
    }
  });

  it('refuses acceptance without credentials and ignores a client-sent token on update', async () => {
    expect((await request(api, 'POST', '/org/v1/invitation/anything')).status).toBe(401);
    const created = await post('/v7/organization_invite', admin.token, {
      invitee: 'patch@example.com',
      is_invited_to__organization: orgId,
    });
    const { id, invitation_token: token } = created.json as {
      id: number;
      invitation_token: string;
    };
    await request(api, 'PATCH', `/v7/organization_invite(${id})`, {
      token: admin.token,
      body: { invitation_token: 'chosen', message: 'changed' },
    });
    const [row] = await getRows<{ invitation_token: string; message: string }>(
      api,
      `/v7/organization_invite?$filter=id eq ${id}`,
      admin.token,
    );
    expect(row).toEqual(expect.objectContaining({ invitation_token: token, message: 'changed' }));
  });
});

describe('teams for members', () => {
  it('lets members read teams and memberships but not change them', async () => {
    const team = (
      await post('/v7/team', admin.token, { name: 'core', belongs_to__organization: orgId })
    ).json as { id: number };
    const joined = await post('/v7/team_membership', admin.token, {
      username: member.username,
      is_member_of__team: team.id,
    });
    expect(joined.status).toBe(201);
    expect(await getRows(api, `/v7/team?$filter=id eq ${team.id}`, member.token)).toHaveLength(1);
    expect(await getRows(api, '/v7/team_membership', member.token)).toHaveLength(1);
    expect(
      (await post('/v7/team', member.token, { name: 'mine', belongs_to__organization: orgId }))
        .status,
    ).toBe(401);
    expect(await getRows(api, `/v7/team?$filter=id eq ${team.id}`, outsider.token)).toEqual([]);
    const rename = await request(api, 'PATCH', `/v7/team(${team.id})`, {
      token: admin.token,
      body: { name: 'core' },
    });
    expect(rename.status).toBe(200);
  });
});

describe('credit bundles', () => {
  it('prices a bundle, refuses members and updates', async () => {
    const [feature] = await getRows<{ id: number }>(api, '/v7/feature?$select=id', admin.token);
    const bought = await post('/v7/credit_bundle', admin.token, {
      belongs_to__organization: orgId,
      is_for__feature: feature.id,
      original_quantity: 4,
    });
    expect(bought.status).toBe(201);
    const bundle = bought.json as { id: number; unit_cost: number; total_cost: number };
    expect(bundle.total_cost).toBe(4 * bundle.unit_cost);
    const zero = await post('/v7/credit_bundle', admin.token, {
      belongs_to__organization: orgId,
      is_for__feature: feature.id,
      original_quantity: 0,
    });
    expect(zero.status).toBe(400);
    const byMember = await post('/v7/credit_bundle', member.token, {
      belongs_to__organization: orgId,
      is_for__feature: feature.id,
      original_quantity: 1,
    });
    expect(byMember.status).toBe(401);
    const patch = await request(api, 'PATCH', `/v7/credit_bundle(${bundle.id})`, {
      token: admin.token,
      body: { available_balance: 1000 },
    });
    expect(patch.status).toBe(405);
  });
});

describe('billing access and the organization delete cascade', () => {
  it('answers 401 without credentials and 404 to members', async () => {
    expect((await request(api, 'GET', `/billing/v1/account/${orgId}`)).status).toBe(401);
    expect(
      (await request(api, 'GET', `/billing/v1/account/${orgId}`, { token: member.token })).status,
    ).toBe(404);
  });

  it('removes memberships, teams, invites, credits and the billing account with the organization', async () => {
    const created = await post('/v7/organization', admin.token, { name: 'Cascade Org' });
    const id = (created.json as { id: number }).id;
    await post('/v7/team', admin.token, { name: 't', belongs_to__organization: id });
    await post('/v7/organization_invite', admin.token, {
      invitee: 'c@example.com',
      is_invited_to__organization: id,
    });
    await request(api, 'PATCH', `/billing/v1/account/${id}/plan`, {
      token: admin.token,
      body: { tier: 'pilot', annual: false },
    });
    const removed = await request(api, 'DELETE', `/v7/organization(${id})`, { token: admin.token });
    expect(removed.status).toBe(200);
    expect(
      await getRows(api, `/v7/team?$filter=belongs_to__organization eq ${id}`, admin.token),
    ).toEqual([]);
    const recreated = await post('/v7/organization', admin.token, { name: 'Cascade Org' });
    const handle = (recreated.json as { handle: string }).handle;
    expect(handle).toBe('cascade_org');
  });
});
