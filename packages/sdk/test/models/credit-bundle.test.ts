// models.creditBundle against the real local API.
import { beforeAll, describe, expect, it } from 'vitest';
import { loginNewUser, personalOrganizationId, uniqueName, type LoggedInUser } from './helpers.js';

let alice: LoggedInUser;
let bob: LoggedInUser;
let featureId: number;

const MISSING_ID = 999_999_999;
const invalid = { code: 'BalenaInvalidParameterError' };

beforeAll(async () => {
  [alice, bob] = await Promise.all([loginNewUser(), loginNewUser()]);
  const [feature] = await alice.sdk.pine.get({
    resource: 'feature',
    options: { $select: 'id', $filter: { slug: 'device-credits' } },
  });
  featureId = feature.id;
});

describe('creditBundle.create / getAllByOrg', () => {
  it('buys credits and lists the bundles of an organization, newest first', async () => {
    const org = await alice.sdk.models.organization.create({ name: uniqueName('Credits') });
    const { creditBundle } = alice.sdk.models;
    const first = await creditBundle.create(org.handle, featureId, 10);
    const second = await creditBundle.create(org.id, featureId, 25);
    expect(second).toMatchObject({
      original_quantity: 25,
      available_balance: 25,
      total_cost: 25 * second.unit_cost,
      payment_status: 'paid',
      belongs_to__organization: { __id: org.id },
      is_for__feature: { __id: featureId },
      is_created_by__user: { __id: alice.user.id },
    });
    const bundles = await creditBundle.getAllByOrg(org.handle, {
      $select: ['id', 'original_quantity'],
    });
    expect(bundles).toEqual([
      { id: second.id, original_quantity: 25 },
      { id: first.id, original_quantity: 10 },
    ]);
    expect(
      await creditBundle.getAllByOrg(org.id, { $filter: { original_quantity: 10 }, $select: 'id' }),
    ).toEqual([{ id: first.id }]);
  });

  it('raises BalenaOrganizationNotFound for missing or foreign organizations', async () => {
    const aliceOrg = await personalOrganizationId(alice);
    await expect(bob.sdk.models.creditBundle.getAllByOrg(aliceOrg)).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
    await expect(
      bob.sdk.models.creditBundle.create(alice.user.username, featureId, 1),
    ).rejects.toMatchObject({ code: 'BalenaOrganizationNotFound' });
    await expect(alice.sdk.models.creditBundle.getAllByOrg(MISSING_ID)).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
  });

  it('rejects invalid input before any request, and an unknown feature at the API', async () => {
    const { creditBundle } = alice.sdk.models;
    await expect(creditBundle.create(alice.user.username, 0, 1)).rejects.toMatchObject(invalid);
    await expect(creditBundle.create(alice.user.username, featureId, -5)).rejects.toMatchObject(
      invalid,
    );
    await expect(creditBundle.create(alice.user.username, featureId, 1.5)).rejects.toMatchObject(
      invalid,
    );
    await expect(creditBundle.getAllByOrg('')).rejects.toMatchObject(invalid);
    await expect(creditBundle.create(alice.user.username, MISSING_ID, 1)).rejects.toMatchObject({
      code: 'BalenaRequestError',
    });
  });
});
