// models.application.membership and .invite: the invite flow between two users, then memberships.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { getSdk } from '../../../src/index.js';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from '../helpers.js';

let owner: LoggedInUser;
let invitee: LoggedInUser;
let fleet: TestFleet;

beforeAll(async () => {
  [owner, invitee] = await Promise.all([loginNewUser(), loginNewUser()]);
  fleet = await createTestFleet(owner);
});

describe('application.invite and membership between two users', () => {
  let invitationToken: string;
  let membershipId: number;

  it('refuses a direct membership for a user outside the organization', async () => {
    await expect(
      owner.sdk.models.application.membership.create({
        application: fleet.slug,
        username: invitee.user.username,
      }),
    ).rejects.toThrow(/is member of the organization/);
  });

  it('invites by e-mail with a role and a message', async () => {
    const invite = await owner.sdk.models.application.invite.create(fleet.slug, {
      invitee: invitee.user.email,
      roleName: 'observer',
      message: 'join us',
    });
    expect(invite).toMatchObject({
      message: 'join us',
      is_invited_to__application: { __id: fleet.id },
    });
    expect(typeof invite.invitation_token).toBe('string');
    invitationToken = String(invite.invitation_token);
    const byFleet = await owner.sdk.models.application.invite.getAllByApplication(fleet.id, {
      $select: ['id', 'message'],
      $expand: { invitee: { $select: 'email' } },
    });
    expect(byFleet).toEqual([
      { id: invite.id, message: 'join us', invitee: [{ email: invitee.user.email }] },
    ]);
    const all = await owner.sdk.models.application.invite.getAll({ $select: 'id' });
    expect(all.map((row) => row.id)).toContain(invite.id);
  });

  it('rejects bad invite input and missing fleets or roles', async () => {
    const { invite } = owner.sdk.models.application;
    await expect(invite.create(fleet.id, { invitee: '' })).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(
      invite.create(999_999_999, { invitee: 'someone@example.com' }),
    ).rejects.toMatchObject({ code: 'BalenaApplicationNotFound' });
    await expect(
      invite.create(fleet.id, { invitee: 'someone@example.com', roleName: 'no-such-role' }),
    ).rejects.toMatchObject({ code: 'BalenaApplicationMembershipRoleNotFound' });
    await expect(invite.getAllByApplication(999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    await expect(invite.revoke(0)).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
  });

  it('refuses acceptance without login, with an unknown token, or by someone else', async () => {
    const anonymous = getSdk({ apiUrl: inject('apiUrl'), dataDirectory: false });
    await expect(anonymous.models.application.invite.accept(invitationToken)).rejects.toMatchObject(
      {
        code: 'BalenaNotLoggedIn',
      },
    );
    await expect(invitee.sdk.models.application.invite.accept('bogus')).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 404,
    });
    const stranger = await loginNewUser();
    await expect(
      stranger.sdk.models.application.invite.accept(invitationToken),
    ).rejects.toMatchObject({
      statusCode: 403,
    });
    await expect(invitee.sdk.models.application.invite.accept('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });

  it('accepting makes the invitee a member with the invited role, and removes the invite', async () => {
    await expect(invitee.sdk.models.application.get(fleet.id)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    await invitee.sdk.models.application.invite.accept(invitationToken);
    const seen = await invitee.sdk.models.application.get(fleet.id, { $select: 'slug' });
    expect(seen.slug).toBe(fleet.slug);
    const memberships = await owner.sdk.models.application.membership.getAllByApplication(
      fleet.slug,
      {
        $select: 'id',
        $expand: {
          user: { $select: 'username' },
          application_membership_role: { $select: 'name' },
        },
      },
    );
    const mine = memberships.find((m) => m.user[0].username === invitee.user.username);
    expect(mine?.application_membership_role[0].name).toBe('observer');
    membershipId = mine?.id ?? 0;
    expect(await owner.sdk.models.application.invite.getAllByApplication(fleet.id)).toEqual([]);
  });

  it('gets a membership by id or natural key, and rejects other keys', async () => {
    const { membership } = owner.sdk.models.application;
    const byId = await membership.get(membershipId, { $select: ['id', 'user'] });
    expect(byId).toEqual({ id: membershipId, user: { __id: invitee.user.id } });
    const byKey = await membership.get({
      user: invitee.user.id,
      is_member_of__application: fleet.id,
    });
    expect(byKey.id).toBe(membershipId);
    await expect(membership.get(999_999_999)).rejects.toThrow(/Application Membership not found/);
    await expect(membership.get('x' as unknown as number)).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });

  it('lists, iterates and counts memberships by fleet and by user', async () => {
    const { membership } = owner.sdk.models.application;
    const byName = await membership.getAllByUser(invitee.user.username, { $select: 'id' });
    const byId = await membership.getAllByUser(invitee.user.id, { $select: 'id' });
    expect(byName).toEqual([{ id: membershipId }]);
    expect(byId).toEqual(byName);
    await expect(membership.getAllByUser('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    expect(await membership.countAllByApplication(fleet.id)).toBe(1);
    const iterated = [];
    for await (const m of membership.iterateAllByApplication(fleet.slug, { $select: 'id' }))
      iterated.push(m);
    expect(iterated).toEqual([{ id: membershipId }]);
    await expect(membership.getAllByApplication(999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
  });

  it('changes the role, and rejects unknown roles', async () => {
    const { membership } = owner.sdk.models.application;
    await membership.changeRole(membershipId, 'developer');
    const changed = await membership.get(membershipId, {
      $select: 'id',
      $expand: { application_membership_role: { $select: 'name' } },
    });
    expect(changed.application_membership_role[0].name).toBe('developer');
    await expect(membership.changeRole(membershipId, 'no-such-role')).rejects.toMatchObject({
      code: 'BalenaApplicationMembershipRoleNotFound',
    });
  });

  it('removes the membership, then creates one directly for the organization member', async () => {
    const { membership } = owner.sdk.models.application;
    await membership.remove(membershipId);
    await expect(membership.get(membershipId)).rejects.toThrow(/not found/);
    await expect(membership.remove('x' as unknown as number)).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    const created = await membership.create({
      application: fleet.id,
      username: invitee.user.username,
      roleName: 'operator',
    });
    expect(created.is_member_of__application).toEqual({ __id: fleet.id });
    await expect(
      membership.create({
        application: fleet.id,
        username: invitee.user.username,
        roleName: 'nope',
      }),
    ).rejects.toMatchObject({ code: 'BalenaApplicationMembershipRoleNotFound' });
  });

  it('revokes an invite', async () => {
    const { invite } = owner.sdk.models.application;
    const created = await invite.create(fleet.id, { invitee: 'third@example.com' });
    await invite.revoke(created.id);
    expect(await invite.getAllByApplication(fleet.id)).toEqual([]);
  });
});
