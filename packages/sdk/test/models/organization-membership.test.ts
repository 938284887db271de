// models.organization.membership and membership.tags against the real local API, with two users.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeDependentResource } from './shared/dependent-resource.js';
import { loginNewUser, uniqueName, type LoggedInUser } from './helpers.js';

let alice: LoggedInUser;
let bob: LoggedInUser;
let org: { id: number; handle: string };
let aliceMembershipId: number;
let bobMembershipId: number;

const MISSING_ID = 999_999_999;

/** Creates an organization owned by `owner` that `member` joined through an accepted invite. */
async function sharedOrganization(owner: LoggedInUser, member: LoggedInUser) {
  const created = await owner.sdk.models.organization.create({ name: uniqueName('Shared') });
  const invite = await owner.sdk.models.organization.invite.create(created.id, {
    invitee: member.user.email,
  });
  if (invite.invitation_token == null) throw new Error('no invitation token');
  await member.sdk.models.organization.invite.accept(invite.invitation_token);
  return created;
}

beforeAll(async () => {
  [alice, bob] = await Promise.all([loginNewUser(), loginNewUser()]);
  org = await sharedOrganization(alice, bob);
  const memberships = await alice.sdk.models.organization.membership.getAllByOrganization(org.id, {
    $select: ['id', 'user'],
  });
  aliceMembershipId = memberships.find((m) => m.user.__id === alice.user.id)?.id ?? 0;
  bobMembershipId = memberships.find((m) => m.user.__id === bob.user.id)?.id ?? 0;
});

