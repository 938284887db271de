// models.team, team.applicationAccess and team.membership against the real local API, with two users.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestFleet, loginNewUser, uniqueName, type LoggedInUser } from './helpers.js';

let alice: LoggedInUser;
let bob: LoggedInUser;
let carol: LoggedInUser;
let org: { id: number; handle: string };

const MISSING_ID = 999_999_999;

beforeAll(async () => {
  [alice, bob, carol] = await Promise.all([loginNewUser(), loginNewUser(), loginNewUser()]);
  org = await alice.sdk.models.organization.create({ name: uniqueName('Team Org') });
  const invite = await alice.sdk.models.organization.invite.create(org.id, {
    invitee: bob.user.email,
  });
  if (invite.invitation_token == null) throw new Error('no invitation token');
  await bob.sdk.models.organization.invite.accept(invite.invitation_token);
});

describe('team core', () => {
  it('creates teams and lists, pages and counts them by organization handle or id', async () => {
    const { team } = alice.sdk.models;
    const a = await team.create(org.handle, 'alpha');
    const b = await team.create(org.id, 'beta');
    expect(a).toMatchObject({ name: 'alpha', belongs_to__organization: { __id: org.id } });
    const listed = await team.getAllByOrganization(org.handle, { $select: ['id', 'name'] });
    expect(listed.map((row) => row.name).sort()).toEqual(['alpha', 'beta']);
    const seen: number[] = [];
    for await (const row of team.iterateAllByOrganization(org.id, {}, { pageSize: 1 })) {
      seen.push(row.id);
    }
    expect(seen.sort()).toEqual([a.id, b.id].sort());
    expect(await team.countAllByOrganization(org.id)).toBe(2);
    expect(await team.countAllByOrganization(org.id, { $filter: { name: 'beta' } })).toBe(1);
  });

  it('gets, renames and removes a team', async () => {
    const { team } = alice.sdk.models;
    const created = await team.create(org.id, uniqueName('gamma'));
    expect(await team.get(created.id, { $select: 'name' })).toEqual({ name: created.name });
    const renamed = uniqueName('delta');
    await team.rename(created.id, renamed);
    expect((await team.get(created.id)).name).toBe(renamed);
    await team.remove(created.id);
    await expect(team.get(created.id)).rejects.toThrow(/Team not found/);
  });

  it('refuses a name already used in the organization', async () => {
    const { team } = alice.sdk.models;
    const taken = await team.create(org.id, uniqueName('taken'));
    const other = await team.create(org.id, uniqueName('other'));
    await expect(team.create(org.id, taken.name)).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 409,
    });
    await expect(team.rename(other.id, taken.name)).rejects.toThrow(/already exists/);
  });

  it('raises not-found errors for missing teams and organizations', async () => {
    const { team } = alice.sdk.models;
    await expect(team.get(MISSING_ID)).rejects.toThrow(/Team not found/);
    await expect(team.rename(MISSING_ID, 'x')).rejects.toThrow(/Team not found/);
    await expect(team.create(MISSING_ID, 'x')).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
    await expect(team.getAllByOrganization('no_such_org_anywhere')).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
    await expect(carol.sdk.models.team.getAllByOrganization(org.id)).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
  });

  it('rejects invalid input before any request', async () => {
    const { team } = alice.sdk.models;
    const invalid = { code: 'BalenaInvalidParameterError' };
    await expect(team.get(null as unknown as number)).rejects.toMatchObject(invalid);
    await expect(team.create(org.id, '')).rejects.toMatchObject(invalid);
    await expect(team.rename(1, '')).rejects.toMatchObject(invalid);
    await expect(team.rename('1' as unknown as number, 'x')).rejects.toMatchObject(invalid);
    await expect(team.remove(0)).rejects.toMatchObject(invalid);
    await expect(team.getAllByOrganization('')).rejects.toMatchObject(invalid);
  });
});

