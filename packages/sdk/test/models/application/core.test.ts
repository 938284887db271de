// models.application reads and lifecycle against the real local API.
import { beforeAll, describe, expect, it } from 'vitest';
import { getSdk } from '../../../src/index.js';
import {
  createTestFleet,
  loginNewUser,
  personalOrganizationId,
  uniqueName,
  type LoggedInUser,
  type TestFleet,
} from '../helpers.js';

let owner: LoggedInUser;
let fleet: TestFleet;

beforeAll(async () => {
  owner = await loginNewUser();
  fleet = await owner.sdk.models.application
    .create({
      name: uniqueName('core'),
      organization: owner.user.username,
      deviceType: 'raspberrypi3',
    })
    .then((created) =>
      owner.sdk.models.application.get(created.id, { $select: ['id', 'slug', 'uuid', 'app_name'] }),
    );
});

describe('application.getDashboardUrl', () => {
  it('builds the dashboard URL from the API URL', () => {
    const url = owner.sdk.models.application.getDashboardUrl(123);
    expect(url).toMatch(/\/apps\/123$/);
  });

  it('rejects a non-finite id', () => {
    expect(() => owner.sdk.models.application.getDashboardUrl(Number.NaN)).toThrow();
  });
});

describe('application.create', () => {
  it('creates a fleet in an organization given by handle or id', async () => {
    const orgId = await personalOrganizationId(owner);
    const name = uniqueName('created');
    const created = await owner.sdk.models.application.create({
      name,
      organization: orgId,
      deviceType: 'raspberrypi4-64',
      applicationClass: 'fleet',
    });
    expect(created).toMatchObject({ app_name: name, is_of__class: 'fleet' });
    expect(created.organization).toEqual({ __id: orgId });
  });

  it('rejects a missing organization before any request', async () => {
    await expect(
      owner.sdk.models.application.create({
        name: uniqueName('x'),
        organization: undefined as unknown as string,
        deviceType: 'raspberrypi3',
      }),
    ).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
  });

  it('raises BalenaOrganizationNotFound and BalenaInvalidDeviceType', async () => {
    await expect(
      owner.sdk.models.application.create({
        name: uniqueName('x'),
        organization: 'no-such-org-handle-x',
        deviceType: 'raspberrypi3',
      }),
    ).rejects.toMatchObject({ code: 'BalenaOrganizationNotFound' });
    await expect(
      owner.sdk.models.application.create({
        name: uniqueName('x'),
        organization: owner.user.username,
        deviceType: 'no-such-device-type',
      }),
    ).rejects.toMatchObject({ code: 'BalenaInvalidDeviceType' });
  });

  it('surfaces the API rejection of a duplicate name (409 unique)', async () => {
    await expect(
      owner.sdk.models.application.create({
        name: fleet.app_name,
        organization: owner.user.username,
        deviceType: 'raspberrypi3',
      }),
    ).rejects.toMatchObject({ code: 'BalenaRequestError', statusCode: 409 });
  });
});

