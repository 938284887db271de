// models.organization (core methods and invites) against the real local API, with two users.
import { beforeAll, describe, expect, it } from 'vitest';
import { getSdk } from '../../src/index.js';
import { loginNewUser, personalOrganizationId, uniqueName, type LoggedInUser } from './helpers.js';

let alice: LoggedInUser;
let bob: LoggedInUser;

beforeAll(async () => {
  [alice, bob] = await Promise.all([loginNewUser(), loginNewUser()]);
});

const MISSING_ID = 999_999_999;

describe('organization.getAll / iterateAll / countAll', () => {
  it('lists exactly the personal organization of a fresh user, narrowed by $select', async () => {
    const orgs = await alice.sdk.models.organization.getAll({ $select: ['handle', 'name'] });
    expect(orgs).toEqual([{ handle: alice.user.username, name: alice.user.username }]);
  });

  it('pages and counts what getAll returns', async () => {
    const { organization } = bob.sdk.models;
    const created = await organization.create({ name: uniqueName('Paged Org') });
    const seen: number[] = [];
    for await (const org of organization.iterateAll({ $select: 'id' }, { pageSize: 1 })) {
      seen.push(org.id);
    }
    const all = await organization.getAll({ $select: 'id' });
    expect(seen.sort()).toEqual(all.map((org) => org.id).sort());
    expect(seen).toContain(created.id);
    expect(await organization.countAll()).toBe(all.length);
    expect(await organization.countAll({ $filter: { id: created.id } })).toBe(1);
  });
});

describe('organization.create', () => {
  it('derives distinct handles for two organizations with the same name', async () => {
    const name = uniqueName('Same Name');
    const first = await alice.sdk.models.organization.create({ name });
    const second = await alice.sdk.models.organization.create({ name });
    expect(first.name).toBe(name);
    expect(first.handle).toBe(name.toLowerCase().replace(/\W+/g, '_'));
    expect(second.handle).not.toBe(first.handle);
  });

  it('uses a given handle and makes the creator an administrator', async () => {
    const handle = uniqueName('handle').toLowerCase();
    const org = await alice.sdk.models.organization.create({ name: 'Handled', handle });
    expect(org.handle).toBe(handle);
    const [membership] = await alice.sdk.models.organization.membership.getAllByOrganization(
      handle,
      { $select: 'id', $expand: { organization_membership_role: { $select: 'name' } } },
    );
    expect(membership.organization_membership_role[0].name).toBe('administrator');
  });

  it('rejects a missing name before any request, and a malformed handle at the API', async () => {
    await expect(
      alice.sdk.models.organization.create({} as unknown as { name: string }),
    ).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
    await expect(
      alice.sdk.models.organization.create({ name: 'Bad', handle: 'Not Lower' }),
    ).rejects.toMatchObject({ code: 'BalenaRequestError', statusCode: 400 });
  });
});

describe('organization.get', () => {
  it('reads by handle and by id, with pine options', async () => {
    const id = await personalOrganizationId(alice);
    const byHandle = await alice.sdk.models.organization.get(alice.user.username, {
      $select: ['id', 'handle'],
    });
    expect(byHandle).toEqual({ id, handle: alice.user.username });
    const byId = await alice.sdk.models.organization.get(id, { $select: 'name' });
    expect(byId).toEqual({ name: alice.user.username });
  });

  it('raises BalenaOrganizationNotFound for a missing or invisible organization', async () => {
    const { organization } = alice.sdk.models;
    await expect(organization.get('no_such_org_anywhere')).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
    await expect(organization.get(MISSING_ID)).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
    await expect(organization.get(bob.user.username)).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
  });

  it('rejects invalid identifiers before any request', async () => {
    for (const invalid of [null, '', -1, 1.5, {}]) {
      await expect(
        alice.sdk.models.organization.get(invalid as unknown as string),
      ).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
    }
  });
});