describe('team.applicationAccess', () => {
  it('grants, reads, changes and removes a team access to a fleet', async () => {
    const { team } = alice.sdk.models;
    const fleet = await createTestFleet(alice, { organization: org.id });
    const created = await team.create(org.id, uniqueName('access'));
    const access = await team.applicationAccess.add(created.id, fleet.slug, 'developer');
    expect(access).toMatchObject({
      team: { __id: created.id },
      grants_access_to__application: { __id: fleet.id },
    });
    const roleOf = async () =>
      (
        await team.applicationAccess.get(access.id, {
          $select: 'id',
          $expand: { application_membership_role: { $select: 'name' } },
        })
      ).application_membership_role[0].name;
    expect(await roleOf()).toBe('developer');
    await team.applicationAccess.update(access.id, 'observer');
    expect(await roleOf()).toBe('observer');
    const all = await team.applicationAccess.getAllByTeam(created.id, { $select: 'id' });
    expect(all).toEqual([{ id: access.id }]);
    await team.applicationAccess.remove(access.id);
    expect(await team.applicationAccess.getAllByTeam(created.id)).toEqual([]);
  });

  it('refuses a fleet of another organization', async () => {
    const { team } = alice.sdk.models;
    const foreignFleet = await createTestFleet(alice);
    const created = await team.create(org.id, uniqueName('foreign'));
    await expect(
      team.applicationAccess.add(created.id, foreignFleet.id, 'developer'),
    ).rejects.toMatchObject({ code: 'BalenaRequestError', statusCode: 400 });
  });

  it('raises the not-found errors of teams, fleets, roles and accesses', async () => {
    const { team } = alice.sdk.models;
    const fleet = await createTestFleet(alice, { organization: org.id });
    const created = await team.create(org.id, uniqueName('nf'));
    await expect(team.applicationAccess.getAllByTeam(MISSING_ID)).rejects.toThrow(/Team not found/);
    await expect(team.applicationAccess.get(MISSING_ID)).rejects.toThrow(
      /Team application access not found/,
    );
    await expect(
      team.applicationAccess.add(created.id, 'no_such_org/no_such_fleet', 'developer'),
    ).rejects.toMatchObject({ code: 'BalenaApplicationNotFound' });
    await expect(
      team.applicationAccess.add(created.id, fleet.id, 'overlord'),
    ).rejects.toMatchObject({ code: 'BalenaApplicationMembershipRoleNotFound' });
    await expect(team.applicationAccess.update(MISSING_ID, 'overlord')).rejects.toMatchObject({
      code: 'BalenaApplicationMembershipRoleNotFound',
    });
  });

  it('rejects invalid input before any request', async () => {
    const { applicationAccess } = alice.sdk.models.team;
    const invalid = { code: 'BalenaInvalidParameterError' };
    await expect(applicationAccess.get(-1)).rejects.toMatchObject(invalid);
    await expect(
      applicationAccess.add('x' as unknown as number, 1, 'developer'),
    ).rejects.toMatchObject(invalid);
    await expect(applicationAccess.add(1, 1, '')).rejects.toMatchObject(invalid);
    await expect(applicationAccess.update(1, '')).rejects.toMatchObject(invalid);
    await expect(applicationAccess.remove(0)).rejects.toMatchObject(invalid);
    await expect(applicationAccess.getAllByTeam(null as unknown as number)).rejects.toMatchObject(
      invalid,
    );
  });
});