describe('organization.membership reads', () => {
  it('lists the memberships of an organization by handle or id, and pages and counts them', async () => {
    const { membership } = alice.sdk.models.organization;
    const byHandle = await membership.getAllByOrganization(org.handle, { $select: 'id' });
    const byId = await membership.getAllByOrganization(org.id, { $select: 'id' });
    expect(byHandle.map((m) => m.id).sort()).toEqual([aliceMembershipId, bobMembershipId].sort());
    expect(byId).toEqual(byHandle);
    const seen: number[] = [];
    for await (const m of membership.iterateAllByOrganization(org.id, {}, { pageSize: 1 })) {
      seen.push(m.id);
    }
    expect(seen.sort()).toEqual([aliceMembershipId, bobMembershipId].sort());
    expect(await membership.countAllByOrganization(org.handle)).toBe(2);
  });

  it('gets one membership by id or by its natural key', async () => {
    const { membership } = alice.sdk.models.organization;
    const byId = await membership.get(bobMembershipId, { $select: ['id', 'user'] });
    expect(byId).toEqual({ id: bobMembershipId, user: { __id: bob.user.id } });
    const byKey = await membership.get(
      { user: bob.user.id, is_member_of__organization: org.id },
      { $select: 'id' },
    );
    expect(byKey).toEqual({ id: bobMembershipId });
  });

  it('lists the memberships of a user by username or id', async () => {
    const { membership } = bob.sdk.models.organization;
    const byName = await membership.getAllByUser(bob.user.username, {
      $select: 'is_member_of__organization',
    });
    expect(byName.map((m) => m.is_member_of__organization.__id)).toContain(org.id);
    const byId = await membership.getAllByUser(bob.user.id, { $select: 'id' });
    expect(byId.length).toBe(byName.length);
  });

  it('raises not-found errors for missing memberships and organizations', async () => {
    const { membership } = alice.sdk.models.organization;
    await expect(membership.get(MISSING_ID)).rejects.toMatchObject({ code: 'BalenaError' });
    await expect(membership.get(MISSING_ID)).rejects.toThrow(/Organization Membership not found/);
    await expect(membership.getAllByOrganization(MISSING_ID)).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
    expect(await membership.getAllByUser('nobody_with_this_name')).toEqual([]);
  });

  it('rejects invalid identifiers before any request', async () => {
    const { membership } = alice.sdk.models.organization;
    for (const invalid of ['abc', 0, { user: 1 }, null]) {
      await expect(membership.get(invalid as unknown as number)).rejects.toMatchObject({
        code: 'BalenaInvalidParameterError',
      });
    }
    await expect(membership.getAllByUser('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(membership.getAllByOrganization('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });
});

describe('organization.membership.changeRole / remove', () => {
  it('promotes and demotes a member', async () => {
    const { membership } = alice.sdk.models.organization;
    const roleOf = async () =>
      (
        await membership.get(bobMembershipId, {
          $select: 'id',
          $expand: { organization_membership_role: { $select: 'name' } },
        })
      ).organization_membership_role[0].name;
    await membership.changeRole(bobMembershipId, 'administrator');
    expect(await roleOf()).toBe('administrator');
    await membership.changeRole(
      { user: bob.user.id, is_member_of__organization: org.id },
      'member',
    );
    expect(await roleOf()).toBe('member');
  });

  it('raises the role not-found error and rejects invalid input', async () => {
    const { membership } = alice.sdk.models.organization;
    await expect(membership.changeRole(bobMembershipId, 'overlord')).rejects.toMatchObject({
      code: 'BalenaOrganizationMembershipRoleNotFound',
    });
    await expect(membership.changeRole('x' as unknown as number, 'member')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(membership.remove(-3)).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });

  it('keeps the last administrator, and removes a member', async () => {
    const other = await sharedOrganization(alice, bob);
    const { membership } = alice.sdk.models.organization;
    const [own] = await membership.getAllByOrganization(other.id, {
      $select: 'id',
      $filter: { user: alice.user.id },
    });
    await expect(membership.changeRole(own.id, 'member')).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 400,
    });
    await expect(membership.remove(own.id)).rejects.toThrow(/at least one organization membership/);
    await membership.remove({ user: bob.user.id, is_member_of__organization: other.id });
    expect(await membership.countAllByOrganization(other.id)).toBe(1);
    const bobsOrgs = await bob.sdk.models.organization.getAll({ $select: 'id' });
    expect(bobsOrgs.map((row) => row.id)).not.toContain(other.id);
  });
});

describe('organization.membership.tags.getAllByOrganization', () => {
  it('lists the tags on every membership of an organization, ordered by key', async () => {
    const { tags } = alice.sdk.models.organization.membership;
    await tags.set(bobMembershipId, 'zz_role', 'backend');
    await tags.set(aliceMembershipId, 'aa_role', 'lead');
    const rows = await tags.getAllByOrganization(org.handle, { $select: ['tag_key', 'value'] });
    expect(rows).toEqual([
      { tag_key: 'aa_role', value: 'lead' },
      { tag_key: 'zz_role', value: 'backend' },
    ]);
  });

  it('raises NotFound for a missing organization, rejects invalid input and reserved keys', async () => {
    const { tags } = alice.sdk.models.organization.membership;
    await expect(tags.getAllByOrganization(MISSING_ID)).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
    await expect(tags.getAllByOrganization(null as unknown as number)).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(tags.set('1' as unknown as number, 'k', 'v')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(tags.set(bobMembershipId, 'has space', 'v')).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 400,
    });
  });
});

describeDependentResource({
  title: 'organization.membership.tags',
  keyField: 'tag_key',
  keyPrefix: 'tag',
  notFoundCode: 'BalenaError',
  invalidParent: 'not-an-id',
  hasGet: false,
  async setup() {
    const owner = await loginNewUser();
    const [membership] = await owner.sdk.models.organization.membership.getAllByUser(
      owner.user.id,
      { $select: 'id' },
    );
    return { sdk: owner.sdk, parentId: membership.id };
  },
  pick: (sdk) => {
    const { tags } = sdk.models.organization.membership;
    return {
      getAllByParent: (parent, options) =>
        tags.getAllByOrganizationMembership(
          parent as number,
          options as Parameters<typeof tags.getAllByOrganizationMembership>[1],
        ),
      set: (parent, key, value) => tags.set(parent as number, key, value),
      remove: (parent, key) => tags.remove(parent as number, key),
    };
  },
});
