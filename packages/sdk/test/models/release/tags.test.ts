// models.release.tags: the shared dependent-resource suite plus the by-fleet listing.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from '../helpers.js';
import { createTestRelease } from '../release-fixtures.js';
import {
  describeDependentResource,
  type DependentResourceUnderTest,
} from '../shared/dependent-resource.js';

describeDependentResource({
  title: 'release.tags',
  keyField: 'tag_key',
  keyPrefix: 'tag',
  hasGet: false,
  notFoundCode: 'BalenaReleaseNotFound',
  invalidParent: '',
  async setup() {
    const owner = await loginNewUser();
    const fleet = await createTestFleet(owner);
    const release = await createTestRelease(owner.sdk, fleet.id);
    return { sdk: owner.sdk, parentId: release.id, parentName: release.commit };
  },
  pick(sdk) {
    const { tags } = sdk.models.release;
    // The suite passes untyped pine options; the typed overloads are covered by the type tests.
    const getAllByParent = tags.getAllByRelease as DependentResourceUnderTest['getAllByParent'];
    return { getAllByParent, set: tags.set, remove: tags.remove };
  },
});

describe('release.tags by fleet and by raw version', () => {
  let owner: LoggedInUser;
  let fleet: TestFleet;

  beforeAll(async () => {
    owner = await loginNewUser();
    fleet = await createTestFleet(owner);
    const first = await createTestRelease(owner.sdk, fleet.id, { semver: '1.0.0' });
    const second = await createTestRelease(owner.sdk, fleet.id, { semver: '1.0.1' });
    await owner.sdk.models.release.tags.set(first.id, 'stage', 'beta');
    await owner.sdk.models.release.tags.set(
      { application: fleet.slug, rawVersion: '1.0.1' },
      'stage',
      'rc',
    );
    await owner.sdk.models.release.tags.set(second.commit, 'approved', 'yes');
  });

  it('lists every release tag of a fleet ordered by key, with counts and paging', async () => {
    const { tags } = owner.sdk.models.release;
    const rows = await tags.getAllByApplication(fleet.slug, { $select: ['tag_key', 'value'] });
    expect(rows.map((r) => [r.tag_key, r.value])).toEqual([
      ['approved', 'yes'],
      ['stage', expect.any(String)],
      ['stage', expect.any(String)],
    ]);
    expect(await tags.countAllByApplication(fleet.id)).toBe(3);
    const seen = [];
    for await (const row of tags.iterateAllByApplication(fleet.id, {}, { pageSize: 1 }))
      seen.push(row.id);
    expect(new Set(seen).size).toBe(3);
  });

  it('reads the tags of a release named by fleet and raw version', async () => {
    const { tags } = owner.sdk.models.release;
    const rows = await tags.getAllByRelease({ application: fleet.id, rawVersion: '1.0.1' });
    expect(rows.map((r) => r.tag_key)).toEqual(['approved', 'stage']);
    expect(await tags.countAllByRelease({ application: fleet.id, rawVersion: '1.0.1' })).toBe(2);
  });

  it('throws for unknown fleets and invalid ones', async () => {
    const { tags } = owner.sdk.models.release;
    await expect(tags.getAllByApplication(999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    await expect(tags.getAllByApplication('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });

  it('rejects reserved and whitespace keys with the API texts', async () => {
    const { tags } = owner.sdk.models.release;
    const [release] = await owner.sdk.models.release.getAllByApplication(fleet.id, {
      $select: 'id',
    });
    await expect(tags.set(release!.id, 'bad key', 'x')).rejects.toMatchObject({
      message: 'Request error: Tag keys cannot contain whitespace.',
    });
    await expect(tags.set(release!.id, 'io.balena.x', 'x')).rejects.toMatchObject({
      message: 'Request error: Tag keys beginning with io.balena. are reserved.',
    });
  });
});