describe('team.membership', () => {
  it('adds organization members by username, lists, pages, counts and removes them', async () => {
    const { team } = alice.sdk.models;
    const created = await team.create(org.id, uniqueName('members'));
    const bobs = await team.membership.create({ team: created.id, username: bob.user.username });
    const alices = await team.membership.create({
      team: created.id,
      username: alice.user.username,
    });
    expect(bobs).toMatchObject({
      user: { __id: bob.user.id },
      is_member_of__team: { __id: created.id },
    });
    expect(await team.membership.get(bobs.id, { $select: 'id' })).toEqual({ id: bobs.id });
    const members = await team.membership.getAllByTeam(created.id, { $select: 'user' });
    expect(members.map((m) => m.user.__id).sort()).toEqual([alice.user.id, bob.user.id].sort());
    const seen: number[] = [];
    for await (const m of team.membership.iterateAllByTeam(created.id, {}, { pageSize: 1 })) {
      seen.push(m.id);
    }
    expect(seen.sort()).toEqual([alices.id, bobs.id].sort());
    expect(await team.membership.countAllByTeam(created.id)).toBe(2);

    const bobsView = await bob.sdk.models.team.membership.getAllByUser(bob.user.username, {
      $select: 'id',
    });
    expect(bobsView.map((m) => m.id)).toContain(bobs.id);
    const byId = await alice.sdk.models.team.membership.getAllByUser(bob.user.id, {
      $select: 'id',
      $filter: { is_member_of__team: created.id },
    });
    expect(byId).toEqual([{ id: bobs.id }]);

    await team.membership.remove([bobs.id, alices.id]);
    expect(await team.membership.countAllByTeam(created.id)).toBe(0);
  });

  it('refuses users outside the organization and unknown usernames', async () => {
    const { team } = alice.sdk.models;
    const created = await team.create(org.id, uniqueName('outsiders'));
    await expect(
      team.membership.create({ team: created.id, username: carol.user.username }),
    ).rejects.toThrow(/is member of the organization/);
    await expect(
      team.membership.create({ team: created.id, username: 'nobody_with_this_name' }),
    ).rejects.toMatchObject({ code: 'BalenaRequestError', statusCode: 400 });
  });

  it('raises not-found for a missing membership and rejects invalid input', async () => {
    const { membership } = alice.sdk.models.team;
    await expect(membership.get(MISSING_ID)).rejects.toMatchObject({ code: 'BalenaError' });
    const invalid = { code: 'BalenaInvalidParameterError' };
    await expect(membership.get('1' as unknown as number)).rejects.toMatchObject(invalid);
    await expect(membership.getAllByTeam(0)).rejects.toMatchObject(invalid);
    await expect(membership.getAllByUser('')).rejects.toMatchObject(invalid);
    await expect(membership.create({ team: 1, username: '' })).rejects.toMatchObject(invalid);
    await expect(
      membership.create({ team: null as unknown as number, username: 'x' }),
    ).rejects.toMatchObject(invalid);
    await expect(membership.remove([])).rejects.toMatchObject(invalid);
    await expect(membership.remove([1, 'x' as unknown as number])).rejects.toMatchObject(invalid);
  });
});

describe('team access and directly accessible fleets', () => {
  it("lists the fleet a member's team was granted, and not a public fleet of someone else", async () => {
    const { team } = alice.sdk.models;
    const fleet = await createTestFleet(alice, { organization: org.id });
    const created = await team.create(org.id, uniqueName('direct'));
    await team.membership.create({ team: created.id, username: bob.user.username });
    await team.applicationAccess.add(created.id, fleet.id, 'observer');
    const publicFleet = await createTestFleet(carol);
    await carol.sdk.pine.patch({
      resource: 'application',
      id: publicFleet.id,
      body: { is_public: true },
    });
    expect((await bob.sdk.models.application.get(publicFleet.id, { $select: 'id' })).id).toBe(
      publicFleet.id,
    );

    const { application } = bob.sdk.models;
    expect(await application.getAllDirectlyAccessible({ $select: 'id' })).toEqual([
      { id: fleet.id },
    ]);
    expect(await application.getDirectlyAccessible(fleet.slug, { $select: 'id' })).toEqual({
      id: fleet.id,
    });
    expect(await application.hasAny()).toBe(true);
    await expect(application.getDirectlyAccessible(publicFleet.slug)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    const carolsDirect = await carol.sdk.models.application.getAllDirectlyAccessible({
      $select: 'id',
    });
    expect(carolsDirect).toEqual([{ id: publicFleet.id }]);
  });
});