describe('application.get / has / getAppByName', () => {
  it('finds a fleet by id, slug (any case) and uuid', async () => {
    const { application } = owner.sdk.models;
    for (const key of [fleet.id, fleet.slug, fleet.slug.toUpperCase(), fleet.uuid]) {
      const found = await application.get(key, { $select: ['id', 'slug'] });
      expect(found).toEqual({ id: fleet.id, slug: fleet.slug });
    }
  });

  it('narrows with $expand', async () => {
    const found = await owner.sdk.models.application.get(fleet.id, {
      $select: 'id',
      $expand: { organization: { $select: 'handle' } },
    });
    expect(found.organization[0].handle).toBe(owner.user.username);
  });

  it('raises BalenaApplicationNotFound for a missing fleet', async () => {
    await expect(owner.sdk.models.application.get(999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    await expect(owner.sdk.models.application.get('nobody/nothing')).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
  });

  it('rejects invalid identifiers before any request', async () => {
    for (const bad of ['', -1, 1.5, null, {}]) {
      await expect(
        owner.sdk.models.application.get(bad as unknown as string),
      ).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
    }
  });

  it('has() tells whether a fleet exists', async () => {
    expect(await owner.sdk.models.application.has(fleet.slug)).toBe(true);
    expect(await owner.sdk.models.application.has(999_999_999)).toBe(false);
    await expect(owner.sdk.models.application.has('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });

  it('getAppByName finds by name, and raises NotFound for an unknown name', async () => {
    const found = await owner.sdk.models.application.getAppByName(fleet.app_name, {
      $select: 'slug',
    });
    expect(found).toEqual({ slug: fleet.slug });
    await expect(
      owner.sdk.models.application.getAppByName('no_such_fleet_name'),
    ).rejects.toMatchObject({ code: 'BalenaApplicationNotFound' });
    await expect(owner.sdk.models.application.getAppByName('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });

  it('_getId returns numbers as is and resolves slugs', async () => {
    expect(await owner.sdk.models.application._getId(42)).toBe(42);
    expect(await owner.sdk.models.application._getId(fleet.slug)).toBe(fleet.id);
  });
});

describe('application.getAll / getAllByOrganization and their extras', () => {
  it('lists the fleets ordered by name, merging options', async () => {
    const fleets = await owner.sdk.models.application.getAll({
      $select: ['app_name'],
      $filter: {
        organization: { $any: { $alias: 'o', $expr: { o: { handle: owner.user.username } } } },
      },
    });
    const names = fleets.map((f) => f.app_name);
    expect(names).toContain(fleet.app_name);
    expect([...names].sort()).toEqual(names);
  });

  it('lists, iterates and counts the fleets of an organization', async () => {
    const { application } = owner.sdk.models;
    const byOrg = await application.getAllByOrganization(owner.user.username, { $select: 'id' });
    const iterated = [];
    for await (const f of application.iterateAllByOrganization(
      owner.user.username,
      { $select: 'id' },
      { pageSize: 1 },
    )) {
      iterated.push(f.id);
    }
    expect(iterated.sort()).toEqual(byOrg.map((f) => f.id).sort());
    expect(await application.countAllByOrganization(owner.user.username)).toBe(byOrg.length);
    expect(await application.countAll({ $filter: { id: fleet.id } })).toBe(1);
    const all = [];
    for await (const f of application.iterateAll({ $select: 'id', $filter: { id: fleet.id } }))
      all.push(f);
    expect(all).toEqual([{ id: fleet.id }]);
  });

  it('raises BalenaOrganizationNotFound / InvalidParameter for a bad organization', async () => {
    await expect(
      owner.sdk.models.application.getAllByOrganization('no-such-org-handle-x'),
    ).rejects.toMatchObject({ code: 'BalenaOrganizationNotFound' });
    await expect(owner.sdk.models.application.getAllByOrganization('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });
});

describe('application.rename / remove', () => {
  it('renames a fleet and its slug follows', async () => {
    const target = await createTestFleet(owner);
    const newName = uniqueName('renamed');
    await owner.sdk.models.application.rename(target.slug, newName);
    const renamed = await owner.sdk.models.application.get(target.id, {
      $select: ['app_name', 'slug'],
    });
    expect(renamed.app_name).toBe(newName);
    expect(renamed.slug).toBe(`${owner.user.username}/${newName}`.toLowerCase());
    await expect(
      owner.sdk.models.application.rename(999_999_999, 'whatever'),
    ).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
  });

  it('removes fleets by slug, by id and by array of ids', async () => {
    const { application } = owner.sdk.models;
    const [a, b, c] = await Promise.all([
      createTestFleet(owner),
      createTestFleet(owner),
      createTestFleet(owner),
    ]);
    await application.remove(a.slug);
    await application.remove(b.id);
    await expect(application.remove([c.id, 999_999_999])).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    expect(await application.has(c.id)).toBe(true);
    await application.remove([c.id]);
    for (const f of [a, b, c]) expect(await application.has(f.id)).toBe(false);
    await expect(application.remove([])).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(application.remove(999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
  });
});

describe('application.remove batching', () => {
  it('honours requestBatchingChunkSize for the lookups and the deletes', async () => {
    const fleets = await Promise.all([1, 2, 3].map(() => createTestFleet(owner)));
    const sdk = getSdk({
      apiUrl: owner.apiUrl,
      dataDirectory: false,
      requestBatchingChunkSize: { numericId: 2 },
    });
    await sdk.auth.loginWithToken(owner.user.token);
    const sent: string[] = [];
    sdk.interceptors.push({
      request: (request) => {
        sent.push(`${request.method} ${decodeURIComponent(request.url)}`);
        return request;
      },
    });
    await sdk.models.application.remove(fleets.map((f) => f.id));
    const [a, b, c] = fleets.map((f) => f.id);
    expect(sent).toEqual([
      expect.stringMatching(new RegExp(`^GET .*application\\?.*id in \\(${a},${b}\\)`)),
      expect.stringMatching(new RegExp(`^GET .*application\\?.*id in \\(${c}\\)`)),
      expect.stringMatching(new RegExp(`^DELETE .*application\\?\\$filter=id in \\(${a},${b}\\)`)),
      expect.stringMatching(new RegExp(`^DELETE .*application\\?\\$filter=id in \\(${c}\\)`)),
    ]);
    for (const f of fleets) expect(await owner.sdk.models.application.has(f.id)).toBe(false);
  });
});
