// models.application "directly accessible" reads: fleets reached through an administered organization or a
// membership, not the public fleets every user can read.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from '../helpers.js';

let owner: LoggedInUser;
let newcomer: LoggedInUser;
let fleet: TestFleet;

beforeAll(async () => {
  [owner, newcomer] = await Promise.all([loginNewUser(), loginNewUser()]);
  fleet = await createTestFleet(owner);
});

describe('application directly accessible reads', () => {
  it('lists the fleets of an administered organization, without public fleets', async () => {
    const { application } = owner.sdk.models;
    const direct = await application.getAllDirectlyAccessible({ $select: ['id', 'is_public'] });
    expect(direct).toEqual([{ id: fleet.id, is_public: false }]);
    const everything = await application.getAll({ $select: 'is_public' });
    expect(everything.length).toBeGreaterThanOrEqual(direct.length);
    expect(await application.countAll({}, 'directly_accessible')).toBe(1);
  });

  it('gets a fleet directly accessible by id or slug', async () => {
    const { application } = owner.sdk.models;
    expect(await application.getDirectlyAccessible(fleet.slug, { $select: 'id' })).toEqual({
      id: fleet.id,
    });
    expect(await application.getDirectlyAccessible(fleet.id, { $select: 'id' })).toEqual({
      id: fleet.id,
    });
    await expect(application.getDirectlyAccessible(999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    await expect(application.getDirectlyAccessible('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });

  it('hasAny is false for a user without fleets of its own, true for the owner', async () => {
    expect(await owner.sdk.models.application.hasAny()).toBe(true);
    expect(await newcomer.sdk.models.application.hasAny()).toBe(false);
  });

  it('does not count a public fleet as directly accessible', async () => {
    const publicFleets = await newcomer.sdk.models.application.getAll({
      $select: ['id', 'slug'],
      $filter: { is_public: true },
    });
    if (publicFleets.length === 0) throw new Error('the local API seeds public host fleets');
    const [publicFleet] = publicFleets;
    expect((await newcomer.sdk.models.application.get(publicFleet.id, { $select: 'id' })).id).toBe(
      publicFleet.id,
    );
    await expect(
      newcomer.sdk.models.application.getDirectlyAccessible(publicFleet.slug),
    ).rejects.toMatchObject({ code: 'BalenaApplicationNotFound' });
    expect(await newcomer.sdk.models.application.getAllDirectlyAccessible()).toEqual([]);
  });
});