describe('organization.remove', () => {
  it('deletes an organization with its teams, by handle', async () => {
    const org = await alice.sdk.models.organization.create({ name: uniqueName('Doomed') });
    await alice.sdk.models.team.create(org.id, 'doomed team');
    await alice.sdk.models.organization.remove(org.handle);
    await expect(alice.sdk.models.organization.get(org.id)).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
    // The handle is free again: the row is gone, not just hidden.
    const again = await alice.sdk.models.organization.create({ name: 'Again', handle: org.handle });
    expect(again.id).not.toBe(org.id);
  });

  it('raises NotFound for a missing organization and rejects invalid input', async () => {
    await expect(alice.sdk.models.organization.remove(MISSING_ID)).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
    await expect(alice.sdk.models.organization.remove('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });
});

describe('organization.invite', () => {
  it('invites a user by e-mail, who accepts and becomes a member', async () => {
    const org = await alice.sdk.models.organization.create({ name: uniqueName('Invite Org') });
    const invite = await alice.sdk.models.organization.invite.create(org.handle, {
      invitee: bob.user.email,
      roleName: 'member',
      message: 'join us',
    });
    expect(invite).toMatchObject({
      message: 'join us',
      is_invited_to__organization: { __id: org.id },
    });
    const listed = await alice.sdk.models.organization.invite.getAllByOrganization(org.id, {
      $select: 'id',
      $expand: { invitee: { $select: 'email' } },
    });
    expect(listed).toEqual([{ id: invite.id, invitee: [{ email: bob.user.email }] }]);
    const all = await alice.sdk.models.organization.invite.getAll({ $select: 'id' });
    expect(all.map((row) => row.id)).toContain(invite.id);

    const token = invite.invitation_token;
    if (token == null) throw new Error('the local API returns the invitation token');
    await expect(alice.sdk.models.organization.invite.accept(token)).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 403,
    });
    await bob.sdk.models.organization.invite.accept(token);
    const bobsOrgs = await bob.sdk.models.organization.getAll({ $select: 'handle' });
    expect(bobsOrgs.map((row) => row.handle)).toContain(org.handle);
    expect(await alice.sdk.models.organization.invite.getAllByOrganization(org.id)).toEqual([]);
    const [membership] = await alice.sdk.models.organization.membership.getAllByOrganization(
      org.id,
      {
        $select: 'id',
        $filter: { user: bob.user.id },
        $expand: { organization_membership_role: { $select: 'name' } },
      },
    );
    expect(membership.organization_membership_role[0].name).toBe('member');
  });

  it('revokes an invite', async () => {
    const orgId = await personalOrganizationId(alice);
    const invite = await alice.sdk.models.organization.invite.create(orgId, {
      invitee: `${uniqueName('someone')}@example.com`,
    });
    await alice.sdk.models.organization.invite.revoke(invite.id);
    const left = await alice.sdk.models.organization.invite.getAllByOrganization(orgId, {
      $select: 'id',
    });
    expect(left.map((row) => row.id)).not.toContain(invite.id);
  });

  it('raises the not-found errors of the organization, the role and the token', async () => {
    const { invite } = alice.sdk.models.organization;
    await expect(invite.create(MISSING_ID, { invitee: 'x@example.com' })).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
    await expect(
      invite.create(alice.user.username, { invitee: 'x@example.com', roleName: 'overlord' }),
    ).rejects.toMatchObject({ code: 'BalenaOrganizationMembershipRoleNotFound' });
    await expect(invite.getAllByOrganization('no_such_org_anywhere')).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
    await expect(invite.accept('no-such-token')).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 404,
    });
  });

  it('rejects invalid input before any request, and an anonymous accept as not logged in', async () => {
    const { invite } = alice.sdk.models.organization;
    await expect(invite.create(alice.user.username, { invitee: '' })).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(invite.revoke(0)).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
    await expect(invite.accept('')).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
    const anonymous = getSdk({ apiUrl: alice.apiUrl, dataDirectory: false });
    await expect(anonymous.models.organization.invite.accept('some-token')).rejects.toMatchObject({
      code: 'BalenaNotLoggedIn',
    });
  });
});
